#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "tests/escpos/fake_printer.hpp"

namespace linkpos::tests::escpos {

// A printer behind a character device the driver opens by path: the master side of a pty
// (the driver opens the slave as a serial port or a USB lp device) or the read end of a FIFO.
// Records every byte and answers DLE EOT through the same descriptor.
class FdPrinter {
 public:
  // A pty in raw mode, so the line discipline passes bytes untouched both ways.
  static std::unique_ptr<FdPrinter> pty(boost::asio::io_context& io);
  // A FIFO made at `path`; it only carries bytes to the printer, so status cannot be asked.
  static std::unique_ptr<FdPrinter> fifo(boost::asio::io_context& io, const std::string& path);

  // `device_fd` is the device end held open by the fake itself, so the driver closing and
  // reopening the device never looks like a hang-up to the fake.
  FdPrinter(boost::asio::io_context& io, int read_fd, std::string device, int device_fd);
  FdPrinter(const FdPrinter&) = delete;
  FdPrinter& operator=(const FdPrinter&) = delete;
  ~FdPrinter();

  // The path the driver opens.
  const std::string& device() const { return device_; }
  // The fake's own descriptor of the device: for a pty, its line settings are the driver's.
  int device_fd() const { return device_fd_; }

  // Every byte received, in order.
  std::string received;
  StatusResponder status;
  // Once this many bytes arrived the fake stops reading, like a printer whose buffer stays
  // full (out of paper under hardware flow control).
  std::optional<std::size_t> stop_reading_after;

 private:
  void read();
  void on_read(const boost::system::error_code& error, std::size_t count);

  boost::asio::posix::stream_descriptor descriptor_;
  std::string device_;
  int device_fd_ = -1;
  std::array<char, 4096> buffer_{};
};

}  // namespace linkpos::tests::escpos
