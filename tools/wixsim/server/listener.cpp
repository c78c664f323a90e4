#include "tools/wixsim/server/listener.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace linkpos::tools::wixsim {

Listener::Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint)
    : io_(io), acceptor_(io) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen();
}

unsigned short Listener::port() const {
  return acceptor_.local_endpoint().port();
}

void Listener::start(Accepted accepted) {
  accepted_ = std::move(accepted);
  accept();
}

void Listener::stop() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
}

void Listener::accept() {
  acceptor_.async_accept(io_, boost::beast::bind_front_handler(&Listener::on_accept, this));
}

void Listener::on_accept(boost::system::error_code error, boost::asio::ip::tcp::socket socket) {
  if (error == boost::asio::error::operation_aborted || !acceptor_.is_open())
    return;
  // Other accept failures (too many open files …) are transient: keep serving.
  if (!error)
    accepted_(std::move(socket));
  accept();
}

}  // namespace linkpos::tools::wixsim
