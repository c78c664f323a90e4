#include "ui/text_wrap.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace linkpos::ui {
namespace {

using Rows = std::vector<std::u32string>;

TEST(TextWrapTest, BreaksAtSpacesWithinTheRowWidth) {
  EXPECT_EQ(wrap_text(U"Network problem — retrying", 16),
            (Rows{U"Network problem", U"— retrying"}));
  EXPECT_EQ(wrap_text(U"fits exactly", 12), (Rows{U"fits exactly"}));
}

TEST(TextWrapTest, CutsWordsLongerThanARow) {
  EXPECT_EQ(wrap_text(U"go https://example.com/abcdef", 10),
            (Rows{U"go", U"https://ex", U"ample.com/", U"abcdef"}));
}

TEST(TextWrapTest, HonoursNewlinesAndKeepsSpacingOnlyWithinARow) {
  EXPECT_EQ(wrap_text(U"  one   two\nthree  ", 20), (Rows{U"one   two", U"three"}));
  EXPECT_EQ(wrap_text(U"ENTER go   CANCEL stop", 10), (Rows{U"ENTER go", U"CANCEL", U"stop"}));
  EXPECT_EQ(wrap_text(U"a\tb", 10), (Rows{U"a b"}));
  EXPECT_TRUE(wrap_text(U"", 20).empty());
  EXPECT_TRUE(wrap_text(U"   ", 20).empty());
}

TEST(TextWrapTest, AZeroWidthStillMakesProgress) {
  EXPECT_EQ(wrap_text(U"ab", 0), (Rows{U"a", U"b"}));
}

TEST(TextWrapTest, LimitingRowsEndsTheLastKeptRowWithAnEllipsis) {
  Rows rows{U"first row", U"second row", U"third"};
  limit_rows(rows, 2, 10);
  EXPECT_EQ(rows, (Rows{U"first row", U"second ro…"}));
  Rows short_rows{U"a", U"b"};
  limit_rows(short_rows, 2, 10);
  EXPECT_EQ(short_rows, (Rows{U"a", U"b"}));
}

}  // namespace
}  // namespace linkpos::ui
