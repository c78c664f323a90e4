#pragma once

#include <string_view>
#include <vector>

#include "hal/keypad.hpp"

namespace linkpos::drivers::sim {

// The PC keyboard as the terminal's keypad (the README's key map): digits; '.' or ',' for 00;
// Backspace; Delete or 'c' to clear; Enter to charge; Esc or 'x' to cancel; 'm' or Tab for the
// menu; F1-F4. Decodes the bytes a terminal sends for one read; unknown bytes are skipped.
std::vector<hal::Key> decode_keyboard(std::string_view bytes);

// The key map in one line, for the console.
inline constexpr std::string_view kKeyboardLegend =
    "Keys: 0-9  .=00  Enter=CHARGE  Esc=CANCEL  Bksp  c=CLEAR  m=MENU  F1-F4  Ctrl-C quits";

}  // namespace linkpos::drivers::sim
