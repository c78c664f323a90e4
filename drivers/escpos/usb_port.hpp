#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "drivers/escpos/port_settings.hpp"
#include "drivers/escpos/printer_port.hpp"

// Internal to linkpos_escpos_printers (brings in Asio).
namespace linkpos::drivers::escpos {

// A printer-class character device (/dev/usb/lpN, the kernel's usblp driver). Opened for
// reading too only when status is asked, since a write-only printer may refuse O_RDWR.
class UsbPort final : public PrinterPort {
 public:
  UsbPort(boost::asio::io_context& io, UsbSettings settings);

  bool is_open() const override { return device_.is_open(); }
  void async_open(StepDone done) override;
  void async_write(boost::asio::const_buffer data, IoDone done) override;
  void async_read_some(boost::asio::mutable_buffer data, IoDone done) override;
  void discard_input() override;
  void close() override;
  std::size_t chunk_size() const override { return 4096; }
  bool ends_with_job() const override { return false; }
  void shutdown_send() override {}

 private:
  boost::asio::posix::stream_descriptor device_;
  UsbSettings settings_;
};

}  // namespace linkpos::drivers::escpos
