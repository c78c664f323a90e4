#pragma once

#include <cstdint>
#include <vector>

#include "drivers/sim/frame_sink.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::sim {

// The simulator board's screen: XRGB8888 pixels in memory, handed on every present() to each
// sink in the order they were added.
class SimDisplay final : public hal::Display {
 public:
  SimDisplay(int width, int height);

  // `sink` must outlive the display.
  void add_sink(FrameSink& sink);

  hal::Framebuffer framebuffer() override;
  void present(const hal::FrameText& text) override;

 private:
  int width_;
  int height_;
  std::vector<std::uint8_t> pixels_;
  std::vector<FrameSink*> sinks_;
};

}  // namespace linkpos::drivers::sim
