#include "ui/canvas.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "support/test_framebuffer.hpp"

namespace linkpos::ui {
namespace {

using testing::TestFramebuffer;

// Survives RGB565 unchanged: 11111 100001 00010, each widened by repeating its high bits.
constexpr Rgb kOrange{0xFF, 0x86, 0x10};
constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kBlack{0, 0, 0};

std::vector<std::uint8_t> pixel_bytes(const TestFramebuffer& fb, hal::PixelFormat format, int x,
                                      int y) {
  const int size = hal::bytes_per_pixel(format);
  const auto begin = fb.bytes().begin() + y * fb.stride() + x * size;
  return {begin, begin + size};
}

TEST(CanvasTest, WritesEachPixelFormatsBytesAndLeavesLinePaddingAlone) {
  struct Case {
    hal::PixelFormat format;
    std::vector<std::uint8_t> orange;
  };
  for (const Case& c : {Case{hal::PixelFormat::kRgb565, {0x22, 0xFC}},
                        Case{hal::PixelFormat::kRgb888, {0x10, 0x86, 0xFF}},
                        Case{hal::PixelFormat::kXrgb8888, {0x10, 0x86, 0xFF, 0xFF}}}) {
    TestFramebuffer fb(7, 5, c.format, /*padding=*/6);
    Canvas canvas(fb.view());
    canvas.fill(kBlack);
    canvas.fill_rect(Rect{2, 1, 3, 2}, kOrange);
    EXPECT_EQ(pixel_bytes(fb, c.format, 2, 1), c.orange);
    EXPECT_EQ(pixel_bytes(fb, c.format, 4, 2), c.orange);
    EXPECT_EQ(pixel_bytes(fb, c.format, 5, 2)[0], 0x00);
    EXPECT_EQ(pixel_bytes(fb, c.format, 6, 4)[0], 0x00);
    EXPECT_EQ(canvas.pixel(3, 2), kOrange);
    EXPECT_EQ(canvas.pixel(1, 1), kBlack);
    EXPECT_TRUE(fb.margins_untouched());
  }
}

TEST(CanvasTest, Rgb565KeepsFullWhiteWhite) {
  TestFramebuffer fb(2, 2, hal::PixelFormat::kRgb565);
  Canvas canvas(fb.view());
  canvas.fill(kWhite);
  EXPECT_EQ(pixel_bytes(fb, hal::PixelFormat::kRgb565, 1, 1),
            (std::vector<std::uint8_t>{0xFF, 0xFF}));
  EXPECT_EQ(canvas.pixel(1, 1), kWhite);
}

TEST(CanvasTest, NothingIsDrawnOutsideTheFramebufferOrTheClip) {
  TestFramebuffer fb(20, 10, hal::PixelFormat::kRgb888, /*padding=*/5);
  Canvas canvas(fb.view());
  canvas.fill(kWhite);
  canvas.fill_rect(Rect{-50, -50, 200, 200}, kBlack);
  canvas.frame_rect(Rect{-3, -3, 40, 40}, 5, kOrange);
  canvas.draw_text(-7, -5, "Way too long a text for twenty pixels €€€", normal_font(), 3, kOrange);
  canvas.draw_text(15, 8, "ü", normal_font(), 2, kOrange);
  EXPECT_TRUE(fb.margins_untouched());

  canvas.fill(kWhite);
  Canvas inner = canvas.clipped(Rect{5, 2, 4, 4});
  inner.fill(kBlack);
  inner.draw_text(0, 0, "WWWW", normal_font(), 4, kOrange);
  for (int y = 0; y < 10; ++y) {
    for (int x = 0; x < 20; ++x) {
      const bool inside = x >= 5 && x < 9 && y >= 2 && y < 6;
      if (inside)
        continue;
      EXPECT_EQ(canvas.pixel(x, y), kWhite) << x << "," << y;
    }
  }
  EXPECT_TRUE(fb.margins_untouched());
}

TEST(CanvasTest, FrameRectDrawsOnlyTheOutline) {
  TestFramebuffer fb(10, 10);
  Canvas canvas(fb.view());
  canvas.fill(kWhite);
  canvas.frame_rect(Rect{1, 1, 8, 8}, 2, kBlack);
  EXPECT_EQ(canvas.pixel(1, 1), kBlack);
  EXPECT_EQ(canvas.pixel(2, 5), kBlack);
  EXPECT_EQ(canvas.pixel(8, 8), kBlack);
  EXPECT_EQ(canvas.pixel(3, 3), kWhite);
  EXPECT_EQ(canvas.pixel(6, 6), kWhite);
  EXPECT_EQ(canvas.pixel(0, 0), kWhite);
  EXPECT_EQ(canvas.pixel(9, 9), kWhite);
}

TEST(CanvasTest, TextIsScaledGlyphCellsAdvancingOneCellPerCharacter) {
  TestFramebuffer fb(60, 40);
  Canvas canvas(fb.view());
  canvas.fill(kWhite);
  canvas.draw_text(2, 3, "é|", normal_font(), 2, kBlack);
  EXPECT_EQ(text_width("é|", normal_font(), 2), 32);
  EXPECT_EQ(text_width("€", small_font(), 1), 6);
  // Compare every screen pixel with the font's own bits.
  const auto glyph = normal_font().glyph(U'é');
  for (int row = 0; row < 13; ++row) {
    for (int column = 0; column < 8; ++column) {
      const bool set = (glyph[row] & (0x80 >> column)) != 0;
      for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
          EXPECT_EQ(canvas.pixel(2 + column * 2 + dx, 3 + row * 2 + dy), set ? kBlack : kWhite);
        }
      }
    }
  }
  int ink_in_second_cell = 0;
  int ink_beyond = 0;
  for (int y = 0; y < 40; ++y) {
    for (int x = 18; x < 60; ++x) {
      if (canvas.pixel(x, y) != kBlack)
        continue;
      if (x < 34 && y >= 3 && y < 29) {
        ++ink_in_second_cell;
      } else {
        ++ink_beyond;
      }
    }
  }
  EXPECT_GT(ink_in_second_cell, 0);
  EXPECT_EQ(ink_beyond, 0);
}

TEST(CanvasTest, QrCodeHasItsQuietZoneAndWholePixelModules) {
  const std::optional<QrMatrix> qr = encode_qr("linkpos");
  ASSERT_TRUE(qr);
  const int side = qr_side(qr->size, 3);
  TestFramebuffer fb(side + 10, side + 10, hal::PixelFormat::kRgb565, 2);
  Canvas canvas(fb.view());
  canvas.fill(kOrange);
  canvas.draw_qr(5, 5, *qr, 3, kBlack, kWhite);
  EXPECT_EQ(canvas.pixel(4, 4), kOrange);
  EXPECT_EQ(canvas.pixel(5, 5), kWhite);
  EXPECT_EQ(canvas.pixel(5 + side - 1, 5 + side - 1), kWhite);
  EXPECT_EQ(canvas.pixel(5 + side, 5 + side), kOrange);
  // The finder pattern's corner module: dark, 3 by 3 pixels, after 4 light modules.
  EXPECT_EQ(canvas.pixel(5 + 11, 5 + 11), kWhite);
  EXPECT_EQ(canvas.pixel(5 + 12, 5 + 12), kBlack);
  EXPECT_EQ(canvas.pixel(5 + 14, 5 + 14), kBlack);
  EXPECT_TRUE(fb.margins_untouched());
}

TEST(CanvasTest, RefusesMemorySmallerThanTheGeometry) {
  std::vector<std::uint8_t> bytes(10 * 10 * 4 - 1);
  EXPECT_THROW(Canvas(hal::Framebuffer{10, 10, 40, hal::PixelFormat::kXrgb8888, bytes}),
               std::invalid_argument);
  EXPECT_THROW(Canvas(hal::Framebuffer{10, 1, 20, hal::PixelFormat::kXrgb8888, bytes}),
               std::invalid_argument);
}

}  // namespace
}  // namespace linkpos::ui
