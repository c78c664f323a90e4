#pragma once

#include <utility>

#include <functional>

#include <boost/asio/ip/tcp.hpp>

namespace linkpos::tools::wixsim {

// Accepts TCP connections on one address and hands each socket on; binding happens at
// construction, so the port (when 0 was asked for) is known before anything is served.
class Listener {
 public:
  using Accepted = std::function<void(boost::asio::ip::tcp::socket)>;

  // Throws boost::system::system_error when the address cannot be bound.
  Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint);

  unsigned short port() const;
  void start(Accepted accepted);
  void stop();

 private:
  void accept();
  void on_accept(boost::system::error_code error, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  Accepted accepted_;
};

}  // namespace linkpos::tools::wixsim
