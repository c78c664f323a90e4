#include "tests/escpos/test_png.hpp"

#include <png.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace linkpos::tests::escpos {
namespace {

void write(const std::filesystem::path& path, int width, int height, png_uint_32 format,
           const std::vector<std::uint8_t>& pixels) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = format;
  const int written = png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), 0, nullptr);
  const std::string message = image.message;
  png_image_free(&image);
  if (written == 0) {
    throw std::runtime_error("cannot write " + path.string() + ": " + message);
  }
}

}  // namespace

void write_png(const std::filesystem::path& path, const RgbaPicture& picture) {
  write(path, picture.width, picture.height, PNG_FORMAT_RGBA, picture.pixels);
}

void write_png(const std::filesystem::path& path, const RasterImage& raster) {
  const int width = raster.width_bytes * 8;
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(width * raster.height), 255);
  for (int y = 0; y < raster.height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (raster.is_black(x, y)) {
        gray[static_cast<std::size_t>(y * width + x)] = 0;
      }
    }
  }
  write(path, width, raster.height, PNG_FORMAT_GRAY, gray);
}

}  // namespace linkpos::tests::escpos
