#pragma once

#include <array>
#include <memory>
#include <optional>

#include <termios.h>

#include "hal/keypad.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::sim {

// The simulator's keypad: the PC keyboard on a terminal (raw mode, no echo; Ctrl-C still stops
// the terminal), or key bytes piped into `fd`. Restores the terminal's mode when destroyed.
class KeyboardKeypad final : public hal::Keypad {
 public:
  KeyboardKeypad(boost::asio::io_context& io, int fd);
  ~KeyboardKeypad() override;
  KeyboardKeypad(const KeyboardKeypad&) = delete;
  KeyboardKeypad& operator=(const KeyboardKeypad&) = delete;

  void start(hal::KeyHandler on_key) override;

 private:
  void read();

  struct Input;  // the Asio descriptor, kept out of this header
  std::unique_ptr<Input> input_;
  std::optional<termios> saved_mode_;
  int fd_;
  hal::KeyHandler on_key_;
  std::array<char, 64> buffer_{};
};

}  // namespace linkpos::drivers::sim
