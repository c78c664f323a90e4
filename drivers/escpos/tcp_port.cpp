#include "drivers/escpos/tcp_port.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>

namespace linkpos::drivers::escpos {
namespace {

constexpr int kMaxDiscardReads = 16;

}  // namespace

TcpPort::TcpPort(boost::asio::io_context& io, TcpSettings settings)
    : resolver_(io), socket_(io), settings_(std::move(settings)) {}

void TcpPort::async_open(StepDone done) {
  opening_ = true;
  resolver_.async_resolve(
      settings_.host, std::to_string(settings_.port),
      [this, done = std::move(done)](
          const boost::system::error_code& error,
          const boost::asio::ip::tcp::resolver::results_type& endpoints) mutable {
        on_resolved(error, endpoints, std::move(done));
      });
}

void TcpPort::on_resolved(const boost::system::error_code& error,
                          const boost::asio::ip::tcp::resolver::results_type& endpoints,
                          StepDone done) {
  if (!opening_) {
    return done("connecting was abandoned");
  }
  if (error) {
    opening_ = false;
    return done("cannot resolve " + settings_.host + ": " + error.message());
  }
  boost::asio::async_connect(
      socket_, endpoints,
      [this, done = std::move(done)](const boost::system::error_code& connect_error,
                                     const boost::asio::ip::tcp::endpoint&) mutable {
        on_connected(connect_error, std::move(done));
      });
}

void TcpPort::on_connected(const boost::system::error_code& error, StepDone done) {
  opening_ = false;
  if (error) {
    close();
    return done("cannot connect: " + error.message());
  }
  // Small status requests must leave at once, not wait for Nagle.
  boost::system::error_code ignored;
  socket_.set_option(boost::asio::ip::tcp::no_delay(true), ignored);
  done(std::nullopt);
}

void TcpPort::async_write(boost::asio::const_buffer data, IoDone done) {
  boost::asio::async_write(socket_, data, std::move(done));
}

void TcpPort::async_read_some(boost::asio::mutable_buffer data, IoDone done) {
  socket_.async_read_some(data, std::move(done));
}

void TcpPort::discard_input() {
  char scrap[256];
  for (int i = 0; i < kMaxDiscardReads && socket_.is_open(); ++i) {
    boost::system::error_code error;
    const std::size_t waiting = socket_.available(error);
    if (error || waiting == 0) {
      return;
    }
    socket_.read_some(boost::asio::buffer(scrap), error);  // does not wait: bytes are there
    if (error) {
      return;
    }
  }
}

void TcpPort::shutdown_send() {
  boost::system::error_code ignored;
  socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

void TcpPort::close() {
  opening_ = false;
  resolver_.cancel();
  boost::system::error_code ignored;
  socket_.close(ignored);
}

}  // namespace linkpos::drivers::escpos
