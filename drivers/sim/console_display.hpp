#pragma once

#include <string>

#include "drivers/sim/frame_sink.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::sim {

struct TerminalSize {
  int columns = 0;
  int rows = 0;
};

// One frame as terminal output, to be printed from the top-left corner: the picture in
// half-block cells ("▀", 24-bit foreground = upper pixel, background = lower pixel), shrunk by
// the smallest of the factors 1, 2 and 4 that fits it together with the frame's text lines,
// which follow it plainly. Rows are separated by "\r\n" and each clears the rest of its line;
// there is no final newline, so the terminal never scrolls. When even factor 4 does not fit,
// it gives a note with the terminal size needed, then the text lines.
std::string render_console_frame(const hal::Framebuffer& pixels, const hal::FrameText& text,
                                 TerminalSize terminal);

// Shows every frame on the terminal at `fd` (not owned), redrawn in place; does nothing when
// `fd` is not a terminal. The cursor is hidden while frames are shown and restored on
// destruction.
class ConsoleDisplay final : public FrameSink {
 public:
  // `legend`, when given, is printed under every frame's text (e.g. the keyboard's key map).
  explicit ConsoleDisplay(int fd, std::string legend = "");
  ~ConsoleDisplay() override;
  ConsoleDisplay(const ConsoleDisplay&) = delete;
  ConsoleDisplay& operator=(const ConsoleDisplay&) = delete;

  bool is_terminal() const { return is_terminal_; }

  void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) override;

 private:
  int fd_;
  bool is_terminal_;
  std::string legend_;
  bool drawn_ = false;
  TerminalSize last_size_;
};

}  // namespace linkpos::drivers::sim
