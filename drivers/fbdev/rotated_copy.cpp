#include "drivers/fbdev/rotated_copy.hpp"

#include <cstddef>
#include <cstring>

namespace linkpos::drivers::fbdev {
namespace {

// Where in the image the panel line `line` starts, and how far apart (in bytes) the image
// pixels are that land next to each other on that line.
struct Walk {
  std::ptrdiff_t start;
  std::ptrdiff_t step;
};

Walk walk_for_line(const hal::Framebuffer& image, Rotation rotation, int line) {
  const std::ptrdiff_t pixel = hal::bytes_per_pixel(image.format);
  const std::ptrdiff_t stride = image.stride;
  const std::ptrdiff_t last_x = image.width - 1;
  const std::ptrdiff_t last_y = image.height - 1;
  switch (rotation) {
    case Rotation::k0:  // panel (x, y) shows image (x, y)
      return {line * stride, pixel};
    case Rotation::k90:  // panel (x, y) shows image (y, last_y - x)
      return {last_y * stride + line * pixel, -stride};
    case Rotation::k180:  // panel (x, y) shows image (last_x - x, last_y - y)
      return {(last_y - line) * stride + last_x * pixel, -pixel};
    case Rotation::k270:  // panel (x, y) shows image (last_x - y, x)
      return {(last_x - line) * pixel, stride};
  }
  return {0, pixel};
}

}  // namespace

void copy_rotated(const hal::Framebuffer& image, Rotation rotation, const PixelConverter& converter,
                  const PanelMemory& panel) {
  const std::uint8_t* source = image.bytes.data();
  const std::size_t line_bytes = static_cast<std::size_t>(panel.width) *
                                 static_cast<std::size_t>(converter.bytes_per_pixel_to());
  const auto pixel_bytes = static_cast<std::size_t>(converter.bytes_per_pixel_to());
  for (int y = 0; y < panel.height; ++y) {
    std::uint8_t* out = panel.bytes.data() + static_cast<std::ptrdiff_t>(y) * panel.stride;
    const Walk walk = walk_for_line(image, rotation, y);
    if (rotation == Rotation::k0 && converter.is_copy()) {
      std::memcpy(out, source + walk.start, line_bytes);
      continue;
    }
    std::ptrdiff_t at = walk.start;
    for (int x = 0; x < panel.width; ++x, at += walk.step, out += pixel_bytes) {
      if (converter.is_copy()) {
        std::memcpy(out, source + at, pixel_bytes);
      } else {
        converter.convert(source + at, out);
      }
    }
  }
}

}  // namespace linkpos::drivers::fbdev
