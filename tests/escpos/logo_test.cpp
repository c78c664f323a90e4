#include "drivers/escpos/logo.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/raster.hpp"
#include "fakes/temp_dir.hpp"
#include "tests/escpos/escpos_decoder.hpp"
#include "tests/escpos/receipt_samples.hpp"
#include "tests/escpos/test_png.hpp"

namespace linkpos::drivers::escpos {
namespace {

using namespace std::string_literals;
using ::testing::HasSubstr;
using tests::escpos::RgbaPicture;

MonoImage logo_of(const RgbaPicture& picture, int paper_width_dots) {
  auto load = logo_from_rgba(picture.pixels, picture.width, picture.height, paper_width_dots, "t");
  if (!load.image) {
    throw std::runtime_error(load.error);
  }
  return *load.image;
}

// Which of the picture's dots print black, left margin removed.
std::vector<bool> black_dots(const MonoImage& image, int left_margin, int y) {
  std::vector<bool> dots;
  for (int x = left_margin; x < image.width(); ++x) {
    dots.push_back(image.is_black(x, y));
  }
  return dots;
}

TEST(LogoTest, DarkPixelsPrintAndTransparentOnesStayWhite) {
  RgbaPicture picture(10, 1);
  picture.set(0, 0, 0, 0, 0);           // black
  picture.set(1, 0, 127, 127, 127);     // luminance 127
  picture.set(2, 0, 128, 128, 128);     // luminance 128: white
  picture.set(3, 0, 255, 0, 0);         // red, luminance 76
  picture.set(4, 0, 255, 255, 0);       // yellow, luminance 226
  picture.set(5, 0, 0, 0, 0, 0);        // transparent black
  picture.set(6, 0, 0, 0, 0, 100);      // mostly transparent black: light grey on paper
  picture.set(7, 0, 0, 0, 0, 200);      // mostly opaque black
  picture.set(8, 0, 255, 255, 255, 0);  // transparent white
  picture.set(9, 0, 0, 0, 255);         // blue, luminance 29
  const MonoImage image = logo_of(picture, 128);
  EXPECT_EQ(black_dots(image, 59, 0),
            (std::vector<bool>{true, true, false, true, false, false, false, true, false, true}));
}

TEST(LogoTest, IsCentredOnThePaperByAWhiteLeftMargin) {
  RgbaPicture picture(100, 2);
  picture.set(0, 0, 0, 0, 0);
  picture.set(99, 1, 0, 0, 0);
  const MonoImage image = logo_of(picture, kPaperDots58mm);
  EXPECT_EQ(image.width(), 142 + 100);  // (384 - 100) / 2 white dots, then the logo
  EXPECT_EQ(image.height(), 2);
  EXPECT_TRUE(image.is_black(142, 0));
  EXPECT_TRUE(image.is_black(241, 1));
  EXPECT_FALSE(image.is_black(141, 0));
  EXPECT_FALSE(image.is_black(142, 1));
}

TEST(LogoTest, WiderThanThePaperShrinksByAWholeFactorKeepingTheNearestPixel) {
  RgbaPicture picture(1000, 9);  // 1000 / 384 → factor 3
  for (int x = 0; x < 1000; x += 3) {
    picture.set(x, 3, 0, 0, 0);  // every third pixel of row 3: the ones nearest-neighbour keeps
  }
  picture.set(1, 0, 0, 0, 0);  // dropped: between two kept columns
  const MonoImage image = logo_of(picture, kPaperDots58mm);
  EXPECT_EQ(image.width(), 25 + 334);
  EXPECT_EQ(image.height(), 3);
  EXPECT_EQ(black_dots(image, 25, 1), std::vector<bool>(334, true));
  EXPECT_EQ(black_dots(image, 25, 0), std::vector<bool>(334, false));
}

TEST(LogoTest, LoadsAPngFileLikeThePixelsInMemory) {
  testing::TempDir dir;
  RgbaPicture picture(40, 20);
  for (int i = 0; i < 20; ++i) {
    picture.set(i * 2, i, 0, 0, 0);
  }
  tests::escpos::write_png(dir.path() / "logo.png", picture);
  const LogoLoad load = load_logo(dir.path() / "logo.png", kPaperDots80mm);
  ASSERT_TRUE(load.image) << load.error;
  EXPECT_EQ(*load.image, logo_of(picture, kPaperDots80mm));
}

TEST(LogoTest, RefusesALogoThatWouldPrintTooTall) {
  testing::TempDir dir;
  tests::escpos::write_png(dir.path() / "tall.png", RgbaPicture(100, kMaxLogoHeightDots + 1));
  const LogoLoad tall = load_logo(dir.path() / "tall.png", kPaperDots80mm);
  EXPECT_FALSE(tall.image);
  EXPECT_THAT(tall.error, HasSubstr("401 dots tall"));
  EXPECT_THAT(tall.error, HasSubstr("tall.png"));
  // Tall in pixels but shrunk to fit the width: 1200 / 576 → factor 3, 1200 rows print 400.
  tests::escpos::write_png(dir.path() / "big.png", RgbaPicture(1200, 1200));
  const LogoLoad big = load_logo(dir.path() / "big.png", kPaperDots80mm);
  ASSERT_TRUE(big.image) << big.error;
  EXPECT_EQ(big.image->height(), 400);
}

TEST(LogoTest, RefusesAFileThatIsNotAPng) {
  testing::TempDir dir;
  std::ofstream(dir.file("logo.png")) << "GIF89a, not a PNG at all";
  const LogoLoad load = load_logo(dir.path() / "logo.png", kPaperDots80mm);
  EXPECT_FALSE(load.image);
  EXPECT_THAT(load.error, HasSubstr("is not a usable PNG"));
  EXPECT_THAT(load_logo(dir.path() / "missing.png", kPaperDots80mm).error,
              HasSubstr("cannot open logo"));
}

TEST(RasterTest, IsGsV0WithWidthInBytesAndHeightInDots) {
  MonoImage image(9, 2);  // 9 dots need 2 bytes a row
  image.set_black(0, 0);
  image.set_black(8, 1);
  EXPECT_EQ(raster_command(image), "\x1Dv0\x00\x02\x00\x02\x00\x80\x00\x00\x80"s);
}

const PrinterSettings kSettings{48, {"CP858", 19}, kPaperDots80mm};

TEST(EncoderLogoTest, LogoPrintsRightAfterInitialisationAboveTheText) {
  MonoImage logo(200, 3);
  logo.set_black(5, 1);
  Encoder encoder(kSettings, logo);
  const auto result = tests::escpos::EscPosDecoder({{19, "CP858"}})
                          .decode(encoder.encode(tests::escpos::cafe_receipt()));
  ASSERT_EQ(result.error, std::nullopt);
  ASSERT_GE(result.items.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<tests::escpos::Init>(result.items[0]));
  EXPECT_TRUE(std::holds_alternative<tests::escpos::SelectCodeTable>(result.items[1]));
  const auto& raster = std::get<tests::escpos::RasterImage>(result.items[2]);
  EXPECT_EQ(raster.width_bytes, 25);
  EXPECT_EQ(raster.height, 3);
  EXPECT_EQ(raster.data, logo.rows());
  EXPECT_EQ(std::get<tests::escpos::PrintedLine>(result.items[3]).text, "Café Zoë");
}

TEST(EncoderLogoTest, WithoutALogoTheBytesAreUnchanged) {
  const auto document = tests::escpos::cafe_receipt();
  EXPECT_EQ(Encoder(kSettings, std::nullopt).encode(document), Encoder(kSettings).encode(document));
}

TEST(EncoderLogoTest, RefusesALogoWiderThanThePaper) {
  PrinterSettings narrow = kSettings;
  narrow.paper_width_dots = kPaperDots58mm;
  EXPECT_THROW(Encoder(narrow, MonoImage(385, 1)), std::invalid_argument);
  EXPECT_NO_THROW(Encoder(narrow, MonoImage(384, 1)));
}

TEST(EncoderLogoTest, PaperWidthOutsideWhatPrintersHaveIsRefused) {
  PrinterSettings odd = kSettings;
  odd.paper_width_dots = 0;
  EXPECT_THAT(check_printer_settings(odd).value_or(""), HasSubstr("paper width 0 dots"));
  EXPECT_EQ(check_printer_settings(kSettings), std::nullopt);
}

}  // namespace
}  // namespace linkpos::drivers::escpos
