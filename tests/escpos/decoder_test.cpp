#include "tests/escpos/escpos_decoder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "drivers/escpos/encoder.hpp"
#include "tests/escpos/receipt_samples.hpp"
#include "tests/escpos/test_text.hpp"

namespace linkpos::tests::escpos {
namespace {

using namespace std::string_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const drivers::escpos::PrinterSettings kCp858At48{48, {"CP858", 19}};

DecodeResult round_trip(const hal::ReceiptDocument& document,
                        const drivers::escpos::PrinterSettings& settings = kCp858At48) {
  drivers::escpos::Encoder encoder(settings);
  return EscPosDecoder({{settings.code_page.esc_t, settings.code_page.charset}})
      .decode(encoder.encode(document));
}

TEST(DecoderTest, CafeReceiptRoundTripsWithItsStyles) {
  const auto result = round_trip(cafe_receipt());
  ASSERT_EQ(result.error, std::nullopt);
  EXPECT_EQ(result.redundant_style_commands, 0);
  EXPECT_EQ(result.final_style, TextStyle{});
  const auto lines = result.lines();
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_EQ(lines[0].text, "Café Zoë");
  EXPECT_EQ(lines[0].style, (TextStyle{hal::Align::kCenter, true, 2, 2}));
  EXPECT_EQ(lines[1].style, (TextStyle{hal::Align::kCenter, false, 1, 1}));
  EXPECT_EQ(lines[3].text, "Espresso x2" + std::string(32, ' ') + "€5.00");
  EXPECT_EQ(lines[6].text, "TOTAL" + std::string(37, ' ') + "€12.50");
  EXPECT_EQ(lines[6].style, (TextStyle{hal::Align::kLeft, true, 1, 2}));
  EXPECT_EQ(lines[7].style.align, hal::Align::kRight);
  EXPECT_EQ(lines[9].text, "Merci et à bientôt !");
  ASSERT_TRUE(std::holds_alternative<Init>(result.items.front()));
  EXPECT_EQ(std::get<SelectCodeTable>(result.items[1]).table, 19);
  const auto& cut = std::get<CutPaper>(result.items.back());
  EXPECT_TRUE(cut.partial);
  EXPECT_TRUE(cut.feeds_to_cutter);
  EXPECT_EQ(std::get<FeedLines>(result.items[result.items.size() - 2]).lines, 3);
}

TEST(DecoderTest, WrappedDoubleWidthLinesRoundTripOn58mm) {
  const hal::ReceiptDocument document{
      "job",
      {
          hal::TextLine{"Grand total due", hal::Align::kCenter, false, hal::TextSize::kDoubleWidth},
          hal::ColumnsLine{"Large oat milk cappuccino with extra shot", "€4.80"},
      }};
  const auto result = round_trip(document, {32, {"CP858", 19}});
  ASSERT_EQ(result.error, std::nullopt);
  EXPECT_THAT(result.texts(), ElementsAre("Grand total due", "Large oat milk cappuccino with",
                                          "extra shot", "€4.80"));
  EXPECT_EQ(result.lines()[0].style.width, 2);
  EXPECT_EQ(result.lines()[3].style.align, hal::Align::kRight);
}

TEST(DecoderTest, OtherCodePagesRoundTrip) {
  const hal::ReceiptDocument document{"job", {hal::TextLine{"Grüße, €5 — ½ ¥"}}};
  EXPECT_THAT(round_trip(document, {42, {"CP1252", 16}}).texts(), ElementsAre("Grüße, €5 — ½ ¥"));
  EXPECT_THAT(round_trip(document, {42, {"CP437", 0}}).texts(), ElementsAre("Grüße, ?5 - ½ ¥"));
  EXPECT_THAT(round_trip(document, {42, {"ISO-8859-15", 40}}).texts(),
              ElementsAre("Grüße, €5 - ? ¥"));  // ½ gave way to Œ; the dash prints as '-'
}

// Whatever bytes the app hands over, the printer gets only commands the decoder knows, no line
// wider than the paper and no redundant style command.
TEST(DecoderTest, RandomDocumentsAlwaysDecodeCleanly) {
  std::mt19937 random(2024);
  const auto random_text = [&] {
    static const std::string kPieces[] = {"a",
                                          "word ",
                                          " ",
                                          "€",
                                          "é",
                                          "\x1B",
                                          "\n",
                                          "\xFF",
                                          "\xE2\x82",
                                          "日本",
                                          "longwordlongwordlongword",
                                          "  "};
    std::string text;
    for (auto count = random() % 12; count > 0; --count) {
      text += kPieces[random() % std::size(kPieces)];
    }
    return text;
  };
  for (int round = 0; round < 300; ++round) {
    hal::ReceiptDocument document{"job", {}};
    for (auto count = random() % 10; count > 0; --count) {
      const auto style = static_cast<hal::TextSize>(random() % 4);
      const auto align = static_cast<hal::Align>(random() % 3);
      switch (random() % 5) {
        case 0:
          document.elements.push_back(
              hal::TextLine{random_text(), align, random() % 2 == 0, style});
          break;
        case 1:
          document.elements.push_back(
              hal::ColumnsLine{random_text(), random_text(), random() % 2 == 0, style});
          break;
        case 2:
          document.elements.push_back(hal::Separator{static_cast<char>(random() % 256)});
          break;
        case 3:
          document.elements.push_back(hal::Feed{static_cast<int>(random() % 300) - 10});
          break;
        default:
          document.elements.push_back(hal::Cut{random() % 2 == 0});
      }
    }
    const int columns = round % 2 == 0 ? 32 : 48;
    const auto result = round_trip(document, {columns, {"CP858", 19}});
    ASSERT_EQ(result.error, std::nullopt) << "round " << round;
    ASSERT_EQ(result.redundant_style_commands, 0) << "round " << round;
    ASSERT_EQ(result.final_style, TextStyle{});
    for (const auto& line : result.lines()) {
      ASSERT_LE(characters(line.text) * static_cast<std::size_t>(line.style.width),
                static_cast<std::size_t>(columns))
          << line.text;
    }
  }
}

TEST(DecoderTest, RefusesBytesOutsideTheKnownCommands) {
  const EscPosDecoder decoder;
  EXPECT_THAT(decoder
                  .decode("\x1B@\x1B"
                          "X")
                  .error.value_or(""),
              HasSubstr("byte 2: ESC 88"));
  EXPECT_THAT(decoder.decode("ab\rc\n").error.value_or(""), HasSubstr("control byte 13"));
  EXPECT_THAT(decoder
                  .decode("\x1B"
                          "a\x07")
                  .error.value_or(""),
              HasSubstr("no such alignment"));
  EXPECT_THAT(decoder.decode("\x1B@\x1Bt\x13").error.value_or(""), HasSubstr("ESC t 19"));
  EXPECT_THAT(decoder.decode("\x1D").error.value_or(""), HasSubstr("cut short"));
  EXPECT_THAT(decoder.decode("text").error.value_or(""), HasSubstr("no LF"));
  EXPECT_THAT(decoder
                  .decode("a\x1B"
                          "E\x01"
                          "b\n")
                  .error.value_or(""),
              HasSubstr("middle of a line"));
  EXPECT_THAT(decoder.decode("\x1DV\x03").error.value_or(""), HasSubstr("GS V 3"));
}

TEST(DecoderTest, CountsStyleCommandsThatChangeNothing) {
  const auto result = EscPosDecoder().decode(
      "\x1B@\x1B"
      "a\x00"
      "\x1B"
      "E\x01\x1B"
      "E\x01"
      "x\n"s);
  ASSERT_EQ(result.error, std::nullopt);
  EXPECT_EQ(result.redundant_style_commands, 2);
  EXPECT_TRUE(result.lines()[0].style.bold);
}

TEST(DecoderTest, ReadsStatusRequestsAndRasterImages) {
  // DLE EOT 4, then a 16 x 2 dot image: first row's leftmost dot black, second row's last.
  const auto result = EscPosDecoder().decode(
      "\x10\x04\x04"
      "\x1Dv0\x00\x02\x00\x02\x00"
      "\x80\x00\x00\x01"s);
  ASSERT_EQ(result.error, std::nullopt);
  ASSERT_EQ(result.items.size(), 2u);
  EXPECT_EQ(std::get<StatusRequest>(result.items[0]).kind, 4);
  const auto& image = std::get<RasterImage>(result.items[1]);
  EXPECT_EQ(image.width_bytes, 2);
  EXPECT_EQ(image.height, 2);
  EXPECT_TRUE(image.is_black(0, 0));
  EXPECT_FALSE(image.is_black(1, 0));
  EXPECT_TRUE(image.is_black(15, 1));
  EXPECT_THAT(EscPosDecoder().decode("\x1Dv0\x00\x02\x00\x02\x00\x80"s).error.value_or(""),
              HasSubstr("cut short"));
}

}  // namespace
}  // namespace linkpos::tests::escpos
