#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "drivers/escpos/iconv_handle.hpp"
#include "drivers/escpos/unicode_text.hpp"

namespace linkpos::drivers::escpos {

// The printer's character table as the config names it, e.g. {"charset": "CP858", "esc_t": 19}.
// The number behind ESC t differs between printer models (Epson: 19 = PC858 with the euro
// sign), so both halves come from config, never from a table in the code.
struct CodePage {
  std::string charset;  // as glibc iconv names it: CP437, CP850, CP858, CP1252, ISO-8859-15 ...
  int esc_t = 0;
};

// Nullopt when `code_page` can be used; otherwise a message for the technician saying why not
// (unknown to iconv, not a single-byte ASCII-compatible charset, esc_t outside 0..255).
std::optional<std::string> check_code_page(const CodePage& code_page);

// Turns text into the bytes of one code page: exactly one byte per code point, and characters
// the code page lacks become '?' (dashes '-'). Never yields a control byte, so text cannot turn
// into a printer command.
class CodePageEncoder {
 public:
  // Throws std::invalid_argument with check_code_page()'s message.
  explicit CodePageEncoder(const CodePage& code_page);

  std::string encode(std::u32string_view text);

  // UTF-8 in, checked as UnicodeText::decode does.
  std::string encode_utf8(std::string_view utf8);

 private:
  IconvHandle to_charset_;
  UnicodeText unicode_;
};

}  // namespace linkpos::drivers::escpos
