#include "drivers/sim/sim_display.hpp"

namespace linkpos::drivers::sim {

SimDisplay::SimDisplay(int width, int height)
    : width_(width), height_(height), pixels_(static_cast<std::size_t>(width) * height * 4) {}

void SimDisplay::add_sink(FrameSink& sink) {
  sinks_.push_back(&sink);
}

hal::Framebuffer SimDisplay::framebuffer() {
  return hal::Framebuffer{width_, height_, width_ * 4, hal::PixelFormat::kXrgb8888, pixels_};
}

void SimDisplay::present(const hal::FrameText& text) {
  const hal::Framebuffer pixels = framebuffer();
  for (FrameSink* sink : sinks_)
    sink->on_frame(pixels, text);
}

}  // namespace linkpos::drivers::sim
