#include "drivers/sim/keyboard_keypad.hpp"

#include <unistd.h>

#include <cstdio>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "drivers/sim/keyboard_map.hpp"

namespace linkpos::drivers::sim {

struct KeyboardKeypad::Input {
  explicit Input(boost::asio::io_context& io) : stream(io) {}
  boost::asio::posix::stream_descriptor stream;
};

KeyboardKeypad::KeyboardKeypad(boost::asio::io_context& io, int fd) : fd_(fd) {
  if (isatty(fd_)) {
    termios mode{};
    if (tcgetattr(fd_, &mode) == 0) {
      saved_mode_ = mode;
      // Raw input, but signals kept: Ctrl-C still reaches the terminal's SIGINT handler.
      mode.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | IEXTEN);
      mode.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
      mode.c_cc[VMIN] = 1;
      mode.c_cc[VTIME] = 0;
      tcsetattr(fd_, TCSANOW, &mode);
    }
  }
  // A duplicate, so closing the stream does not close the process's own descriptor.
  const int own = dup(fd_);
  if (own >= 0) {
    input_ = std::make_unique<Input>(io);
    boost::system::error_code error;
    input_->stream.assign(own, error);
    if (error) {
      std::fprintf(stderr, "linkpos: warning: the keyboard cannot be read (%s); no keys\n",
                   error.message().c_str());
      close(own);
      input_.reset();
    }
  }
}

KeyboardKeypad::~KeyboardKeypad() {
  if (saved_mode_)
    tcsetattr(fd_, TCSANOW, &*saved_mode_);
}

void KeyboardKeypad::start(hal::KeyHandler on_key) {
  on_key_ = std::move(on_key);
  if (input_)
    read();
}

void KeyboardKeypad::read() {
  input_->stream.async_read_some(
      boost::asio::buffer(buffer_),
      [this](const boost::system::error_code& error, std::size_t length) {
        if (error)
          return;  // end of input: no more keys
        for (const hal::Key key : decode_keyboard({buffer_.data(), length})) {
          on_key_(key);
        }
        read();
      });
}

}  // namespace linkpos::drivers::sim
