#include "drivers/escpos/layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drivers/escpos/unicode_text.hpp"

namespace linkpos::drivers::escpos {
namespace {

using ::testing::ElementsAre;

hal::ReceiptDocument document_of(std::vector<hal::ReceiptElement> elements) {
  return {"job", std::move(elements)};
}

std::vector<PrintLine> print_lines(const hal::ReceiptDocument& document, int columns) {
  std::vector<PrintLine> lines;
  for (const auto& element : lay_out(document, columns)) {
    if (const auto* line = std::get_if<PrintLine>(&element)) {
      lines.push_back(*line);
    }
  }
  return lines;
}

// Each line as "text", or "text|right" for a two-column line.
std::vector<std::string> texts(const hal::ReceiptDocument& document, int columns) {
  UnicodeText unicode;
  std::vector<std::string> result;
  for (const auto& line : print_lines(document, columns)) {
    std::string text = unicode.encode(line.text);
    if (!line.right.empty()) {
      text += "|" + unicode.encode(line.right);
    }
    result.push_back(text);
  }
  return result;
}

TEST(LayoutTest, WrapsTextAtSpacesOn58mmPaper) {
  const auto document =
      document_of({hal::TextLine{"Thank you for shopping with us today, see you again soon"}});
  EXPECT_THAT(texts(document, kColumns58mm),
              ElementsAre("Thank you for shopping with us", "today, see you again soon"));
}

TEST(LayoutTest, WrapsTextAtSpacesOn80mmPaper) {
  const auto document =
      document_of({hal::TextLine{"Thank you for shopping with us today, see you again soon"}});
  EXPECT_THAT(texts(document, kColumns80mm),
              ElementsAre("Thank you for shopping with us today, see you", "again soon"));
}

TEST(LayoutTest, BreaksWordsLongerThanALine) {
  const auto document = document_of({hal::TextLine{"Ref: LP01-01HZXKQ3Y8V5N2M4TQRBWCDEFG7H end"}});
  EXPECT_THAT(texts(document, kColumns58mm),
              ElementsAre("Ref:", "LP01-01HZXKQ3Y8V5N2M4TQRBWCDEFG7", "H end"));
}

TEST(LayoutTest, KeepsSpacesInsideALineAndDropsThoseAtABreak) {
  const auto document =
      document_of({hal::TextLine{"  2 x   Coffee        and a very long tail   "}});
  EXPECT_THAT(texts(document, kColumns58mm),
              ElementsAre("  2 x   Coffee        and a very", "long tail"));
}

TEST(LayoutTest, CountsWidthInCharactersNotBytes) {
  // 32 characters, 64 bytes: one line on 58 mm paper.
  const std::string accented = "éééééééééééééééééééééééééééééééé";
  EXPECT_THAT(texts(document_of({hal::TextLine{accented}}), kColumns58mm), ElementsAre(accented));
  EXPECT_THAT(texts(document_of({hal::TextLine{accented + "ü"}}), kColumns58mm),
              ElementsAre(accented, "ü"));
}

TEST(LayoutTest, DoubleWidthTextTakesTwoColumnsPerCharacter) {
  const auto document = document_of(
      {hal::TextLine{"TOTAL DUE TODAY 12.50", hal::Align::kCenter, true, hal::TextSize::kDouble}});
  EXPECT_THAT(texts(document, kColumns58mm), ElementsAre("TOTAL DUE TODAY", "12.50"));
  EXPECT_THAT(texts(document, kColumns80mm), ElementsAre("TOTAL DUE TODAY 12.50"));
  EXPECT_EQ(line_capacity(kColumns58mm, hal::TextSize::kDoubleWidth), 16);
  EXPECT_EQ(line_capacity(kColumns58mm, hal::TextSize::kDoubleHeight), 32);
}

TEST(LayoutTest, ColumnsShareALineWhenBothFit) {
  const auto document = document_of({hal::ColumnsLine{"Total", "€12.50", true}});
  const auto lines = print_lines(document, kColumns58mm);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, U"Total");
  EXPECT_EQ(lines[0].right, U"€12.50");
  EXPECT_TRUE(lines[0].bold);
}

TEST(LayoutTest, ColumnsThatDoNotFitWrapLeftAndPutRightOnItsOwnLine) {
  const auto document =
      document_of({hal::ColumnsLine{"Large oat milk cappuccino with extra shot", "€4.80"}});
  EXPECT_THAT(texts(document, kColumns58mm),
              ElementsAre("Large oat milk cappuccino with", "extra shot", "€4.80"));
  const auto lines = print_lines(document, kColumns58mm);
  EXPECT_EQ(lines[1].align, hal::Align::kLeft);
  EXPECT_EQ(lines[2].align, hal::Align::kRight);
  EXPECT_THAT(texts(document, kColumns80mm),
              ElementsAre("Large oat milk cappuccino with extra shot|€4.80"));
}

TEST(LayoutTest, DoubleWidthColumnsFitHalfTheCharacters) {
  const auto document =
      document_of({hal::ColumnsLine{"TOTAL EUR", "12.50", false, hal::TextSize::kDoubleWidth}});
  EXPECT_THAT(texts(document, kColumns58mm), ElementsAre("TOTAL EUR|12.50"));  // 15 of 16
  const auto longer =
      document_of({hal::ColumnsLine{"TOTAL EUROS", "12.50", false, hal::TextSize::kDoubleWidth}});
  EXPECT_THAT(texts(longer, kColumns58mm), ElementsAre("TOTAL EUROS", "12.50"));
}

TEST(LayoutTest, SeparatorRepeatsItsGlyphAcrossTheWidth) {
  EXPECT_THAT(texts(document_of({hal::Separator{'='}}), kColumns58mm),
              ElementsAre(std::string(32, '=')));
  EXPECT_THAT(texts(document_of({hal::Separator{}}), kColumns80mm),
              ElementsAre(std::string(48, '-')));
  // Half a UTF-8 sequence or a control byte is no glyph.
  EXPECT_THAT(texts(document_of({hal::Separator{'\xC3'}, hal::Separator{'\x1B'}}), 16),
              ElementsAre(std::string(16, '-'), std::string(16, '-')));
}

TEST(LayoutTest, EmptyTextIsOneBlankLine) {
  EXPECT_THAT(texts(document_of({hal::TextLine{}, hal::TextLine{"   "}}), kColumns58mm),
              ElementsAre("", ""));
}

TEST(LayoutTest, FeedsAreBoundedAndEmptyOnesDropped) {
  const auto elements =
      lay_out(document_of({hal::Feed{0}, hal::Feed{-3}, hal::Feed{100000}, hal::Cut{}}), 32);
  ASSERT_EQ(elements.size(), 2u);
  EXPECT_EQ(std::get<hal::Feed>(elements[0]).lines, kMaxFeedLines);
  EXPECT_TRUE(std::get<hal::Cut>(elements[1]).partial);
}

TEST(LayoutTest, InvalidUtf8AndControlsLayOutAsQuestionMarks) {
  EXPECT_THAT(texts(document_of({hal::TextLine{"Caf\xE9\n\x1B"}}), kColumns58mm),
              ElementsAre("Caf???"));
}

}  // namespace
}  // namespace linkpos::drivers::escpos
