#pragma once

#include <cstdint>
#include <vector>

#include "hal/display.hpp"

namespace linkpos::testing {

// Pixel memory for one test, with lines padded by `padding` bytes the way hardware pads them,
// and a guard area after the last line; both must stay untouched by drawing.
class TestFramebuffer {
 public:
  static constexpr std::uint8_t kUntouched = 0xA5;

  TestFramebuffer(int width, int height, hal::PixelFormat format = hal::PixelFormat::kXrgb8888,
                  int padding = 0)
      : width_(width),
        height_(height),
        format_(format),
        stride_(width * hal::bytes_per_pixel(format) + padding),
        bytes_(static_cast<std::size_t>(stride_) * height + kGuard, kUntouched) {}

  hal::Framebuffer view() {
    return hal::Framebuffer{width_, height_, stride_, format_,
                            std::span<std::uint8_t>(bytes_.data(), bytes_.size() - kGuard)};
  }

  // True when no byte outside the visible pixels (line padding, guard) was written.
  bool margins_untouched() const {
    const std::size_t line = static_cast<std::size_t>(width_) * hal::bytes_per_pixel(format_);
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
      const std::size_t row = i / static_cast<std::size_t>(stride_);
      const bool visible =
          row < static_cast<std::size_t>(height_) && i % static_cast<std::size_t>(stride_) < line;
      if (!visible && bytes_[i] != kUntouched)
        return false;
    }
    return true;
  }

  const std::vector<std::uint8_t>& bytes() const { return bytes_; }
  int stride() const { return stride_; }

 private:
  static constexpr std::size_t kGuard = 64;
  int width_;
  int height_;
  hal::PixelFormat format_;
  int stride_;
  std::vector<std::uint8_t> bytes_;
};

}  // namespace linkpos::testing
