#include "drivers/escpos/mono_image.hpp"

#include <stdexcept>
#include <string>

namespace linkpos::drivers::escpos {

MonoImage::MonoImage(int width, int height) : width_(width), height_(height) {
  if (width < 1 || height < 1) {
    throw std::invalid_argument("a picture of " + std::to_string(width) + "x" +
                                std::to_string(height) + " dots");
  }
  rows_.assign(static_cast<std::size_t>(row_bytes()) * static_cast<std::size_t>(height), 0);
}

std::size_t MonoImage::index(int x, int y) const {
  if (x < 0 || x >= width_ || y < 0 || y >= height_) {
    throw std::out_of_range("dot " + std::to_string(x) + "," + std::to_string(y) +
                            " is outside the picture");
  }
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(row_bytes()) +
         static_cast<std::size_t>(x / 8);
}

bool MonoImage::is_black(int x, int y) const {
  return (rows_[index(x, y)] & (0x80 >> (x % 8))) != 0;
}

void MonoImage::set_black(int x, int y, bool black) {
  auto& byte = rows_[index(x, y)];
  const auto bit = static_cast<std::uint8_t>(0x80 >> (x % 8));
  byte = black ? static_cast<std::uint8_t>(byte | bit) : static_cast<std::uint8_t>(byte & ~bit);
}

}  // namespace linkpos::drivers::escpos
