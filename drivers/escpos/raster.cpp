#include "drivers/escpos/raster.hpp"

#include <stdexcept>

namespace linkpos::drivers::escpos {
namespace {

constexpr int kMaxRasterRowBytes = 255;

char byte(int value) {
  return static_cast<char>(static_cast<unsigned char>(value));
}

}  // namespace

std::string raster_command(const MonoImage& image) {
  const int x = image.row_bytes();
  const int y = image.height();
  if (x > kMaxRasterRowBytes || y > kMaxRasterRows) {
    throw std::invalid_argument("a raster of " + std::to_string(image.width()) + "x" +
                                std::to_string(y) + " dots is larger than one GS v 0 carries");
  }
  std::string out{0x1D, 'v', '0', 0, byte(x & 0xFF), byte(x >> 8), byte(y & 0xFF), byte(y >> 8)};
  out.append(image.rows().begin(), image.rows().end());
  return out;
}

}  // namespace linkpos::drivers::escpos
