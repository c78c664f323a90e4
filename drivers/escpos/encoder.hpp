#pragma once

#include <string>

#include "drivers/escpos/code_page.hpp"
#include "drivers/escpos/layout.hpp"
#include "drivers/escpos/printer_settings.hpp"
#include "hal/receipt.hpp"

namespace linkpos::drivers::escpos {

// Receipt documents to ESC/POS bytes for one printer. A job starts with ESC @ and ESC t, so it
// never depends on what the printer was left doing; after that only style changes are sent,
// since serial links at 9600 baud make every byte count.
class Encoder {
 public:
  // Throws std::invalid_argument with check_printer_settings()'s message.
  explicit Encoder(const PrinterSettings& settings);

  // The whole job, from initialisation to the last cut, leaving the printer in its default style.
  std::string encode(const hal::ReceiptDocument& document);

  const PrinterSettings& settings() const { return settings_; }

 private:
  PrinterSettings settings_;
  CodePageEncoder code_page_;
};

}  // namespace linkpos::drivers::escpos
