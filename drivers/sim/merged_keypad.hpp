#pragma once

#include <vector>

#include "hal/keypad.hpp"

namespace linkpos::drivers::sim {

// Several keypads as one: the PC keyboard and the browser panel both press the same terminal's
// keys. Each part delivers on the loop already, so this only hands them the same handler.
class MergedKeypad final : public hal::Keypad {
 public:
  // The parts must outlive this keypad.
  explicit MergedKeypad(std::vector<hal::Keypad*> parts) : parts_(std::move(parts)) {}

  void start(hal::KeyHandler on_key) override {
    for (hal::Keypad* part : parts_)
      part->start(on_key);
  }

 private:
  std::vector<hal::Keypad*> parts_;
};

}  // namespace linkpos::drivers::sim
