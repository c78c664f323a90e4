#include "drivers/sim/png_snapshots.hpp"
#include "drivers/sim/rgb_pixels.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_framebuffer.hpp"
#include "tests/fakes/temp_dir.hpp"
#include "ui/canvas.hpp"

namespace linkpos::drivers::sim {
namespace {

using testing::TempDir;
using testing::TestFramebuffer;

struct Decoded {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;
};

// Reads a PNG back with libpng, as any viewer would.
std::optional<Decoded> read_png(const std::filesystem::path& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0)
    return std::nullopt;
  image.format = PNG_FORMAT_RGB;
  Decoded decoded{static_cast<int>(image.width), static_cast<int>(image.height),
                  std::vector<std::uint8_t>(PNG_IMAGE_SIZE(image))};
  if (png_image_finish_read(&image, nullptr, decoded.rgb.data(), 0, nullptr) == 0) {
    png_image_free(&image);
    return std::nullopt;
  }
  return decoded;
}

std::set<std::string> names_in(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(PngSnapshotsTest, NumbersFramesFromOneAndLeavesNoTemporaryFiles) {
  TempDir dir;
  std::ostringstream errors;
  PngSnapshots snapshots(dir.path() / "shots" / "run", errors);  // created on demand
  TestFramebuffer fb(32, 24);
  ui::Canvas canvas(fb.view());
  for (const ui::Rgb colour : {ui::Rgb{255, 0, 0}, ui::Rgb{0, 255, 0}, ui::Rgb{0, 0, 255}}) {
    canvas.fill(colour);
    snapshots.on_frame(fb.view(), hal::FrameText{"idle", {}});
  }
  const std::filesystem::path shots = dir.path() / "shots" / "run";
  EXPECT_EQ(names_in(shots),
            (std::set<std::string>{"frame-000001.png", "frame-000002.png", "frame-000003.png"}));
  const std::optional<Decoded> second = read_png(shots / "frame-000002.png");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->width, 32);
  EXPECT_EQ(second->height, 24);
  EXPECT_EQ(second->rgb[0], 0);
  EXPECT_EQ(second->rgb[1], 255);
  EXPECT_EQ(errors.str(), "");
  EXPECT_EQ(PngSnapshots::file_name(123456), "frame-123456.png");
}

TEST(PngSnapshotsTest, WritePngKeepsThePixelsOfEveryFormatAndStride) {
  TempDir dir;
  for (const auto format :
       {hal::PixelFormat::kRgb565, hal::PixelFormat::kRgb888, hal::PixelFormat::kXrgb8888}) {
    TestFramebuffer fb(5, 3, format, /*padding=*/7);
    ui::Canvas canvas(fb.view());
    canvas.fill(ui::Rgb{255, 255, 255});
    canvas.fill_rect(ui::Rect{4, 2, 1, 1}, ui::Rgb{0, 0, 0});
    canvas.fill_rect(ui::Rect{1, 0, 1, 1}, ui::Rgb{255, 0, 0});
    const std::filesystem::path path = dir.path() / "picture.png";
    ASSERT_TRUE(write_png(path, fb.view()).ok());
    const std::optional<Decoded> decoded = read_png(path);
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->rgb.size(), 5u * 3u * 3u);
    EXPECT_EQ(decoded->rgb, to_rgb24(fb.view()));
    EXPECT_EQ(std::vector<std::uint8_t>(decoded->rgb.begin() + 3, decoded->rgb.begin() + 6),
              (std::vector<std::uint8_t>{255, 0, 0}));
    EXPECT_EQ(std::vector<std::uint8_t>(decoded->rgb.end() - 3, decoded->rgb.end()),
              (std::vector<std::uint8_t>{0, 0, 0}));
    EXPECT_EQ(decoded->rgb[0], 255);
  }
}

TEST(PngSnapshotsTest, WritePngReportsWhyItFailed) {
  TempDir dir;
  TestFramebuffer fb(4, 4);
  const PngWriteResult result = write_png(dir.path() / "missing" / "x.png", fb.view());
  EXPECT_FALSE(result.ok());
  EXPECT_NE(result.error, "");
}

TEST(PngSnapshotsTest, AFolderThatCannotBeMadeIsReportedOnceAndFramesKeepComing) {
  TempDir dir;
  const std::filesystem::path blocked = dir.path() / "not-a-folder";
  std::ofstream(blocked) << "a file where the folder should be";
  std::ostringstream errors;
  PngSnapshots snapshots(blocked, errors);
  TestFramebuffer fb(8, 8);
  snapshots.on_frame(fb.view(), hal::FrameText{"idle", {}});
  snapshots.on_frame(fb.view(), hal::FrameText{"amount", {}});
  const std::string report = errors.str();
  EXPECT_NE(report.find(blocked.string()), std::string::npos) << report;
  EXPECT_EQ(std::count(report.begin(), report.end(), '\n'), 1) << report;

  // Once the folder can be made, snapshots resume with the frame's own number.
  std::filesystem::remove(blocked);
  snapshots.on_frame(fb.view(), hal::FrameText{"qr", {}});
  EXPECT_EQ(names_in(blocked), (std::set<std::string>{"frame-000003.png"}));
}

}  // namespace
}  // namespace linkpos::drivers::sim
