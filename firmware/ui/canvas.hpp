#pragma once

#include <cstdint>
#include <string_view>

#include "hal/display.hpp"
#include "ui/font.hpp"
#include "ui/qr.hpp"

namespace linkpos::ui {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;

  friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  int right() const { return x + width; }
  int bottom() const { return y + height; }
  bool empty() const { return width <= 0 || height <= 0; }
  Rect intersect(const Rect& other) const;
};

// Draws on a framebuffer of any hal::PixelFormat, honouring its stride. Nothing is ever written
// outside the clip rectangle, which is at most the framebuffer itself, whatever the coordinates.
class Canvas {
 public:
  explicit Canvas(const hal::Framebuffer& framebuffer);

  // A canvas on the same pixels that draws only inside `clip` (and this canvas's own clip).
  Canvas clipped(const Rect& clip) const;

  int width() const { return framebuffer_.width; }
  int height() const { return framebuffer_.height; }

  void fill(Rgb colour) { fill_rect(clip_, colour); }
  void fill_rect(const Rect& rect, Rgb colour);
  // The outline of `rect`, `thickness` pixels wide, inside it.
  void frame_rect(const Rect& rect, int thickness, Rgb colour);

  // Draws `utf8` on one line with the top-left of its first cell at (x, y), each font pixel
  // `scale` x `scale` screen pixels; only the glyphs' set pixels are painted.
  void draw_text(int x, int y, std::string_view utf8, const Font& font, int scale, Rgb colour);
  void draw_text(int x, int y, std::u32string_view text, const Font& font, int scale, Rgb colour);

  // Draws `qr` with its quiet zone, top-left corner at (x, y), each module `module_px` square;
  // it covers qr_side(qr.size, module_px) pixels each way.
  void draw_qr(int x, int y, const QrMatrix& qr, int module_px, Rgb dark, Rgb light);

  // The colour at (x, y) as the pixel format keeps it (RGB565 loses low bits).
  Rgb pixel(int x, int y) const;

 private:
  Canvas(const hal::Framebuffer& framebuffer, const Rect& clip);
  void put(int x, int y, Rgb colour);

  hal::Framebuffer framebuffer_;
  Rect clip_;
};

// Width in pixels of `utf8` drawn by Canvas::draw_text.
int text_width(std::string_view utf8, const Font& font, int scale);
int text_width(std::u32string_view text, const Font& font, int scale);

// Pixels each way of a QR symbol of `size` modules plus its quiet zone.
constexpr int qr_side(int size, int module_px) {
  return (size + 2 * kQrQuietZoneModules) * module_px;
}

}  // namespace linkpos::ui
