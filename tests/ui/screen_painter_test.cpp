#include "ui/screen_painter.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "drivers/sim/png_snapshots.hpp"
#include "support/test_framebuffer.hpp"
#include "support/zbar.hpp"
#include "tests/fakes/temp_dir.hpp"
#include "ui/canvas.hpp"
#include "ui/qr.hpp"

namespace linkpos::ui {
namespace {

using testing::TestFramebuffer;

const std::string kUrl =
    "https://www.example-shop.com/payment-links/6a206d71-52f5-4012-b3dd-8a283fea052e";
constexpr Rgb kQrDark{0, 0, 0};
constexpr Rgb kQrLight{255, 255, 255};

// The screen the app shows while the customer pays.
Screen qr_screen(const std::string& url) {
  return Screen{"qr",
                "Scan to pay",
                {ScreenLine{"€1,234.50", TextStyle::kHuge, TextAlign::kCenter},
                 ScreenLine{"Time left 14:59", TextStyle::kNormal, TextAlign::kCenter},
                 ScreenLine{"Network problem — retrying", TextStyle::kNormal, TextAlign::kCenter,
                            Tone::kWarning},
                 ScreenLine{url, TextStyle::kSmall, TextAlign::kLeft, Tone::kMuted},
                 ScreenLine{"Ref T1-01JDQ3V5W8K2M4N6P8R0S2T4V6", TextStyle::kSmall,
                            TextAlign::kLeft, Tone::kMuted}},
                url,
                "CANCEL stop"};
}

// Where the QR code landed, read back from the pixels: the first dark pixel is the top-left
// finder pattern's corner, whose top edge is 7 modules long.
struct QrFound {
  int left;
  int top;
  int module_px;
};

std::optional<QrFound> find_qr(const Canvas& canvas) {
  for (int y = 0; y < canvas.height(); ++y) {
    for (int x = 0; x < canvas.width(); ++x) {
      if (canvas.pixel(x, y) != kQrDark)
        continue;
      int run = 0;
      while (x + run < canvas.width() && canvas.pixel(x + run, y) == kQrDark)
        ++run;
      return QrFound{x, y, run / 7};
    }
  }
  return std::nullopt;
}

struct Size {
  int width;
  int height;
  int min_module_px;

  friend void PrintTo(const Size& size, std::ostream* out) {
    *out << size.width << "x" << size.height;
  }
};

std::string size_name(const ::testing::TestParamInfo<Size>& param) {
  return std::to_string(param.param.width) + "x" + std::to_string(param.param.height);
}

class PaintedQrTest : public ::testing::TestWithParam<Size> {};

TEST_P(PaintedQrTest, ZbarReadsThePaymentLinkFromTheSnapshot) {
  const Size size = GetParam();
  TestFramebuffer fb(size.width, size.height);
  const hal::FrameText text = paint_screen(qr_screen(kUrl), fb.view());
  EXPECT_TRUE(fb.margins_untouched());

  testing::TempDir dir;
  const std::string png = dir.file("qr.png");
  ASSERT_TRUE(drivers::sim::write_png(png, fb.view()).ok());
  EXPECT_EQ(testing::zbar_decode(png), kUrl);

  const Canvas canvas(fb.view());
  const std::optional<QrFound> qr = find_qr(canvas);
  ASSERT_TRUE(qr);
  EXPECT_GE(qr->module_px, size.min_module_px);
  const int symbol = encode_qr(kUrl)->size;
  EXPECT_EQ(qr->left, kQrQuietZoneModules * qr->module_px) << "the code hugs the left edge";
  const int qr_right = qr->left + (symbol + kQrQuietZoneModules) * qr->module_px;
  EXPECT_GE(size.width - qr_right, 100) << "room for the amount beside the code";
  EXPECT_GE(qr->top, kQrQuietZoneModules * qr->module_px);
  EXPECT_LE(qr->top + (symbol + kQrQuietZoneModules) * qr->module_px, size.height);

  // Nothing but the code and its light surround on the left side, top to bottom: no title bar
  // across it.
  for (int y = 0; y < size.height; ++y) {
    for (int x = 0; x < qr_right; ++x) {
      const Rgb c = canvas.pixel(x, y);
      ASSERT_TRUE(c == kQrDark || c == kQrLight) << x << "," << y;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(ScreenSizes, PaintedQrTest,
                         ::testing::Values(Size{320, 240, 4}, Size{240, 160, 2}, Size{480, 320, 6},
                                           Size{800, 480, 9}),
                         size_name);

TEST(ScreenPainterTest, FrameTextIsTitleBodyAndHintOneEntryPerLine) {
  TestFramebuffer fb(320, 240);
  const Screen screen{
      "error",
      "Payment link failed",
      {ScreenLine{"The server said no.", TextStyle::kNormal, TextAlign::kLeft, Tone::kWarning},
       ScreenLine{""},
       ScreenLine{"This sentence is far too long for one line of the screen, so "
                  "it wraps over several rows.",
                  TextStyle::kLarge}},
      std::nullopt,
      "ENTER retry   CANCEL stop"};
  const hal::FrameText text = paint_screen(screen, fb.view());
  EXPECT_EQ(text.screen, "error");
  EXPECT_EQ(text.lines,
            (std::vector<std::string>{"Payment link failed", "The server said no.",
                                      screen.body[2].text, "ENTER retry   CANCEL stop"}));
}

TEST(ScreenPainterTest, EmptyTitleAndHintAreLeftOutOfTheText) {
  TestFramebuffer fb(240, 160);
  const hal::FrameText text =
      paint_screen(Screen{"printing", "", {ScreenLine{"Printing…"}}, std::nullopt, ""}, fb.view());
  EXPECT_EQ(text.lines, (std::vector<std::string>{"Printing…"}));
}

bool has_qr_dark(const Canvas& canvas) {
  return find_qr(canvas).has_value();
}

TEST(ScreenPainterTest, APayloadTooLongToEncodeIsShownAsText) {
  TestFramebuffer fb(320, 240);
  Screen screen = qr_screen(std::string(3000, 'x'));
  const hal::FrameText text = paint_screen(screen, fb.view());
  EXPECT_FALSE(has_qr_dark(Canvas(fb.view())));
  ASSERT_EQ(text.lines.size(), 8u);
  EXPECT_EQ(text.lines[6], *screen.qr);
  EXPECT_EQ(text.lines[7], "CANCEL stop");
  EXPECT_TRUE(fb.margins_untouched());
}

TEST(ScreenPainterTest, ACodeThatWouldGetUnderTwoPixelsPerModuleIsShownAsText) {
  const std::string long_url = kUrl + "?" + std::string(250, 'a');
  TestFramebuffer small(240, 160);
  const hal::FrameText text = paint_screen(qr_screen(long_url), small.view());
  EXPECT_FALSE(has_qr_dark(Canvas(small.view())));
  EXPECT_EQ(text.lines[6], long_url);

  TestFramebuffer large(800, 480);  // the same link fits a large screen as a code
  const hal::FrameText large_text = paint_screen(qr_screen(long_url), large.view());
  EXPECT_TRUE(has_qr_dark(Canvas(large.view())));
  EXPECT_EQ(large_text.lines.size(), 7u);
}

// Bounding box of the pixels in `colour`.
Rect ink_box(const Canvas& canvas, Rgb colour) {
  int left = canvas.width(), top = canvas.height(), right = -1, bottom = -1;
  for (int y = 0; y < canvas.height(); ++y) {
    for (int x = 0; x < canvas.width(); ++x) {
      if (canvas.pixel(x, y) != colour)
        continue;
      left = std::min(left, x);
      top = std::min(top, y);
      right = std::max(right, x);
      bottom = std::max(bottom, y);
    }
  }
  return right < 0 ? Rect{} : Rect{left, top, right - left + 1, bottom - top + 1};
}

Rgb good_ink(const Canvas& canvas) {
  // The one colour on a paid screen with far more green than red.
  for (int y = 0; y < canvas.height(); ++y) {
    for (int x = 0; x < canvas.width(); ++x) {
      const Rgb c = canvas.pixel(x, y);
      if (c.g > c.r + 60 && c.g > c.b + 40)
        return c;
    }
  }
  return Rgb{};
}

TEST(ScreenPainterTest, HugeTextShrinksToLargeOnlyWhenItWouldNotFit) {
  const Screen paid{
      "paid",
      "Paid",
      {ScreenLine{"€1,234,567.89", TextStyle::kHuge, TextAlign::kCenter, Tone::kGood}},
      std::nullopt,
      ""};
  TestFramebuffer small(240, 160);
  paint_screen(paid, small.view());
  const Canvas small_canvas(small.view());
  const Rect shrunk = ink_box(small_canvas, good_ink(small_canvas));
  EXPECT_LE(shrunk.height, 26) << "one row at 8x13 x2";
  EXPECT_GT(shrunk.width, 150);

  TestFramebuffer large(800, 480);
  paint_screen(paid, large.view());
  const Canvas large_canvas(large.view());
  const Rect huge = ink_box(large_canvas, good_ink(large_canvas));
  EXPECT_GT(huge.height, 26) << "8x13 x3 where it fits";
  EXPECT_LE(huge.height, 39);
  // Centred: equal room left and right, give or take a glyph's side bearing.
  EXPECT_NEAR(huge.x, 800 - huge.right(), 3 * 8);
}

TEST(ScreenPainterTest, TonesColourTheirLines) {
  TestFramebuffer fb(320, 240);
  paint_screen(Screen{"error",
                      "Oops",
                      {ScreenLine{"Printer out of paper", TextStyle::kNormal, TextAlign::kLeft,
                                  Tone::kWarning}},
                      std::nullopt,
                      ""},
               fb.view());
  const Canvas canvas(fb.view());
  int red = 0;
  for (int y = 0; y < 240; ++y) {
    for (int x = 0; x < 320; ++x) {
      const Rgb c = canvas.pixel(x, y);
      if (c.r > c.g + 100 && c.r > c.b + 100)
        ++red;
    }
  }
  EXPECT_GT(red, 50);
}

TEST(ScreenPainterTest, TooMuchTextIsClippedInsideTheFramebufferInEveryFormat) {
  Screen crowded{"menu", std::string(200, 'T'), {}, std::nullopt, std::string(300, 'h') + " x"};
  for (int i = 0; i < 40; ++i) {
    crowded.body.push_back(ScreenLine{"Line " + std::to_string(i) + " " + std::string(90, 'w'),
                                      static_cast<TextStyle>(i % 4),
                                      static_cast<TextAlign>(i % 3)});
  }
  for (const auto format :
       {hal::PixelFormat::kRgb565, hal::PixelFormat::kRgb888, hal::PixelFormat::kXrgb8888}) {
    for (const auto& [width, height] :
         {std::pair{240, 160}, std::pair{320, 240}, std::pair{800, 480}}) {
      TestFramebuffer fb(width, height, format, /*padding=*/12);
      const hal::FrameText text = paint_screen(crowded, fb.view());
      EXPECT_TRUE(fb.margins_untouched()) << width << "x" << height;
      EXPECT_EQ(text.lines.size(), 42u);
      crowded.qr = kUrl;  // and the same beside a code, from the second size on
    }
    crowded.qr.reset();
  }
}

TEST(ScreenPainterTest, BackgroundIsLightAndTheTitleBarColoured) {
  TestFramebuffer fb(320, 240, hal::PixelFormat::kRgb888);
  paint_screen(Screen{"idle", "Shop", {ScreenLine{"Key in an amount"}}, std::nullopt, "0-9"},
               fb.view());
  const Canvas canvas(fb.view());
  const Rgb middle = canvas.pixel(300, 120);
  EXPECT_GT(middle.r + middle.g + middle.b, 3 * 230);
  const Rgb bar = canvas.pixel(300, 2);
  EXPECT_NE(bar, middle);
  EXPECT_GT(bar.b, bar.r);
}

}  // namespace
}  // namespace linkpos::ui
