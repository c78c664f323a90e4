#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <tuple>

#include "drivers/fbdev/fbdev_display.hpp"
#include "fbdev/panel_file.hpp"
#include "fbdev/panel_pixels.hpp"

namespace linkpos::drivers::fbdev {
namespace {

using testing::PanelFile;
using testing::PanelPixel;
using testing::Rgb;

struct PanelFormat {
  std::string name;
  int bits_per_pixel;
  ChannelField red;
  ChannelField green;
  ChannelField blue;
  ChannelField transp;
};

// The layouts boards' framebuffers report, including channel orders hal has no name for.
const PanelFormat kPanelFormats[] = {
    {"Rgb565", 16, {11, 5}, {5, 6}, {0, 5}, {}},
    {"Bgr565", 16, {0, 5}, {5, 6}, {11, 5}, {}},
    {"Rgb888", 24, {16, 8}, {8, 8}, {0, 8}, {}},
    {"Bgr888", 24, {0, 8}, {8, 8}, {16, 8}, {}},
    {"Xrgb8888", 32, {16, 8}, {8, 8}, {0, 8}, {}},
    {"Argb8888", 32, {16, 8}, {8, 8}, {0, 8}, {24, 8}},
    {"Xbgr8888", 32, {0, 8}, {8, 8}, {16, 8}, {}},
};

constexpr Rotation kRotations[] = {Rotation::k0, Rotation::k90, Rotation::k180, Rotation::k270};

FramebufferGeometry panel_geometry(const PanelFormat& format, int width, int height, int padding) {
  FramebufferGeometry g;
  g.width = width;
  g.height = height;
  g.bits_per_pixel = format.bits_per_pixel;
  g.line_length = width * format.bits_per_pixel / 8 + padding;
  g.red = format.red;
  g.green = format.green;
  g.blue = format.blue;
  g.transp = format.transp;
  return g;
}

std::size_t file_size(const FramebufferGeometry& g) {
  return static_cast<std::size_t>(g.line_length) * static_cast<std::size_t>(g.height);
}

// A colour for each pixel of the app's image, different in every channel at 5 bits, so a pixel
// landing in the wrong place, or a channel in the wrong one, shows.
Rgb image_colour(int x, int y) {
  return Rgb{static_cast<std::uint8_t>(11 + 37 * x), static_cast<std::uint8_t>(7 + 53 * y),
             static_cast<std::uint8_t>(200 - 20 * x - 9 * y)};
}

// Where the image's pixel (x, y) belongs on the panel: the image turned clockwise.
std::pair<int, int> panel_position(Rotation rotation, int x, int y, int width, int height) {
  switch (rotation) {
    case Rotation::k0:
      return {x, y};
    case Rotation::k90:
      return {height - 1 - y, x};
    case Rotation::k180:
      return {width - 1 - x, height - 1 - y};
    case Rotation::k270:
      return {y, width - 1 - x};
  }
  return {x, y};
}

class EachFormatAndRotation : public ::testing::TestWithParam<std::tuple<PanelFormat, Rotation>> {};

TEST_P(EachFormatAndRotation, ThePanelShowsTheImageTurnedAndLeavesLinePaddingAlone) {
  const auto& [format, rotation] = GetParam();
  constexpr int kImageWidth = 5;
  constexpr int kImageHeight = 3;
  const bool quarter = is_quarter_turn(rotation);
  const FramebufferGeometry g = panel_geometry(format, quarter ? kImageHeight : kImageWidth,
                                               quarter ? kImageWidth : kImageHeight, /*padding=*/6);
  PanelFile file(file_size(g));
  FbdevDisplay display(file.fd(), g, rotation, file.path());

  const hal::Framebuffer image = display.framebuffer();
  ASSERT_EQ(image.width, kImageWidth);
  ASSERT_EQ(image.height, kImageHeight);
  for (int y = 0; y < kImageHeight; ++y) {
    for (int x = 0; x < kImageWidth; ++x)
      testing::put_pixel(image, x, y, image_colour(x, y));
  }
  display.present({});

  const std::vector<std::uint8_t> memory = file.bytes();
  for (int y = 0; y < kImageHeight; ++y) {
    for (int x = 0; x < kImageWidth; ++x) {
      const auto [px, py] = panel_position(rotation, x, y, kImageWidth, kImageHeight);
      const PanelPixel shown = testing::read_panel_pixel(memory, g, px, py);
      const PanelPixel expected = testing::expected_panel_pixel(g, image_colour(x, y));
      EXPECT_TRUE(shown == expected)
          << "image (" << x << "," << y << ") at panel (" << px << "," << py << "): shown "
          << shown.r << "/" << shown.g << "/" << shown.b << "/" << shown.alpha << ", expected "
          << expected.r << "/" << expected.g << "/" << expected.b << "/" << expected.alpha;
    }
  }
  const std::size_t visible_line = static_cast<std::size_t>(g.width * g.bits_per_pixel / 8);
  for (std::size_t i = 0; i < memory.size(); ++i) {
    if (i % static_cast<std::size_t>(g.line_length) >= visible_line) {
      ASSERT_EQ(memory[i], PanelFile::kUntouched) << "padding byte " << i << " was written";
    }
  }
}

// Readable test parameters in CTest's list.
void PrintTo(const PanelFormat& format, std::ostream* out) {
  *out << format.name;
}

std::string case_name(const ::testing::TestParamInfo<EachFormatAndRotation::ParamType>& param) {
  return std::get<0>(param.param).name + "_" + std::to_string(degrees(std::get<1>(param.param)));
}

INSTANTIATE_TEST_SUITE_P(FbdevDisplayTest, EachFormatAndRotation,
                         ::testing::Combine(::testing::ValuesIn(kPanelFormats),
                                            ::testing::ValuesIn(kRotations)),
                         case_name);

TEST(FbdevDisplayTest, TheImageIsThePanelTurnedInThePanelsPixelSize) {
  const struct {
    const PanelFormat& format;
    hal::PixelFormat drawn_in;
  } cases[] = {{kPanelFormats[0], hal::PixelFormat::kRgb565},
               {kPanelFormats[3], hal::PixelFormat::kRgb888},
               {kPanelFormats[5], hal::PixelFormat::kXrgb8888}};
  for (const auto& c : cases) {
    const FramebufferGeometry portrait = panel_geometry(c.format, 240, 320, 0);
    PanelFile file(file_size(portrait));
    FbdevDisplay display(file.fd(), portrait, Rotation::k90, file.path());
    const hal::Framebuffer image = display.framebuffer();
    EXPECT_EQ(image.width, 320);
    EXPECT_EQ(image.height, 240);
    EXPECT_EQ(image.format, c.drawn_in) << c.format.name;
    EXPECT_GE(image.bytes.size(), static_cast<std::size_t>(image.stride) * 239 +
                                      320 * hal::bytes_per_pixel(c.drawn_in));
  }
}

TEST(FbdevDisplayTest, AQuarterTurnPutsTheImagesTopLeftAtThePanelsTopRight) {
  const FramebufferGeometry portrait = panel_geometry(kPanelFormats[4], 2, 4, 0);
  PanelFile file(file_size(portrait));
  FbdevDisplay display(file.fd(), portrait, Rotation::k90, file.path());
  testing::put_pixel(display.framebuffer(), 0, 0, Rgb{255, 0, 0});
  display.present({});
  const auto memory = file.bytes();
  EXPECT_TRUE(testing::read_panel_pixel(memory, portrait, 1, 0) == (PanelPixel{255, 0, 0, 0}));
  EXPECT_TRUE(testing::read_panel_pixel(memory, portrait, 0, 0) == (PanelPixel{0, 0, 0, 0}));
}

TEST(FbdevDisplayTest, NothingReachesThePanelBeforePresent) {
  const FramebufferGeometry g = panel_geometry(kPanelFormats[0], 8, 4, 0);
  PanelFile file(file_size(g));
  FbdevDisplay display(file.fd(), g, Rotation::k0, file.path());
  testing::put_pixel(display.framebuffer(), 3, 2, Rgb{255, 255, 255});
  const auto memory = file.bytes();
  EXPECT_EQ(memory, std::vector<std::uint8_t>(memory.size(), PanelFile::kUntouched));
}

TEST(FbdevDisplayTest, AnUndrawnImageIsOpaqueBlack) {
  const FramebufferGeometry g = panel_geometry(kPanelFormats[5], 3, 2, 0);  // ARGB
  PanelFile file(file_size(g));
  FbdevDisplay display(file.fd(), g, Rotation::k180, file.path());
  display.present({});
  const auto memory = file.bytes();
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 3; ++x) {
      EXPECT_TRUE(testing::read_panel_pixel(memory, g, x, y) == (PanelPixel{0, 0, 0, 255}));
    }
  }
}

TEST(FbdevDisplayTest, APannedScreenIsDrawnWhereTheKernelShowsIt) {
  // Consoles scroll some framebuffers by panning: the visible area need not start at byte 0.
  FramebufferGeometry g = panel_geometry(kPanelFormats[4], 4, 3, 0);
  g.line_length = 6 * 4;  // a virtual screen 6 pixels wide...
  g.xoffset = 1;          // ...showing columns 1..4
  g.yoffset = 3;          // of lines 3..5
  PanelFile file(static_cast<std::size_t>(g.line_length) * 6);
  FbdevDisplay display(file.fd(), g, Rotation::k0, file.path());
  testing::put_pixel(display.framebuffer(), 0, 0, Rgb{0, 255, 0});
  display.present({});
  const auto memory = file.bytes();
  const std::size_t origin = 3 * 24 + 1 * 4;
  EXPECT_TRUE(testing::read_panel_pixel(memory, g, 0, 0, origin) == (PanelPixel{0, 255, 0, 0}));
  for (std::size_t i = 0; i < origin; ++i)
    ASSERT_EQ(memory[i], PanelFile::kUntouched) << i;
}

TEST(FbdevDisplayTest, EachPresentShowsTheWholeNewFrame) {
  const FramebufferGeometry g = panel_geometry(kPanelFormats[2], 4, 4, 0);
  PanelFile file(file_size(g));
  FbdevDisplay display(file.fd(), g, Rotation::k270, file.path());
  const hal::Framebuffer image = display.framebuffer();
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x)
      testing::put_pixel(image, x, y, Rgb{255, 255, 255});
  }
  display.present({});
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x)
      testing::put_pixel(image, x, y, Rgb{0, 0, 255});
  }
  display.present({});
  const auto memory = file.bytes();
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) {
      EXPECT_TRUE(testing::read_panel_pixel(memory, g, x, y) == (PanelPixel{0, 0, 255, 0}));
    }
  }
}

TEST(RotationTest, ComesFromDegreesClockwise) {
  EXPECT_EQ(rotation_from_degrees(0), Rotation::k0);
  EXPECT_EQ(rotation_from_degrees(90), Rotation::k90);
  EXPECT_EQ(rotation_from_degrees(270), Rotation::k270);
  EXPECT_EQ(rotation_from_degrees(45), std::nullopt);
  EXPECT_EQ(rotation_from_degrees(-90), std::nullopt);
  EXPECT_EQ(degrees(Rotation::k180), 180);
}

}  // namespace

void PrintTo(Rotation rotation, std::ostream* out) {
  *out << degrees(rotation) << " degrees";
}

}  // namespace linkpos::drivers::fbdev
