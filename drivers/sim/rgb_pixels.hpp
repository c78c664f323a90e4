#pragma once

#include <cstdint>
#include <vector>

#include "hal/display.hpp"

namespace linkpos::drivers::sim {

// The framebuffer's pixels as 8-bit red, green, blue triplets, row after row, unpadded,
// whatever its pixel format and stride.
std::vector<std::uint8_t> to_rgb24(const hal::Framebuffer& pixels);

}  // namespace linkpos::drivers::sim
