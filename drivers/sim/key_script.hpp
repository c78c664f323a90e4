#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hal/keypad.hpp"

namespace linkpos::drivers::sim {

// One step of a --keys script: press a key, wait for a screen, or pause.
struct KeyStep {
  hal::Key key;
};
struct WaitStep {
  std::string screen;
};
struct SleepStep {
  std::chrono::milliseconds duration;
};
using ScriptStep = std::variant<KeyStep, WaitStep, SleepStep>;

// Parses "1 2 5 0 CHARGE wait:paid sleep:500"; on a bad word, the message names it and lists
// the words there are.
std::variant<std::vector<ScriptStep>, std::string> parse_key_script(std::string_view script);

}  // namespace linkpos::drivers::sim
