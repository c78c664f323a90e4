#include "ui/font.hpp"

#include <algorithm>
#include <cstddef>

namespace linkpos::ui {
namespace {

// Index of `code_point` in `font.code_points`, or -1.
std::ptrdiff_t find(const Font& font, char32_t code_point) {
  const auto it = std::lower_bound(font.code_points.begin(), font.code_points.end(), code_point);
  if (it == font.code_points.end() || *it != code_point)
    return -1;
  return it - font.code_points.begin();
}

}  // namespace

bool Font::has_glyph(char32_t code_point) const {
  return find(*this, code_point) >= 0;
}

std::span<const std::uint8_t> Font::glyph(char32_t code_point) const {
  std::ptrdiff_t index = find(*this, code_point);
  if (index < 0)
    index = find(*this, U'?');
  const auto size = static_cast<std::size_t>(height);
  return rows.subspan(static_cast<std::size_t>(index) * size, size);
}

}  // namespace linkpos::ui
