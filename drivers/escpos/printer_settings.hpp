#pragma once

#include <optional>
#include <string>

#include "drivers/escpos/code_page.hpp"

namespace linkpos::drivers::escpos {

// What the receipt layout needs to know about a printer; from the printer's config.
struct PrinterSettings {
  int columns = 48;  // characters of the normal font per line: 32 on 58 mm paper, 42 or 48 on 80 mm
  CodePage code_page{"CP437", 0};
  // Printable dots per line at 203 dpi: what a raster image (the logo) may be wide.
  int paper_width_dots = 576;
};

constexpr int kMinColumns = 16;
constexpr int kMaxColumns = 255;

constexpr int kPaperDots58mm = 384;
constexpr int kPaperDots80mm = 576;
constexpr int kMinPaperDots = 128;
constexpr int kMaxPaperDots =
    2040;  // GS v 0 counts whole bytes; 255 of them is wider than any roll

// Nullopt when `settings` can be used; otherwise a message for the technician saying why not.
std::optional<std::string> check_printer_settings(const PrinterSettings& settings);

}  // namespace linkpos::drivers::escpos
