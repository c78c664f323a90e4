#include "drivers/escpos/text_render.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drivers/escpos/layout.hpp"
#include "tests/escpos/receipt_samples.hpp"
#include "tests/escpos/test_text.hpp"

namespace linkpos::drivers::escpos {
namespace {

using ::testing::ElementsAre;
using tests::escpos::characters;

TEST(TextRenderTest, KeepsAlignmentWithinThePaperWidth) {
  const hal::ReceiptDocument document{"job",
                                      {
                                          hal::TextLine{"left"},
                                          hal::TextLine{"mid", hal::Align::kCenter},
                                          hal::TextLine{"right", hal::Align::kRight},
                                      }};
  EXPECT_THAT(render_text_lines(document, 16),
              ElementsAre("left", "      mid", "           right"));
}

TEST(TextRenderTest, ColumnsMeetTheRightEdgeEvenInDoubleWidth) {
  const hal::ReceiptDocument document{
      "job",
      {
          hal::ColumnsLine{"Total", "€12.50"},
          hal::ColumnsLine{"TOTAL", "€12.50", true, hal::TextSize::kDouble},
          hal::TextLine{"Zoë", hal::Align::kRight, false, hal::TextSize::kDoubleWidth},
      }};
  const auto lines = render_text_lines(document, kColumns58mm);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Total" + std::string(21, ' ') + "€12.50");
  EXPECT_EQ(lines[1], "TOTAL" + std::string(21, ' ') + "€12.50");
  for (const auto& line : lines) {
    EXPECT_EQ(characters(line), 32u) << line;
  }
}

TEST(TextRenderTest, FeedIsBlankLinesAndCutIsAScissorsLine) {
  const hal::ReceiptDocument document{"job", {hal::TextLine{"x"}, hal::Feed{2}, hal::Cut{}}};
  EXPECT_EQ(render_text(document, 16), "x\n\n\n8<--------------\n");
}

TEST(TextRenderTest, CafeReceiptReadsAsOnPaper) {
  EXPECT_THAT(
      render_text_lines(tests::escpos::cafe_receipt(), kColumns80mm),
      ElementsAre("                    Café Zoë", "            12 rue de la Paix, Paris",
                  std::string(48, '-'), "Espresso x2                                €5.00",
                  "Croissant aux amandes                      €7.50", std::string(48, '='),
                  "TOTAL                                     €12.50",
                  "                            Paid by payment link", "",
                  "              Merci et à bientôt !", "", "", "", "8<" + std::string(46, '-')));
}

TEST(TextRenderTest, NoLineIsWiderThanThePaper) {
  const hal::ReceiptDocument document{
      "job",
      {
          hal::TextLine{"A rather long line of text that must wrap somewhere", hal::Align::kRight},
          hal::TextLine{"Ünïcödé wörds wräp by chäräctérs nöt bytés at äll", hal::Align::kCenter,
                        false, hal::TextSize::kDouble},
          hal::ColumnsLine{"An item whose name goes on and on", "€123.45"},
      }};
  for (const int columns : {kColumns58mm, 42, kColumns80mm}) {
    for (const auto& line : render_text_lines(document, columns)) {
      EXPECT_LE(characters(line), static_cast<std::size_t>(columns)) << line;
    }
  }
}

}  // namespace
}  // namespace linkpos::drivers::escpos
