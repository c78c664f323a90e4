#pragma once

#include <cstdint>
#include <span>

#include "drivers/fbdev/pixel_converter.hpp"
#include "drivers/fbdev/rotation.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::fbdev {

// The panel's visible pixels: `bytes` starts at the top-left one.
struct PanelMemory {
  std::span<std::uint8_t> bytes;
  int width = 0;
  int height = 0;
  int stride = 0;
};

// Puts the whole of `image` on `panel`, turned clockwise by `rotation` and converted by
// `converter`. The panel is written line by line from the top, each byte once, so slow or
// write-combined video memory sees one sequential pass. The panel's size must be the image's,
// swapped for a quarter turn.
void copy_rotated(const hal::Framebuffer& image, Rotation rotation, const PixelConverter& converter,
                  const PanelMemory& panel);

}  // namespace linkpos::drivers::fbdev
