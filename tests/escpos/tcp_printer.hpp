#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <string>

#include "tests/escpos/fake_printer.hpp"

namespace linkpos::tests::escpos {

// A network printer on a loopback port chosen by the system: accepts any number of
// connections, records every byte and answers DLE EOT on the connection that asked. When the
// driver closes its side the fake closes too, as printers do.
class TcpPrinter {
 public:
  explicit TcpPrinter(boost::asio::io_context& io);
  TcpPrinter(const TcpPrinter&) = delete;
  TcpPrinter& operator=(const TcpPrinter&) = delete;
  ~TcpPrinter();

  std::uint16_t port() const { return port_; }

  // Every byte received over all connections, in order.
  std::string received;
  int connections = 0;
  StatusResponder status;
  // Once a connection brought this many bytes the fake drops it at once (a reset), with the
  // rest unread, like a printer switched off mid-receipt.
  std::optional<std::size_t> reset_after;

 private:
  struct Connection {
    explicit Connection(boost::asio::io_context& io) : socket(io) {}
    boost::asio::ip::tcp::socket socket;
    std::size_t received = 0;
    std::array<char, 512> buffer{};
  };

  void accept();
  void read(Connection& connection);
  void on_read(Connection& connection, const boost::system::error_code& error, std::size_t count);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::list<Connection> connections_;
};

// A loopback port nothing listens on: connecting to it is refused.
std::uint16_t closed_port(boost::asio::io_context& io);

// A loopback listener that never accepts and whose queue one connection of its own fills, so
// the kernel drops further connection requests unanswered: a host where nothing replies.
class UnansweredPort {
 public:
  explicit UnansweredPort(boost::asio::io_context& io);

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::ip::tcp::socket filler_;
};

}  // namespace linkpos::tests::escpos
