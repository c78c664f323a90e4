#pragma once

#include <cstdint>
#include <vector>

namespace linkpos::drivers::escpos {

// A 1-bit picture laid out as ESC/POS raster commands carry it: rows of whole bytes, the most
// significant bit the leftmost dot, 1 a black (burnt) dot. Bits past `width` in a row's last
// byte stay 0, so they print white.
class MonoImage {
 public:
  // All white. Throws std::invalid_argument unless both sides are at least 1.
  MonoImage(int width, int height);

  int width() const { return width_; }
  int height() const { return height_; }
  int row_bytes() const { return (width_ + 7) / 8; }

  // Coordinates outside the picture are a programming error (std::out_of_range).
  bool is_black(int x, int y) const;
  void set_black(int x, int y, bool black = true);

  // height() rows of row_bytes() bytes.
  const std::vector<std::uint8_t>& rows() const { return rows_; }

  bool operator==(const MonoImage&) const = default;

 private:
  std::size_t index(int x, int y) const;

  int width_;
  int height_;
  std::vector<std::uint8_t> rows_;
};

}  // namespace linkpos::drivers::escpos
