#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hal/display.hpp"

namespace linkpos::drivers::sim::web {

// A frame as the page gets it: its text as JSON, then its picture as PNG bytes (null when
// libpng could not encode it). Shared by every client it is sent to.
struct EncodedFrame {
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const std::string> png;
};

// The last frame presented, copied (the display draws the next one in the same memory) and
// encoded only once someone asks for it, so frames nobody watches cost a copy, not a PNG.
class LatestFrame {
 public:
  void update(const hal::Framebuffer& pixels, const hal::FrameText& text);

  // nullopt before the first frame.
  std::optional<EncodedFrame> encoded();

 private:
  bool have_frame_ = false;
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> rgb_;
  hal::FrameText text_;
  std::optional<EncodedFrame> cache_;
};

}  // namespace linkpos::drivers::sim::web
