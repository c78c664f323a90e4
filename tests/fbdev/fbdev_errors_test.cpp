#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>

#include "drivers/fbdev/fbdev_display.hpp"
#include "fakes/temp_dir.hpp"
#include "fbdev/panel_file.hpp"

namespace linkpos::drivers::fbdev {
namespace {

using ::testing::HasSubstr;
using testing::PanelFile;

// The message of the std::runtime_error `make` throws; empty (and a failure) when none.
std::string refusal(const std::function<void()>& make) {
  try {
    make();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  ADD_FAILURE() << "nothing was refused";
  return {};
}

FramebufferGeometry xrgb8888(int width, int height) {
  FramebufferGeometry g;
  g.width = width;
  g.height = height;
  g.bits_per_pixel = 32;
  g.line_length = width * 4;
  g.red = {16, 8};
  g.green = {8, 8};
  g.blue = {0, 8};
  return g;
}

TEST(FbdevErrorsTest, AnUnsupportedDepthIsRefusedSayingWhichDepthsWork) {
  FramebufferGeometry palette = xrgb8888(8, 8);
  palette.bits_per_pixel = 8;
  palette.line_length = 8;
  PanelFile file(64);
  const std::string message =
      refusal([&] { FbdevDisplay(file.fd(), palette, Rotation::k0, file.path()); });
  EXPECT_THAT(message, HasSubstr(file.path()));
  EXPECT_THAT(message, HasSubstr("uses 8 bits per pixel"));
  EXPECT_THAT(message, HasSubstr("16 (RGB565), 24 (RGB888) or 32 (XRGB8888)"));
}

TEST(FbdevErrorsTest, ChannelsWiderThanAByteAreRefused) {
  FramebufferGeometry deep = xrgb8888(4, 4);  // XRGB2101010
  deep.red = {20, 10};
  deep.green = {10, 10};
  deep.blue = {0, 10};
  PanelFile file(64);
  EXPECT_THAT(refusal([&] { FbdevDisplay(file.fd(), deep, Rotation::k0, file.path()); }),
              HasSubstr("colour channels linkpos cannot write (red 10 bits at 20"));
}

TEST(FbdevErrorsTest, AFileTooSmallForTheScreenIsRefusedWithBothSizes) {
  const FramebufferGeometry g = xrgb8888(10, 10);  // needs 400 bytes
  PanelFile file(399);
  const std::string message =
      refusal([&] { FbdevDisplay(file.fd(), g, Rotation::k90, file.path()); });
  EXPECT_THAT(message, HasSubstr(file.path()));
  EXPECT_THAT(message, HasSubstr("holds 399 bytes"));
  EXPECT_THAT(message, HasSubstr("needs 400"));
}

TEST(FbdevErrorsTest, LinesShorterThanTheScreenAreRefused) {
  FramebufferGeometry g = xrgb8888(10, 2);
  g.line_length = 36;
  PanelFile file(1000);
  EXPECT_THAT(refusal([&] { FbdevDisplay(file.fd(), g, Rotation::k0, file.path()); }),
              HasSubstr("lines of 36 bytes, too short for 10 pixels"));
}

TEST(FbdevErrorsTest, AMissingDeviceIsNamedWithWhereToLook) {
  const std::string message = refusal([] { FbdevDisplay(FbdevSettings{"/dev/fb-none-7", {}}); });
  EXPECT_THAT(message, HasSubstr("/dev/fb-none-7"));
  EXPECT_THAT(message, HasSubstr("does not exist"));
  EXPECT_THAT(message, HasSubstr("display.device"));
}

TEST(FbdevErrorsTest, SomethingThatIsNotAFramebufferDeviceIsRefused) {
  const testing::TempDir dir;
  const std::string path = dir.file("not-a-framebuffer");
  { std::ofstream(path) << "pixels"; }
  const std::string message = refusal([&] { FbdevDisplay(FbdevSettings{path, {}}); });
  EXPECT_THAT(message, HasSubstr(path));
  EXPECT_THAT(message, HasSubstr("is not a framebuffer device"));
}

}  // namespace
}  // namespace linkpos::drivers::fbdev
