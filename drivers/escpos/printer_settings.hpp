#pragma once

#include <optional>
#include <string>

#include "drivers/escpos/code_page.hpp"

namespace linkpos::drivers::escpos {

// What the receipt layout needs to know about a printer; from the printer's config.
struct PrinterSettings {
  int columns = 48;  // characters of the normal font per line: 32 on 58 mm paper, 42 or 48 on 80 mm
  CodePage code_page{"CP437", 0};
};

constexpr int kMinColumns = 16;
constexpr int kMaxColumns = 255;

// Nullopt when `settings` can be used; otherwise a message for the technician saying why not.
std::optional<std::string> check_printer_settings(const PrinterSettings& settings);

}  // namespace linkpos::drivers::escpos
