#pragma once

#include <string>
#include <vector>

#include "hal/receipt.hpp"

namespace linkpos::drivers::escpos {

// The receipt as a technician reads it in a .txt: the same lines as on paper (same layout),
// each padded to its alignment within `columns`. Bold and size do not show; a feed is blank
// lines, a cut a line starting with "8<".
std::vector<std::string> render_text_lines(const hal::ReceiptDocument& document, int columns);

// The lines above, each ending in '\n'.
std::string render_text(const hal::ReceiptDocument& document, int columns);

}  // namespace linkpos::drivers::escpos
