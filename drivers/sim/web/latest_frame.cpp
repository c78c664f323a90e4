#include "drivers/sim/web/latest_frame.hpp"

#include "drivers/sim/rgb_pixels.hpp"
#include "drivers/sim/web/panel_protocol.hpp"
#include "drivers/sim/web/png_bytes.hpp"

namespace linkpos::drivers::sim::web {

void LatestFrame::update(const hal::Framebuffer& pixels, const hal::FrameText& text) {
  have_frame_ = true;
  width_ = pixels.width;
  height_ = pixels.height;
  rgb_ = to_rgb24(pixels);
  text_ = text;
  cache_.reset();
}

std::optional<EncodedFrame> LatestFrame::encoded() {
  if (!have_frame_)
    return std::nullopt;
  if (!cache_) {
    EncodedFrame frame;
    frame.text = std::make_shared<const std::string>(frame_text_message(text_));
    if (auto png = png_bytes(width_, height_, rgb_)) {
      frame.png = std::make_shared<const std::string>(std::move(*png));
    }
    cache_ = std::move(frame);
  }
  return cache_;
}

}  // namespace linkpos::drivers::sim::web
