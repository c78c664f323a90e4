#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>

#include "hal/keypad.hpp"

namespace linkpos::drivers::evdev {

// Which terminal key each Linux key code (KEY_*, from the device's EV_KEY events) stands for.
// Codes not in the map are ignored.
using KeyMap = std::map<std::uint16_t, hal::Key>;

// A numeric keypad's or keyboard's keys: KEY_0..9, KEY_KP0..9 and KEY_NUMERIC_0..9 are digits;
// KEY_KPDOT is 00; KEY_BACKSPACE is BACKSPACE; KEY_DELETE and KEY_CLEAR are CLEAR; KEY_ENTER,
// KEY_KPENTER and KEY_OK are CHARGE; KEY_ESC and KEY_CANCEL are CANCEL; KEY_MENU and KEY_TAB
// are MENU; KEY_F1..F4 are F1..F4.
KeyMap default_key_map();

// The config's keypad.key_map: key code (a name such as "KEY_KPASTERISK", or a number, decimal
// or 0x hex, as evtest shows it) -> terminal key name ("CANCEL", "00", "7"). The result replaces
// the default map. Either the map, or a message for the technician naming the first bad entry.
std::variant<KeyMap, std::string> parse_key_map(const std::map<std::string, std::string>& entries);

}  // namespace linkpos::drivers::evdev
