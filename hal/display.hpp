#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace linkpos::hal {

// Pixel layouts as Linux framebuffers store them (little-endian words).
enum class PixelFormat {
  kRgb565,    // 2 bytes: rrrrrggg gggbbbbb as a little-endian 16-bit word
  kRgb888,    // 3 bytes: blue, green, red
  kXrgb8888,  // 4 bytes: blue, green, red, unused
};

constexpr int bytes_per_pixel(PixelFormat format) {
  switch (format) {
    case PixelFormat::kRgb565:
      return 2;
    case PixelFormat::kRgb888:
      return 3;
    case PixelFormat::kXrgb8888:
      return 4;
  }
  return 4;
}

// A view of the display's pixel memory. `stride` is the distance in bytes between the starts of
// two lines; it may exceed width * bytes_per_pixel (hardware pads lines).
struct Framebuffer {
  int width = 0;
  int height = 0;
  int stride = 0;
  PixelFormat format = PixelFormat::kXrgb8888;
  std::span<std::uint8_t> bytes;
};

// What a presented frame says in words: which screen it is and its text, top to bottom. Tests and
// technicians read the screen through this instead of pixels.
struct FrameText {
  std::string screen;
  std::vector<std::string> lines;
};

// The terminal's screen. Implementations must keep the framebuffer's memory, size and format fixed
// for their whole lifetime, and must not show a partly drawn frame: only present() makes what was
// drawn visible.
class Display {
 public:
  virtual ~Display() = default;

  virtual Framebuffer framebuffer() = 0;

  // Makes the framebuffer's current content visible. `text` describes that content.
  virtual void present(const FrameText& text) = 0;
};

}  // namespace linkpos::hal
