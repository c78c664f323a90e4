#include "drivers/fbdev/pixel_converter.hpp"

namespace linkpos::drivers::fbdev {
namespace {

struct Channels {
  ChannelField red;
  ChannelField green;
  ChannelField blue;
};

// Where hal's formats keep their channels, as the kernel would describe them.
Channels channels_of(hal::PixelFormat format) {
  switch (format) {
    case hal::PixelFormat::kRgb565:
      return {{11, 5}, {5, 6}, {0, 5}};
    case hal::PixelFormat::kRgb888:
    case hal::PixelFormat::kXrgb8888:
      return {{16, 8}, {8, 8}, {0, 8}};
  }
  return {};
}

std::uint32_t read_word(const std::uint8_t* bytes, int count) {
  std::uint32_t word = 0;
  for (int i = count - 1; i >= 0; --i)
    word = (word << 8u) | bytes[i];
  return word;
}

// A channel widened to 8 bits by repeating its top bits, so full scale stays full scale.
std::uint32_t widen(std::uint32_t word, const ChannelField& field) {
  const std::uint32_t value = (word >> field.offset) & ((1u << field.length) - 1u);
  std::uint32_t wide = value << (8 - field.length);
  for (int filled = field.length; filled < 8; filled += field.length) {
    wide |= value << (8 - field.length) >> filled;
  }
  return wide;
}

std::uint32_t place(std::uint32_t value8, const ChannelField& field) {
  return (value8 >> (8 - field.length)) << field.offset;
}

}  // namespace

hal::PixelFormat drawing_format(const FramebufferGeometry& panel) {
  switch (panel.bits_per_pixel) {
    case 16:
      return hal::PixelFormat::kRgb565;
    case 24:
      return hal::PixelFormat::kRgb888;
    default:
      return hal::PixelFormat::kXrgb8888;
  }
}

PixelConverter::PixelConverter(hal::PixelFormat from, const FramebufferGeometry& to)
    : from_bytes_(hal::bytes_per_pixel(from)),
      from_red_(channels_of(from).red),
      from_green_(channels_of(from).green),
      from_blue_(channels_of(from).blue),
      to_bytes_(to.bits_per_pixel / 8),
      red_(to.red),
      green_(to.green),
      blue_(to.blue),
      opaque_(to.transp.length == 0 ? 0u : ((1u << to.transp.length) - 1u) << to.transp.offset) {
  // An alpha byte is left to conversion: what the app leaves in XRGB's spare byte is undefined.
  is_copy_ = from_bytes_ == to_bytes_ && from_red_ == red_ && from_green_ == green_ &&
             from_blue_ == blue_ && to.transp.length == 0;
}

void PixelConverter::convert(const std::uint8_t* from, std::uint8_t* to) const {
  const std::uint32_t word = read_word(from, from_bytes_);
  const std::uint32_t out = place(widen(word, from_red_), red_) |
                            place(widen(word, from_green_), green_) |
                            place(widen(word, from_blue_), blue_) | opaque_;
  for (int i = 0; i < to_bytes_; ++i)
    to[i] = static_cast<std::uint8_t>(out >> (8 * i));
}

}  // namespace linkpos::drivers::fbdev
