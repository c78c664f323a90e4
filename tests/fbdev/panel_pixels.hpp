#pragma once

#include <cstdint>
#include <vector>

#include "drivers/fbdev/framebuffer_geometry.hpp"
#include "hal/display.hpp"

namespace linkpos::testing {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
};

// Writes `colour` at (x, y) of a hal framebuffer in its format, as the app's drawing would.
inline void put_pixel(const hal::Framebuffer& fb, int x, int y, Rgb colour) {
  std::uint8_t* p = fb.bytes.data() + static_cast<std::size_t>(y) * fb.stride +
                    static_cast<std::size_t>(x) * hal::bytes_per_pixel(fb.format);
  switch (fb.format) {
    case hal::PixelFormat::kRgb565: {
      const unsigned word = ((colour.r >> 3u) << 11u) | ((colour.g >> 2u) << 5u) | (colour.b >> 3u);
      p[0] = static_cast<std::uint8_t>(word);
      p[1] = static_cast<std::uint8_t>(word >> 8u);
      return;
    }
    case hal::PixelFormat::kRgb888:
      p[0] = colour.b;
      p[1] = colour.g;
      p[2] = colour.r;
      return;
    case hal::PixelFormat::kXrgb8888:
      p[0] = colour.b;
      p[1] = colour.g;
      p[2] = colour.r;
      p[3] = 0xFF;
      return;
  }
}

// One channel of a panel pixel, at the panel's own precision (5 bits of a 565 red...).
struct PanelPixel {
  unsigned r = 0;
  unsigned g = 0;
  unsigned b = 0;
  unsigned alpha = 0;
};

// Reads the pixel at (x, y) of panel memory laid out as `g`, starting at `origin`.
inline PanelPixel read_panel_pixel(const std::vector<std::uint8_t>& memory,
                                   const drivers::fbdev::FramebufferGeometry& g, int x, int y,
                                   std::size_t origin = 0) {
  const int bytes = g.bits_per_pixel / 8;
  const std::size_t at =
      origin + static_cast<std::size_t>(y) * g.line_length + static_cast<std::size_t>(x) * bytes;
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= static_cast<std::uint32_t>(memory.at(at + i)) << (8 * i);
  const auto channel = [value](const drivers::fbdev::ChannelField& f) {
    return (value >> f.offset) & ((1u << f.length) - 1u);
  };
  return PanelPixel{channel(g.red), channel(g.green), channel(g.blue), channel(g.transp)};
}

// What a panel of geometry `g` should hold for `colour`: each channel cut to its bits.
inline PanelPixel expected_panel_pixel(const drivers::fbdev::FramebufferGeometry& g, Rgb colour) {
  const auto cut = [](std::uint8_t value, const drivers::fbdev::ChannelField& f) {
    return static_cast<unsigned>(value) >> static_cast<unsigned>(8 - f.length);
  };
  return PanelPixel{cut(colour.r, g.red), cut(colour.g, g.green), cut(colour.b, g.blue),
                    (1u << g.transp.length) - 1u};
}

inline bool operator==(const PanelPixel& a, const PanelPixel& b) {
  return a.r == b.r && a.g == b.g && a.b == b.b && a.alpha == b.alpha;
}

}  // namespace linkpos::testing
