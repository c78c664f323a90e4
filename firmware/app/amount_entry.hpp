#pragma once

#include <cstdint>

#include "hal/keypad.hpp"

namespace linkpos::app {

// The amount as cashiers key it on real terminals: digits shift in from the right as minor
// units (1, 2, 5, 0 → 12.50), "00" adds two, BACKSPACE drops the last digit, CLEAR starts over.
class AmountEntry {
 public:
  // More digits than this are ignored: no currency needs them and int64 stays far from overflow.
  static constexpr int kMaxDigits = 12;

  // Applies an editing key; returns false for keys that do not edit an amount.
  bool apply(hal::Key key);
  void clear() { minor_ = 0; }
  // Puts back an amount keyed before (to try a failed sale again).
  void set(std::int64_t minor) { minor_ = minor; }

  std::int64_t minor() const { return minor_; }

 private:
  void push_digit(int digit);

  std::int64_t minor_ = 0;
};

}  // namespace linkpos::app
