#pragma once

#include <cstdint>

#include "drivers/fbdev/framebuffer_geometry.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::fbdev {

// The hal format the app draws in for `panel`: the one of the panel's pixel size, so drawing
// rounds colours as the panel will and the usual channel layouts need no conversion at all.
// `panel` must have passed check_geometry().
hal::PixelFormat drawing_format(const FramebufferGeometry& panel);

// Turns pixels of a hal format into a panel's bytes, whatever order the panel keeps its
// channels in (BGR565, RGBX, ABGR...); an alpha channel is written opaque.
class PixelConverter {
 public:
  // `to` must have passed check_geometry().
  PixelConverter(hal::PixelFormat from, const FramebufferGeometry& to);

  // True when both keep a pixel in the same bytes, so copying them is converting them.
  bool is_copy() const { return is_copy_; }

  int bytes_per_pixel_to() const { return to_bytes_; }

  void convert(const std::uint8_t* from, std::uint8_t* to) const;

 private:
  int from_bytes_;
  ChannelField from_red_;
  ChannelField from_green_;
  ChannelField from_blue_;
  int to_bytes_;
  ChannelField red_;
  ChannelField green_;
  ChannelField blue_;
  std::uint32_t opaque_;  // the alpha bits, all set
  bool is_copy_;
};

}  // namespace linkpos::drivers::fbdev
