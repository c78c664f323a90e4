#include "drivers/evdev/evdev_keypad.hpp"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <utility>

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "drivers/evdev/input_device.hpp"

namespace linkpos::drivers::evdev {
namespace {

std::string interval_text(std::chrono::milliseconds interval) {
  if (interval.count() % 1000 == 0)
    return std::to_string(interval.count() / 1000) + " s";
  return std::to_string(interval.count()) + " ms";
}

}  // namespace

void warn_on_stderr(std::string_view message) {
  std::fprintf(stderr, "linkpos: warning: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

struct EvdevKeypad::Io {
  explicit Io(boost::asio::io_context& io) : device(io), timer(io) {}
  boost::asio::posix::stream_descriptor device;
  boost::asio::steady_timer timer;
};

EvdevKeypad::EvdevKeypad(boost::asio::io_context& io, EvdevSettings settings, WarningSink warn)
    : io_(std::make_unique<Io>(io)), settings_(std::move(settings)), warn_(std::move(warn)) {
  const OpenedInput opened = open_input_device(settings_.device);
  switch (opened.failure) {
    case OpenedInput::Failure::kNone:
      attach(opened.fd);
      break;
    case OpenedInput::Failure::kRefused:
      throw std::runtime_error(name() + ": " + opened.problem);
    case OpenedInput::Failure::kAbsent:
      // Not plugged in yet, or a wrong name: warned, and the terminal starts without keys.
      warn_(name() + " cannot be opened (" + opened.problem + "); looking for it every " +
            interval_text(settings_.reopen_interval) + " (keypad.device in the config?)");
      break;
  }
}

EvdevKeypad::EvdevKeypad(boost::asio::io_context& io, int fd, EvdevSettings settings,
                         WarningSink warn)
    : io_(std::make_unique<Io>(io)), settings_(std::move(settings)), warn_(std::move(warn)) {
  attach(fd);
}

EvdevKeypad::~EvdevKeypad() = default;

void EvdevKeypad::start(hal::KeyHandler on_key) {
  on_key_ = std::move(on_key);
  if (io_->device.is_open()) {
    read();
  } else {
    wait_to_reopen();
  }
}

std::string EvdevKeypad::name() const {
  return "keypad " + (settings_.device.empty() ? std::string("input") : settings_.device);
}

bool EvdevKeypad::attach(int fd) {
  if (auto warning = grab_input_device(fd, name()))
    warn_(*warning);
  boost::system::error_code error;
  io_->device.assign(fd, error);
  if (error) {
    close(fd);
    return false;
  }
  records_.clear();
  return true;
}

void EvdevKeypad::read() {
  io_->device.async_read_some(boost::asio::buffer(records_.space().data(), records_.space().size()),
                              [this](const boost::system::error_code& error, std::size_t length) {
                                // Cancelled: the keypad may be gone already, so touch nothing.
                                if (error == boost::asio::error::operation_aborted)
                                  return;
                                std::string failure;
                                if (error == boost::asio::error::eof) {
                                  failure = "end of input";
                                } else if (error) {
                                  failure = error.message();
                                }
                                on_read(failure, length);
                              });
}

void EvdevKeypad::on_read(const std::string& failure, std::size_t length) {
  if (!failure.empty()) {
    lose(failure);
    return;
  }
  records_.take(length, [this](const input_event& event) { on_event(event); });
  read();
}

void EvdevKeypad::on_event(const input_event& event) {
  // Value 1 is a press; 0 a release and 2 the keyboard's auto-repeat, both ignored.
  if (event.type != EV_KEY || event.value != 1)
    return;
  const auto found = settings_.key_map.find(event.code);
  if (found != settings_.key_map.end())
    on_key_(found->second);
}

void EvdevKeypad::lose(const std::string& reason) {
  boost::system::error_code ignored;
  io_->device.close(ignored);
  records_.clear();
  if (settings_.device.empty()) {
    warn_(name() + " is gone (" + reason + "); no more keys");
    return;
  }
  warn_(name() + " is gone (" + reason + "); looking for it every " +
        interval_text(settings_.reopen_interval));
  wait_to_reopen();
}

void EvdevKeypad::wait_to_reopen() {
  if (settings_.device.empty())
    return;
  io_->timer.expires_after(settings_.reopen_interval);
  io_->timer.async_wait([this](const boost::system::error_code& error) {
    if (error)
      return;  // cancelled: the keypad may be gone already
    reopen();
  });
}

void EvdevKeypad::reopen() {
  // Any failure is retried quietly: a device node may appear before udev lets us read it.
  const OpenedInput opened = open_input_device(settings_.device);
  if (opened.fd < 0 || !attach(opened.fd)) {
    wait_to_reopen();
    return;
  }
  warn_(name() + " is back");
  read();
}

}  // namespace linkpos::drivers::evdev
