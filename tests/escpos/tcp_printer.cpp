#include "tests/escpos/tcp_printer.hpp"

#include <boost/asio/socket_base.hpp>
#include <boost/asio/write.hpp>

namespace linkpos::tests::escpos {
namespace {

using boost::asio::ip::tcp;

// A small receive window, so a fake that stops reading soon stops the sender too.
constexpr int kReceiveBuffer = 4096;

}  // namespace

TcpPrinter::TcpPrinter(boost::asio::io_context& io) : io_(io), acceptor_(io) {
  const tcp::endpoint loopback(boost::asio::ip::address_v4::loopback(), 0);
  acceptor_.open(loopback.protocol());
  acceptor_.set_option(boost::asio::socket_base::receive_buffer_size(kReceiveBuffer));
  acceptor_.bind(loopback);
  acceptor_.listen();
  port_ = acceptor_.local_endpoint().port();
  accept();
}

TcpPrinter::~TcpPrinter() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  for (auto& connection : connections_) {
    connection.socket.close(ignored);
  }
}

void TcpPrinter::accept() {
  auto& connection = connections_.emplace_back(io_);
  acceptor_.async_accept(connection.socket,
                         [this, &connection](const boost::system::error_code& error) {
                           if (error) {
                             return;  // closed by the destructor
                           }
                           ++connections;
                           read(connection);
                           accept();
                         });
}

void TcpPrinter::read(Connection& connection) {
  connection.socket.async_read_some(
      boost::asio::buffer(connection.buffer),
      [this, &connection](const boost::system::error_code& error, std::size_t count) {
        on_read(connection, error, count);
      });
}

void TcpPrinter::on_read(Connection& connection, const boost::system::error_code& error,
                         std::size_t count) {
  boost::system::error_code ignored;
  if (error) {
    connection.socket.close(ignored);  // the driver closed its side (or reset): so do we
    return;
  }
  const std::string_view bytes(connection.buffer.data(), count);
  received += bytes;
  connection.received += count;
  if (reset_after && connection.received >= *reset_after) {
    // No lingering: close sends a reset, not an orderly end, whatever is still unread.
    connection.socket.set_option(boost::asio::socket_base::linger(true, 0), ignored);
    connection.socket.close(ignored);
    return;
  }
  const std::string reply = status.on_received(bytes);
  if (!reply.empty()) {
    boost::asio::write(connection.socket, boost::asio::buffer(reply), ignored);
  }
  read(connection);
}

std::uint16_t closed_port(boost::asio::io_context& io) {
  tcp::acceptor acceptor(io, tcp::endpoint(boost::asio::ip::address_v4::loopback(), 0));
  return acceptor.local_endpoint().port();  // closed again when `acceptor` goes
}

UnansweredPort::UnansweredPort(boost::asio::io_context& io) : acceptor_(io), filler_(io) {
  const tcp::endpoint loopback(boost::asio::ip::address_v4::loopback(), 0);
  acceptor_.open(loopback.protocol());
  acceptor_.bind(loopback);
  acceptor_.listen(0);  // Linux queues one connection for a backlog of 0
  filler_.connect(acceptor_.local_endpoint());
}

}  // namespace linkpos::tests::escpos
