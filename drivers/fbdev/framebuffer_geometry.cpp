#include "drivers/fbdev/framebuffer_geometry.hpp"

#include <cstdint>

namespace linkpos::drivers::fbdev {
namespace {

bool fits(const ChannelField& field, int bits_per_pixel) {
  return field.offset >= 0 && field.offset + field.length <= bits_per_pixel;
}

std::uint64_t mask(const ChannelField& field) {
  return ((std::uint64_t{1} << field.length) - 1) << field.offset;
}

}  // namespace

std::optional<std::string> check_geometry(const FramebufferGeometry& g) {
  if (g.bits_per_pixel != 16 && g.bits_per_pixel != 24 && g.bits_per_pixel != 32) {
    return "uses " + std::to_string(g.bits_per_pixel) +
           " bits per pixel; linkpos draws 16 (RGB565), 24 (RGB888) or 32 (XRGB8888): set a "
           "supported depth in the panel's kernel driver or device tree, or with fbset -depth 16";
  }
  if (g.width <= 0 || g.height <= 0) {
    return "reports a screen of " + std::to_string(g.width) + "x" + std::to_string(g.height) +
           " pixels; check the panel's kernel driver";
  }
  const int bytes_per_pixel = g.bits_per_pixel / 8;
  if (g.xoffset < 0 || g.yoffset < 0 || g.line_length < (g.xoffset + g.width) * bytes_per_pixel) {
    return "reports lines of " + std::to_string(g.line_length) + " bytes, too short for " +
           std::to_string(g.width) + " pixels of " + std::to_string(bytes_per_pixel) +
           " bytes; check the panel's kernel driver";
  }
  for (const ChannelField* colour : {&g.red, &g.green, &g.blue}) {
    if (colour->length < 1 || colour->length > 8 || !fits(*colour, g.bits_per_pixel)) {
      return "has colour channels linkpos cannot write (red " + std::to_string(g.red.length) +
             " bits at " + std::to_string(g.red.offset) + ", green " +
             std::to_string(g.green.length) + " at " + std::to_string(g.green.offset) + ", blue " +
             std::to_string(g.blue.length) + " at " + std::to_string(g.blue.offset) +
             "); each must be 1 to 8 bits inside the pixel";
    }
  }
  if (g.transp.length < 0 || g.transp.length > 8 || !fits(g.transp, g.bits_per_pixel)) {
    return "has an alpha channel of " + std::to_string(g.transp.length) + " bits at bit " +
           std::to_string(g.transp.offset) + " that does not fit its pixels";
  }
  if ((mask(g.red) & mask(g.green)) != 0 || (mask(g.red) & mask(g.blue)) != 0 ||
      (mask(g.green) & mask(g.blue)) != 0 ||
      ((mask(g.red) | mask(g.green) | mask(g.blue)) & mask(g.transp)) != 0) {
    return "reports colour channels that overlap; check the panel's kernel driver";
  }
  return std::nullopt;
}

std::size_t bytes_needed(const FramebufferGeometry& g) {
  const auto bytes_per_pixel = static_cast<std::size_t>(g.bits_per_pixel / 8);
  const auto last_line = static_cast<std::size_t>(g.yoffset + g.height - 1);
  return last_line * static_cast<std::size_t>(g.line_length) +
         static_cast<std::size_t>(g.xoffset + g.width) * bytes_per_pixel;
}

}  // namespace linkpos::drivers::fbdev
