#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "drivers/escpos/port_settings.hpp"
#include "drivers/escpos/printer_port.hpp"

// Internal to linkpos_escpos_printers (brings in Asio).
namespace linkpos::drivers::escpos {

// A network printer's raw port: resolve, connect to the first address that answers, and one
// connection per job.
class TcpPort final : public PrinterPort {
 public:
  TcpPort(boost::asio::io_context& io, TcpSettings settings);

  bool is_open() const override { return socket_.is_open(); }
  void async_open(StepDone done) override;
  void async_write(boost::asio::const_buffer data, IoDone done) override;
  void async_read_some(boost::asio::mutable_buffer data, IoDone done) override;
  void discard_input() override;
  void close() override;
  std::size_t chunk_size() const override { return 4096; }
  bool ends_with_job() const override { return true; }
  void shutdown_send() override;

 private:
  void on_resolved(const boost::system::error_code& error,
                   const boost::asio::ip::tcp::resolver::results_type& endpoints, StepDone done);
  void on_connected(const boost::system::error_code& error, StepDone done);

  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::ip::tcp::socket socket_;
  TcpSettings settings_;
  // Cleared by close(): a resolve that finishes after it must not open a new socket.
  bool opening_ = false;
};

}  // namespace linkpos::drivers::escpos
