#include "tests/escpos/fd_printer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include <boost/asio/write.hpp>

namespace linkpos::tests::escpos {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

std::unique_ptr<FdPrinter> FdPrinter::pty(boost::asio::io_context& io) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) {
    fail("posix_openpt");
  }
  if (::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    ::close(master);
    fail("grantpt/unlockpt");
  }
  const char* slave_name = ::ptsname(master);
  if (slave_name == nullptr) {
    ::close(master);
    fail("ptsname");
  }
  // Termios calls on the master act on the slave: raw, so neither LF → CR LF nor echo.
  termios modes{};
  ::tcgetattr(master, &modes);
  ::cfmakeraw(&modes);
  ::tcsetattr(master, TCSANOW, &modes);
  const std::string device = slave_name;
  const int slave = ::open(device.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) {
    ::close(master);
    fail("open " + device);
  }
  return std::make_unique<FdPrinter>(io, master, device, slave);
}

std::unique_ptr<FdPrinter> FdPrinter::fifo(boost::asio::io_context& io, const std::string& path) {
  if (::mkfifo(path.c_str(), 0600) != 0) {
    fail("mkfifo " + path);
  }
  // Opened for reading first and without waiting, so the driver's write-only open finds a reader.
  const int reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (reader < 0) {
    fail("open " + path);
  }
  // A writer of the fake's own keeps the FIFO from reading as ended while the driver's is shut.
  const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (writer < 0) {
    ::close(reader);
    fail("open " + path + " for writing");
  }
  return std::make_unique<FdPrinter>(io, reader, path, writer);
}

FdPrinter::FdPrinter(boost::asio::io_context& io, int read_fd, std::string device, int device_fd)
    : descriptor_(io, read_fd), device_(std::move(device)), device_fd_(device_fd) {
  read();
}

FdPrinter::~FdPrinter() {
  boost::system::error_code ignored;
  descriptor_.close(ignored);
  if (device_fd_ >= 0) {
    ::close(device_fd_);
  }
}

void FdPrinter::read() {
  descriptor_.async_read_some(
      boost::asio::buffer(buffer_),
      [this](const boost::system::error_code& error, std::size_t count) { on_read(error, count); });
}

void FdPrinter::on_read(const boost::system::error_code& error, std::size_t count) {
  if (error) {
    return;  // closed by the destructor
  }
  const std::string_view bytes(buffer_.data(), count);
  received += bytes;
  const std::string reply = status.on_received(bytes);
  if (!reply.empty()) {
    boost::asio::write(descriptor_, boost::asio::buffer(reply));  // a few bytes: never waits
  }
  if (!stop_reading_after || received.size() < *stop_reading_after) {
    read();
  }
}

}  // namespace linkpos::tests::escpos
