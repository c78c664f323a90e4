#pragma once

#include "hal/display.hpp"

namespace linkpos::drivers::sim {

// Something that wants every frame the simulated display presents: the console, the PNG
// snapshots, the frame log, a script waiting for a screen.
class FrameSink {
 public:
  virtual ~FrameSink() = default;

  virtual void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) = 0;
};

}  // namespace linkpos::drivers::sim
