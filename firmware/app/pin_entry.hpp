#pragma once

#include <string>
#include <vector>

#include "hal/keypad.hpp"

namespace linkpos::app {

// A PIN keyed on the digits, checked on CHARGE against the PINs that open a page. The PIN is
// never shown, only its length (dots()).
class PinEntry {
 public:
  enum class Outcome {
    kTyping,  // a digit or BACKSPACE, or CHARGE with no PIN to check against
    kOpened,
    kWrong,
    kLeft,  // CANCEL
  };

  // Empty PINs open nothing: a page with none set is opened by its owner without asking.
  explicit PinEntry(std::vector<std::string> accepted);

  Outcome press(hal::Key key);
  std::string dots() const;

 private:
  std::vector<std::string> accepted_;
  std::string keyed_;
};

}  // namespace linkpos::app
