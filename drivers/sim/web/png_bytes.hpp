#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace linkpos::drivers::sim::web {

// `rgb` (8-bit red, green, blue triplets, rows unpadded, as to_rgb24 gives them) as the bytes
// of a PNG file; nullopt when libpng refuses (an empty picture or a size that does not match).
std::optional<std::string> png_bytes(int width, int height, const std::vector<std::uint8_t>& rgb);

}  // namespace linkpos::drivers::sim::web
