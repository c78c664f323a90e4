#include "drivers/escpos/printer_settings.hpp"

namespace linkpos::drivers::escpos {

std::optional<std::string> check_printer_settings(const PrinterSettings& settings) {
  if (settings.columns < kMinColumns || settings.columns > kMaxColumns) {
    return "printer columns " + std::to_string(settings.columns) + " is outside " +
           std::to_string(kMinColumns) + ".." + std::to_string(kMaxColumns);
  }
  if (settings.paper_width_dots < kMinPaperDots || settings.paper_width_dots > kMaxPaperDots) {
    return "printer paper width " + std::to_string(settings.paper_width_dots) +
           " dots is outside " + std::to_string(kMinPaperDots) + ".." +
           std::to_string(kMaxPaperDots);
  }
  return check_code_page(settings.code_page);
}

}  // namespace linkpos::drivers::escpos
