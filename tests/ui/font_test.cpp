#include "ui/font.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace linkpos::ui {
namespace {

std::vector<std::uint8_t> rows_of(const Font& font, char32_t code_point) {
  const auto rows = font.glyph(code_point);
  return {rows.begin(), rows.end()};
}

bool blank(const std::vector<std::uint8_t>& rows) {
  return std::all_of(rows.begin(), rows.end(), [](std::uint8_t row) { return row == 0; });
}

TEST(FontTest, CellsAreSixAndEightPixelsWideAndThirteenHigh) {
  EXPECT_EQ(small_font().width, 6);
  EXPECT_EQ(small_font().height, 13);
  EXPECT_EQ(normal_font().width, 8);
  EXPECT_EQ(normal_font().height, 13);
  EXPECT_EQ(normal_font().ascent, 11);
}

TEST(FontTest, EuroAndAccentedLettersHaveGlyphsOfTheirOwn) {
  for (const Font* font : {&small_font(), &normal_font()}) {
    const auto euro = rows_of(*font, U'€');
    const auto e_acute = rows_of(*font, U'é');
    const auto u_umlaut = rows_of(*font, U'ü');
    EXPECT_TRUE(font->has_glyph(U'€'));
    EXPECT_FALSE(blank(euro));
    EXPECT_NE(euro, rows_of(*font, U'?'));
    EXPECT_NE(euro, rows_of(*font, U'E'));
    EXPECT_NE(e_acute, rows_of(*font, U'e'));
    EXPECT_NE(u_umlaut, rows_of(*font, U'u'));
    EXPECT_NE(e_acute, u_umlaut);
    EXPECT_NE(e_acute, rows_of(*font, U'?'));
  }
}

TEST(FontTest, CoversTheTypographyScreensUse) {
  for (const char32_t c : {U'–', U'—', U'‘', U'’', U'“', U'”', U'•', U'…', U'←', U'↑', U'→', U'↓',
                           U'\u00A0', U'ÿ', U'~', U' '}) {
    EXPECT_TRUE(small_font().has_glyph(c)) << static_cast<unsigned>(c);
    EXPECT_TRUE(normal_font().has_glyph(c)) << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(blank(rows_of(normal_font(), U'→')));
  EXPECT_TRUE(blank(rows_of(normal_font(), U' ')));
}

TEST(FontTest, UnknownCodePointsFallBackToTheQuestionMark) {
  for (const Font* font : {&small_font(), &normal_font()}) {
    EXPECT_FALSE(font->has_glyph(U'中'));
    EXPECT_EQ(rows_of(*font, U'中'), rows_of(*font, U'?'));
    EXPECT_EQ(rows_of(*font, U'\uFFFD'), rows_of(*font, U'?'));
    EXPECT_EQ(rows_of(*font, U'\x7F'), rows_of(*font, U'?'));
    EXPECT_EQ(rows_of(*font, 0x10FFFF), rows_of(*font, U'?'));
    EXPECT_FALSE(blank(rows_of(*font, U'?')));
  }
}

TEST(FontTest, GlyphsStayInsideTheirCell) {
  // One byte per row with bit 7 leftmost: a 6-pixel cell never sets the two low bits.
  for (const std::uint8_t row : small_font().rows)
    EXPECT_EQ(row & 0x03, 0);
  EXPECT_EQ(small_font().rows.size(), small_font().code_points.size() * 13);
  EXPECT_EQ(normal_font().rows.size(), normal_font().code_points.size() * 13);
  EXPECT_TRUE(std::is_sorted(normal_font().code_points.begin(), normal_font().code_points.end()));
}

}  // namespace
}  // namespace linkpos::ui
