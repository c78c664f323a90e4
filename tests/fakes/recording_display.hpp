#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hal/display.hpp"

namespace linkpos::testing {

// A 320x240 screen in memory that remembers what every presented frame said.
class RecordingDisplay final : public hal::Display {
 public:
  hal::Framebuffer framebuffer() override {
    return hal::Framebuffer{kWidth, kHeight, kWidth * 4, hal::PixelFormat::kXrgb8888, pixels_};
  }
  void present(const hal::FrameText& text) override { frames.push_back(text); }

  const hal::FrameText& last() const { return frames.back(); }
  std::vector<std::string> screen_names() const {
    std::vector<std::string> names;
    for (const auto& frame : frames)
      names.push_back(frame.screen);
    return names;
  }

  std::vector<hal::FrameText> frames;

 private:
  static constexpr int kWidth = 320;
  static constexpr int kHeight = 240;
  std::vector<std::uint8_t> pixels_ = std::vector<std::uint8_t>(kWidth * kHeight * 4);
};

}  // namespace linkpos::testing
