#pragma once

#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

// Internal to linkpos_escpos_printers: the byte pipe to one printer, whatever carries it.
// Only the printer's .cpp files include this (it brings in Asio).
namespace linkpos::drivers::escpos {

using IoDone = std::function<void(const boost::system::error_code&, std::size_t)>;
// Nullopt when it worked, else what went wrong, for the technician.
using StepDone = std::function<void(std::optional<std::string>)>;

// Implementations run every operation asynchronously on the printer's io_context and never
// block it. At most one operation is outstanding at a time; close() makes it complete with
// operation_aborted.
class PrinterPort {
 public:
  virtual ~PrinterPort() = default;

  virtual bool is_open() const = 0;
  // Opens the device or connects. Called only while closed.
  virtual void async_open(StepDone done) = 0;
  // Writes all of `data` unless an error stops it; the count says how much the OS took.
  virtual void async_write(boost::asio::const_buffer data, IoDone done) = 0;
  virtual void async_read_some(boost::asio::mutable_buffer data, IoDone done) = 0;
  // Drops what the printer sent earlier and nobody read (a late status answer), at once.
  virtual void discard_input() = 0;
  virtual void close() = 0;

  // The most one write carries: small enough that a slow port shows progress and a stall is
  // noticed, big enough not to cost a wake-up per few bytes.
  virtual std::size_t chunk_size() const = 0;
  // True when the port is a connection per job that ends with the job (TCP). Such a port is
  // finished with shutdown_send() and reading until the printer closes.
  virtual bool ends_with_job() const = 0;
  virtual void shutdown_send() = 0;
};

}  // namespace linkpos::drivers::escpos
