#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "tests/escpos/escpos_decoder.hpp"

namespace linkpos::tests::escpos {

// 8-bit RGBA pixels, rows top to bottom: what tests draw logos with.
struct RgbaPicture {
  RgbaPicture(int columns, int rows) : width(columns), height(rows) {
    pixels.assign(static_cast<std::size_t>(columns * rows) * 4, 255);  // opaque white
  }

  void set(int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
    auto* pixel = &pixels[static_cast<std::size_t>(y * width + x) * 4];
    pixel[0] = r;
    pixel[1] = g;
    pixel[2] = b;
    pixel[3] = a;
  }

  int width;
  int height;
  std::vector<std::uint8_t> pixels;
};

// Writes `picture` as an RGBA PNG; throws std::runtime_error if libpng cannot.
void write_png(const std::filesystem::path& path, const RgbaPicture& picture);

// Writes a decoded raster as a black-on-white PNG, for a developer to look at.
void write_png(const std::filesystem::path& path, const RasterImage& raster);

}  // namespace linkpos::tests::escpos
