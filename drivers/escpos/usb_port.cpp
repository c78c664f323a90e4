#include "drivers/escpos/usb_port.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include <boost/asio/write.hpp>

namespace linkpos::drivers::escpos {
namespace {

// Enough to empty any back channel of stale answers without looping on a chatty device.
constexpr int kMaxDiscardReads = 16;

}  // namespace

UsbPort::UsbPort(boost::asio::io_context& io, UsbSettings settings)
    : device_(io), settings_(std::move(settings)) {}

void UsbPort::async_open(StepDone done) {
  const int access = settings_.status.enabled ? O_RDWR : O_WRONLY;
  // O_NONBLOCK: the open itself must not wait, and discard_input() reads without waiting.
  const int fd = ::open(settings_.device.c_str(), access | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return done("cannot open it: " + std::generic_category().message(errno));
  }
  boost::system::error_code error;
  device_.assign(fd, error);
  if (error) {
    ::close(fd);
    return done("cannot use it: " + error.message());
  }
  done(std::nullopt);
}

void UsbPort::async_write(boost::asio::const_buffer data, IoDone done) {
  boost::asio::async_write(device_, data, std::move(done));
}

void UsbPort::async_read_some(boost::asio::mutable_buffer data, IoDone done) {
  device_.async_read_some(data, std::move(done));
}

void UsbPort::discard_input() {
  if (!device_.is_open() || !settings_.status.enabled) {
    return;
  }
  char scrap[256];
  for (int i = 0; i < kMaxDiscardReads; ++i) {
    if (::read(device_.native_handle(), scrap, sizeof scrap) <= 0) {
      return;  // EAGAIN: nothing more waiting
    }
  }
}

void UsbPort::close() {
  boost::system::error_code ignored;
  device_.close(ignored);
}

}  // namespace linkpos::drivers::escpos
