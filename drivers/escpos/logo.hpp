#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drivers/escpos/mono_image.hpp"

namespace linkpos::drivers::escpos {

// Taller logos waste paper and, on a 9600 baud serial line, seconds of every sale.
constexpr int kMaxLogoHeightDots = 400;
// Guards memory on the board before a single pixel is decoded (16 MB as RGBA).
constexpr std::int64_t kMaxLogoSourcePixels = 4 * 1024 * 1024;

struct LogoLoad {
  std::optional<MonoImage> image;
  std::string error;  // when there is no image: why not, naming the file, for the start-up error
};

// The merchant logo as the printer prints it at the top of each receipt. A pixel is black when
// its luminance (Rec. 601), composed over white paper by its alpha, is below 128, so transparent
// parts stay white. A picture wider than `paper_width_dots` shrinks by the smallest whole factor
// that makes it fit, keeping the nearest pixel; then white dots on its left centre it on the
// paper. A file that cannot be read or is not a PNG, or a logo taller than kMaxLogoHeightDots
// once shrunk, gives `error` instead.
LogoLoad load_logo(const std::filesystem::path& png, int paper_width_dots);

// The same conversion for 8-bit RGBA pixels already in memory, rows top to bottom.
// `source` names the picture in errors.
LogoLoad logo_from_rgba(const std::vector<std::uint8_t>& rgba, int width, int height,
                        int paper_width_dots, const std::string& source);

}  // namespace linkpos::drivers::escpos
