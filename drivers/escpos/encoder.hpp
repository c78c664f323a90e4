#pragma once

#include <optional>
#include <string>

#include "drivers/escpos/code_page.hpp"
#include "drivers/escpos/layout.hpp"
#include "drivers/escpos/mono_image.hpp"
#include "drivers/escpos/printer_settings.hpp"
#include "hal/receipt.hpp"

namespace linkpos::drivers::escpos {

// Receipt documents to ESC/POS bytes for one printer. A job starts with ESC @ and ESC t, so it
// never depends on what the printer was left doing; after that only style changes are sent,
// since serial lines at 9600 baud make every byte count.
class Encoder {
 public:
  // Throws std::invalid_argument with check_printer_settings()'s message.
  explicit Encoder(const PrinterSettings& settings);

  // Every job prints `logo` (see load_logo) as a raster right after its initialisation, above
  // the first line. Throws std::invalid_argument as above, or when the logo is wider than the
  // paper (settings.paper_width_dots).
  Encoder(const PrinterSettings& settings, std::optional<MonoImage> logo);

  // The whole job, from initialisation to the last cut, leaving the printer in its default style.
  std::string encode(const hal::ReceiptDocument& document);

  const PrinterSettings& settings() const { return settings_; }

 private:
  PrinterSettings settings_;
  CodePageEncoder code_page_;
  std::string logo_command_;  // empty without a logo
};

}  // namespace linkpos::drivers::escpos
