#pragma once

#include <string>

#include "drivers/sim/frame_sink.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::sim {

// `text` as one line of JSON, {"screen": ..., "lines": [...]}, with its newline. UTF-8 is kept
// as is; invalid UTF-8 is replaced by U+FFFD.
std::string frame_log_line(const hal::FrameText& text);

// Writes frame_log_line() of every frame to `fd` (not owned; stderr in the app), one whole
// line per write, so technicians and scripts can follow the screens as they change.
class FrameLog final : public FrameSink {
 public:
  explicit FrameLog(int fd) : fd_(fd) {}

  void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) override;

 private:
  int fd_;
};

}  // namespace linkpos::drivers::sim
