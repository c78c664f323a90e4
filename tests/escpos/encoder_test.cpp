#include "drivers/escpos/encoder.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace linkpos::drivers::escpos {
namespace {

using namespace std::string_literals;

const PrinterSettings kSettings{32, {"CP858", 19}};
const std::string kStart = "\x1B@\x1Bt\x13";  // ESC @, ESC t 19

std::string encode(std::vector<hal::ReceiptElement> elements,
                   const PrinterSettings& settings = kSettings) {
  Encoder encoder(settings);
  return encoder.encode({"job", std::move(elements)});
}

TEST(EncoderTest, StartsWithInitAndTheConfiguredCodeTable) {
  EXPECT_EQ(encode({}), kStart);
  EXPECT_EQ(encode({}, {48, {"CP437", 0}}), std::string("\x1B@\x1Bt\0", 5));
}

TEST(EncoderTest, PlainLineIsItsCodePageBytesAndLf) {
  EXPECT_EQ(encode({hal::TextLine{"Café €1"}}), kStart +
                                                    "Caf\x82 \xD5"
                                                    "1\n");
}

TEST(EncoderTest, StyledLineSetsItsStyleAndTheNextPlainLineRestoresIt) {
  const auto bytes = encode({
      hal::TextLine{"Hi", hal::Align::kCenter, true, hal::TextSize::kDouble},
      hal::TextLine{"x"},
  });
  EXPECT_EQ(bytes, kStart +
                       "\x1B"
                       "a\x01"
                       "\x1B"
                       "E\x01"
                       "\x1D!\x11"
                       "Hi\n"
                       "\x1B"
                       "a\x00"
                       "\x1B"
                       "E\x00"
                       "\x1D!\x00"
                       "x\n"s);
}

TEST(EncoderTest, SendsOnlyTheStyleThatChanges) {
  const auto bytes = encode({
      hal::TextLine{"a", hal::Align::kRight, true},
      hal::TextLine{"b", hal::Align::kRight, true},
      hal::TextLine{"c", hal::Align::kRight, false, hal::TextSize::kDoubleHeight},
      hal::TextLine{"d", hal::Align::kRight, false, hal::TextSize::kDoubleWidth},
  });
  EXPECT_EQ(bytes, kStart +
                       "\x1B"
                       "a\x02"
                       "\x1B"
                       "E\x01"
                       "a\n"
                       "b\n"
                       "\x1B"
                       "E\x00"
                       "\x1D!\x01"
                       "c\n"
                       "\x1D!\x10"
                       "d\n"
                       // the job leaves the printer in its default style
                       "\x1B"
                       "a\x00"
                       "\x1D!\x00"s);
}

TEST(EncoderTest, BlankLinesChangeNoStyle) {
  const auto bytes = encode({
      hal::TextLine{"A", hal::Align::kLeft, true},
      hal::TextLine{""},
      hal::TextLine{"B", hal::Align::kLeft, true},
  });
  EXPECT_EQ(bytes, kStart +
                       "\x1B"
                       "E\x01"
                       "A\n\nB\n"
                       "\x1B"
                       "E\x00"s);
}

TEST(EncoderTest, ColumnsArePaddedToTheRightEdge) {
  EXPECT_EQ(encode({hal::ColumnsLine{"Total", "€12.50"}}), kStart + "Total" +
                                                               std::string(32 - 5 - 6, ' ') +
                                                               "\xD5"
                                                               "12.50\n");
  // Double width: 16 characters fill the 32 columns.
  EXPECT_EQ(encode({hal::ColumnsLine{"Total", "€12.50", false, hal::TextSize::kDouble}}),
            kStart +
                "\x1D!\x11"
                "Total" +
                std::string(16 - 5 - 6, ' ') +
                "\xD5"
                "12.50\n"
                "\x1D!\x00"s);
}

TEST(EncoderTest, RightColumnThatDoesNotFitIsRightAligned) {
  EXPECT_EQ(encode({hal::ColumnsLine{std::string(30, 'x'), "9.99"}}), kStart +
                                                                          std::string(30, 'x') +
                                                                          "\n"
                                                                          "\x1B"
                                                                          "a\x02"
                                                                          "9.99\n"
                                                                          "\x1B"
                                                                          "a\x00"s);
}

TEST(EncoderTest, FeedIsEscD) {
  EXPECT_EQ(encode({hal::Feed{3}}), kStart +
                                        "\x1B"
                                        "d\x03");
  EXPECT_EQ(encode({hal::Feed{1000}}), kStart +
                                           "\x1B"
                                           "d\xFF");
}

TEST(EncoderTest, CutFeedsPastTheCutterThenCuts) {
  EXPECT_EQ(encode({hal::Cut{true}}), kStart + "\x1DV\x42\x00"s);   // GS V 66 0: partial
  EXPECT_EQ(encode({hal::Cut{false}}), kStart + "\x1DV\x41\x00"s);  // GS V 65 0: full
}

TEST(EncoderTest, TextCannotInjectCommands) {
  EXPECT_EQ(encode({hal::TextLine{"\x1B@\x1DV\x41"}}), kStart + "?@?VA\n");
}

TEST(EncoderTest, RefusesSettingsTheCheckRefuses) {
  EXPECT_THROW(Encoder({4, {"CP858", 19}}), std::invalid_argument);
  EXPECT_THROW(Encoder({32, {"KLINGON", 19}}), std::invalid_argument);
  EXPECT_TRUE(check_printer_settings({4, {"CP858", 19}}));
  EXPECT_FALSE(check_printer_settings({42, {"CP858", 19}}));
}

}  // namespace
}  // namespace linkpos::drivers::escpos
