#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace linkpos::ui {

// Light modules a reader needs around a QR symbol, on every side.
inline constexpr int kQrQuietZoneModules = 4;

// A QR symbol's modules, without the quiet zone: `size` x `size`, row by row, true = dark.
struct QrMatrix {
  int size = 0;
  std::vector<bool> modules;

  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x]; }
};

// Encodes `text` (bytes, usually UTF-8) with error correction MEDIUM, raised when that costs no
// size; std::nullopt when the text is too long for any QR version.
std::optional<QrMatrix> encode_qr(std::string_view text);

}  // namespace linkpos::ui
