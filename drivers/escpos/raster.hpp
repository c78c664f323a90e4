#pragma once

#include <string>

#include "drivers/escpos/mono_image.hpp"

namespace linkpos::drivers::escpos {

// The tallest picture one GS v 0 may carry on the printers we know (Epson allows 4095 rows
// on some models, 2303 on others); logos are far smaller.
constexpr int kMaxRasterRows = 2303;

// GS v 0 m xL xH yL yH d...: prints `image` at normal density (m = 0), starting at the left
// margin, then leaves the print position at the start of the next line. Throws
// std::invalid_argument for an image taller than kMaxRasterRows or wider than 255 bytes.
std::string raster_command(const MonoImage& image);

}  // namespace linkpos::drivers::escpos
