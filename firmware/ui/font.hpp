#pragma once

#include <cstdint>
#include <span>

namespace linkpos::ui {

// A fixed-cell bitmap font: every glyph is `width` x `height` pixels, stored as one byte per
// pixel row from the top with bit 7 the leftmost pixel (so cells are at most 8 pixels wide).
struct Font {
  int width = 0;
  int height = 0;
  int ascent = 0;                         // rows above the baseline
  std::span<const char32_t> code_points;  // ascending
  std::span<const std::uint8_t> rows;     // `height` bytes per code point, in the same order

  bool has_glyph(char32_t code_point) const;

  // The rows of `code_point`'s glyph, or of '?' when the font has none for it.
  std::span<const std::uint8_t> glyph(char32_t code_point) const;
};

// The built-in fonts (X11 misc-fixed, public domain): 6x13 and 8x13, covering ASCII, Latin-1,
// the euro sign, dashes, curly quotes, bullet, ellipsis and arrows.
const Font& small_font();
const Font& normal_font();

}  // namespace linkpos::ui
