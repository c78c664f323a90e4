#include "drivers/escpos/serial_port.hpp"

#include <fcntl.h>
#include <termios.h>

#include <algorithm>

#include <boost/asio/write.hpp>

namespace linkpos::drivers::escpos {
namespace {

using boost::asio::serial_port_base;

// About a tenth of a second of line time per write: 8N1 puts ten bits per byte on the wire.
constexpr unsigned kBitsPerByte = 10;
constexpr unsigned kChunksPerSecond = 10;
constexpr std::size_t kMinChunk = 16;
constexpr std::size_t kMaxChunk = 1024;

serial_port_base::flow_control::type flow_type(FlowControl flow) {
  switch (flow) {
    case FlowControl::kNone:
      return serial_port_base::flow_control::none;
    case FlowControl::kSoftware:
      return serial_port_base::flow_control::software;
    case FlowControl::kHardware:
      return serial_port_base::flow_control::hardware;
  }
  return serial_port_base::flow_control::none;
}

}  // namespace

SerialPort::SerialPort(boost::asio::io_context& io, SerialSettings settings)
    : port_(io), settings_(std::move(settings)) {}

void SerialPort::async_open(StepDone done) {
  boost::system::error_code error;
  port_.open(settings_.device, error);
  if (error) {
    return done("cannot open it: " + error.message());
  }
  // Asio opens without O_CLOEXEC; a program the terminal starts must not inherit the printer.
  ::fcntl(port_.native_handle(), F_SETFD, FD_CLOEXEC);
  if (auto problem = configure()) {
    port_.close(error);
    return done(problem);
  }
  done(std::nullopt);
}

std::optional<std::string> SerialPort::configure() {
  boost::system::error_code error;
  port_.set_option(serial_port_base::baud_rate(settings_.baud_rate), error);
  if (error) {
    return "cannot set " + std::to_string(settings_.baud_rate) + " baud: " + error.message();
  }
  port_.set_option(serial_port_base::character_size(8), error);
  if (!error) {
    port_.set_option(serial_port_base::parity(serial_port_base::parity::none), error);
  }
  if (!error) {
    port_.set_option(serial_port_base::stop_bits(serial_port_base::stop_bits::one), error);
  }
  if (error) {
    return "cannot set 8N1 framing: " + error.message();
  }
  port_.set_option(serial_port_base::flow_control(flow_type(settings_.flow_control)), error);
  if (error) {
    return "cannot set flow control: " + error.message();
  }
  return std::nullopt;
}

void SerialPort::async_write(boost::asio::const_buffer data, IoDone done) {
  boost::asio::async_write(port_, data, std::move(done));
}

void SerialPort::async_read_some(boost::asio::mutable_buffer data, IoDone done) {
  port_.async_read_some(data, std::move(done));
}

void SerialPort::discard_input() {
  if (port_.is_open()) {
    ::tcflush(port_.native_handle(), TCIFLUSH);
  }
}

void SerialPort::close() {
  boost::system::error_code ignored;
  port_.close(ignored);
}

std::size_t SerialPort::chunk_size() const {
  const std::size_t per_chunk = settings_.baud_rate / kBitsPerByte / kChunksPerSecond;
  return std::clamp(per_chunk, kMinChunk, kMaxChunk);
}

}  // namespace linkpos::drivers::escpos
