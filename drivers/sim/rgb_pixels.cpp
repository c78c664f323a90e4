#include "drivers/sim/rgb_pixels.hpp"

namespace linkpos::drivers::sim {

std::vector<std::uint8_t> to_rgb24(const hal::Framebuffer& pixels) {
  std::vector<std::uint8_t> rgb;
  rgb.reserve(static_cast<std::size_t>(pixels.width) * pixels.height * 3);
  const int step = hal::bytes_per_pixel(pixels.format);
  for (int y = 0; y < pixels.height; ++y) {
    const std::uint8_t* p = pixels.bytes.data() + static_cast<std::size_t>(y) * pixels.stride;
    for (int x = 0; x < pixels.width; ++x, p += step) {
      if (pixels.format == hal::PixelFormat::kRgb565) {
        const unsigned word = p[0] | (p[1] << 8u);
        const unsigned r = (word >> 11u) & 0x1Fu;
        const unsigned g = (word >> 5u) & 0x3Fu;
        const unsigned b = word & 0x1Fu;
        // Copying the high bits into the low ones maps full intensity to 255.
        rgb.push_back(static_cast<std::uint8_t>((r << 3u) | (r >> 2u)));
        rgb.push_back(static_cast<std::uint8_t>((g << 2u) | (g >> 4u)));
        rgb.push_back(static_cast<std::uint8_t>((b << 3u) | (b >> 2u)));
      } else {
        rgb.push_back(p[2]);
        rgb.push_back(p[1]);
        rgb.push_back(p[0]);
      }
    }
  }
  return rgb;
}

}  // namespace linkpos::drivers::sim
