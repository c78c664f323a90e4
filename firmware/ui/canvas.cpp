#include "ui/canvas.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <stdexcept>

#include "ui/utf8.hpp"

namespace linkpos::ui {

Rect Rect::intersect(const Rect& other) const {
  const int left = std::max(x, other.x);
  const int top = std::max(y, other.y);
  const int r = std::min(right(), other.right());
  const int b = std::min(bottom(), other.bottom());
  return Rect{left, top, std::max(0, r - left), std::max(0, b - top)};
}

Canvas::Canvas(const hal::Framebuffer& framebuffer)
    : Canvas(framebuffer, Rect{0, 0, framebuffer.width, framebuffer.height}) {}

Canvas::Canvas(const hal::Framebuffer& framebuffer, const Rect& clip)
    : framebuffer_(framebuffer),
      clip_(clip.intersect(Rect{0, 0, framebuffer.width, framebuffer.height})) {
  const std::size_t line = static_cast<std::size_t>(framebuffer.width) *
                           static_cast<std::size_t>(hal::bytes_per_pixel(framebuffer.format));
  const bool fits =
      framebuffer.width >= 0 && framebuffer.height >= 0 &&
      static_cast<std::size_t>(framebuffer.stride) >= line &&
      (framebuffer.height == 0 ||
       framebuffer.bytes.size() >=
           static_cast<std::size_t>(framebuffer.stride) * (framebuffer.height - 1) + line);
  if (!fits)
    throw std::invalid_argument("Canvas: framebuffer memory smaller than its geometry");
}

Canvas Canvas::clipped(const Rect& clip) const {
  return Canvas(framebuffer_, clip_.intersect(clip));
}

void Canvas::put(int x, int y, Rgb colour) {
  // Callers have clipped already; this keeps one place that knows the byte layouts.
  const std::size_t offset =
      static_cast<std::size_t>(y) * framebuffer_.stride +
      static_cast<std::size_t>(x) * hal::bytes_per_pixel(framebuffer_.format);
  std::uint8_t* p = framebuffer_.bytes.data() + offset;
  switch (framebuffer_.format) {
    case hal::PixelFormat::kRgb565: {
      const unsigned word = ((colour.r >> 3u) << 11u) | ((colour.g >> 2u) << 5u) | (colour.b >> 3u);
      p[0] = static_cast<std::uint8_t>(word & 0xFFu);
      p[1] = static_cast<std::uint8_t>(word >> 8u);
      break;
    }
    case hal::PixelFormat::kRgb888:
      p[0] = colour.b;
      p[1] = colour.g;
      p[2] = colour.r;
      break;
    case hal::PixelFormat::kXrgb8888:
      p[0] = colour.b;
      p[1] = colour.g;
      p[2] = colour.r;
      p[3] = 0xFF;  // opaque, should a driver read the spare byte as alpha
      break;
  }
}

Rgb Canvas::pixel(int x, int y) const {
  if (x < 0 || y < 0 || x >= framebuffer_.width || y >= framebuffer_.height)
    return {};
  const std::size_t offset =
      static_cast<std::size_t>(y) * framebuffer_.stride +
      static_cast<std::size_t>(x) * hal::bytes_per_pixel(framebuffer_.format);
  const std::uint8_t* p = framebuffer_.bytes.data() + offset;
  switch (framebuffer_.format) {
    case hal::PixelFormat::kRgb565: {
      const unsigned word = p[0] | (p[1] << 8u);
      const unsigned r = (word >> 11u) & 0x1Fu;
      const unsigned g = (word >> 5u) & 0x3Fu;
      const unsigned b = word & 0x1Fu;
      return Rgb{static_cast<std::uint8_t>((r << 3u) | (r >> 2u)),
                 static_cast<std::uint8_t>((g << 2u) | (g >> 4u)),
                 static_cast<std::uint8_t>((b << 3u) | (b >> 2u))};
    }
    case hal::PixelFormat::kRgb888:
    case hal::PixelFormat::kXrgb8888:
      return Rgb{p[2], p[1], p[0]};
  }
  return {};
}

void Canvas::fill_rect(const Rect& rect, Rgb colour) {
  const Rect area = rect.intersect(clip_);
  for (int y = area.y; y < area.bottom(); ++y) {
    for (int x = area.x; x < area.right(); ++x)
      put(x, y, colour);
  }
}

void Canvas::frame_rect(const Rect& rect, int thickness, Rgb colour) {
  const int t = std::clamp(thickness, 0, std::min(rect.width, rect.height) / 2 + 1);
  fill_rect(Rect{rect.x, rect.y, rect.width, t}, colour);
  fill_rect(Rect{rect.x, rect.bottom() - t, rect.width, t}, colour);
  fill_rect(Rect{rect.x, rect.y, t, rect.height}, colour);
  fill_rect(Rect{rect.right() - t, rect.y, t, rect.height}, colour);
}

void Canvas::draw_text(int x, int y, std::string_view utf8, const Font& font, int scale,
                       Rgb colour) {
  draw_text(x, y, std::u32string_view(decode_utf8(utf8)), font, scale, colour);
}

void Canvas::draw_text(int x, int y, std::u32string_view text, const Font& font, int scale,
                       Rgb colour) {
  if (scale < 1)
    return;
  const int cell = font.width * scale;
  for (const char32_t code_point : text) {
    if (x >= clip_.right())
      break;
    if (x + cell > clip_.x) {
      const std::span<const std::uint8_t> rows = font.glyph(code_point);
      for (int row = 0; row < font.height; ++row) {
        for (int column = 0; column < font.width; ++column) {
          if ((rows[static_cast<std::size_t>(row)] & (0x80u >> column)) == 0)
            continue;
          fill_rect(Rect{x + column * scale, y + row * scale, scale, scale}, colour);
        }
      }
    }
    x += cell;
  }
}

void Canvas::draw_qr(int x, int y, const QrMatrix& qr, int module_px, Rgb dark, Rgb light) {
  if (module_px < 1)
    return;
  const int side = qr_side(qr.size, module_px);
  fill_rect(Rect{x, y, side, side}, light);
  const int origin_x = x + kQrQuietZoneModules * module_px;
  const int origin_y = y + kQrQuietZoneModules * module_px;
  for (int my = 0; my < qr.size; ++my) {
    for (int mx = 0; mx < qr.size; ++mx) {
      if (!qr.dark(mx, my))
        continue;
      fill_rect(Rect{origin_x + mx * module_px, origin_y + my * module_px, module_px, module_px},
                dark);
    }
  }
}

int text_width(std::string_view utf8, const Font& font, int scale) {
  return text_width(std::u32string_view(decode_utf8(utf8)), font, scale);
}

int text_width(std::u32string_view text, const Font& font, int scale) {
  return static_cast<int>(text.size()) * font.width * scale;
}

}  // namespace linkpos::ui
