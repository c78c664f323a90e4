#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace linkpos::drivers::fbdev {

// Where one colour channel sits in a pixel value (the kernel's fb_bitfield).
struct ChannelField {
  int offset = 0;  // bit of the channel's least significant bit
  int length = 0;  // 0 for a channel the format does not have
  friend bool operator==(const ChannelField&, const ChannelField&) = default;
};

// What the driver must know of a panel's pixel memory: the parts of fb_var_screeninfo and
// fb_fix_screeninfo it uses. Pixel values are stored little-endian, bits_per_pixel / 8 bytes each.
struct FramebufferGeometry {
  int width = 0;   // visible pixels per line (xres)
  int height = 0;  // visible lines (yres)
  int bits_per_pixel = 0;
  int line_length = 0;  // bytes from the start of one line to the next, padding included
  ChannelField red;
  ChannelField green;
  ChannelField blue;
  ChannelField transp;  // alpha, written fully opaque; length 0 when there is none
  int xoffset = 0;      // the visible area's corner in the memory (panning), in pixels
  int yoffset = 0;      // ... and in lines
};

// Nullopt when the driver can show frames in `geometry`; otherwise what is wrong with it, in
// words for a technician (without the device's name, which the caller adds).
std::optional<std::string> check_geometry(const FramebufferGeometry& geometry);

// The bytes of memory `geometry` reaches: from the start to the end of the visible area's
// last pixel.
std::size_t bytes_needed(const FramebufferGeometry& geometry);

}  // namespace linkpos::drivers::fbdev
