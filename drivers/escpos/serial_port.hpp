#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/serial_port.hpp>

#include "drivers/escpos/port_settings.hpp"
#include "drivers/escpos/printer_port.hpp"

// Internal to linkpos_escpos_printers (brings in Asio).
namespace linkpos::drivers::escpos {

// A printer on a UART: the tty is opened raw, 8N1, at the configured speed and flow control.
class SerialPort final : public PrinterPort {
 public:
  SerialPort(boost::asio::io_context& io, SerialSettings settings);

  bool is_open() const override { return port_.is_open(); }
  void async_open(StepDone done) override;
  void async_write(boost::asio::const_buffer data, IoDone done) override;
  void async_read_some(boost::asio::mutable_buffer data, IoDone done) override;
  void discard_input() override;
  void close() override;
  std::size_t chunk_size() const override;
  bool ends_with_job() const override { return false; }
  void shutdown_send() override {}

 private:
  std::optional<std::string> configure();

  boost::asio::serial_port port_;
  SerialSettings settings_;
};

}  // namespace linkpos::drivers::escpos
