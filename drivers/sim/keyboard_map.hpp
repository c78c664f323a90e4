#pragma once

#include <string_view>
#include <vector>

#include "hal/keypad.hpp"

namespace linkpos::drivers::sim {

// The PC keyboard as the terminal's keypad (the README's key map): digits; '.' or ',' for 00;
// Backspace; Delete or 'c' to clear; Enter to charge; Esc or 'x' to cancel; 'm' or Tab for the
// menu; F1-F4. Decodes the bytes a terminal sends for one read; unknown bytes are skipped.
std::vector<hal::Key> decode_keyboard(std::string_view bytes);

}  // namespace linkpos::drivers::sim
