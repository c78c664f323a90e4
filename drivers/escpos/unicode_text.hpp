#pragma once

#include <string>
#include <string_view>

#include "drivers/escpos/iconv_handle.hpp"

namespace linkpos::drivers::escpos {

// Receipt text arrives as UTF-8 from config, the keypad and the server. It is checked once,
// here, so layout and encoding work on whole, printable code points and widths are counted in
// characters, never in bytes.
class UnicodeText {
 public:
  // Throws std::runtime_error if glibc's iconv lacks UTF-8 (a broken installation).
  UnicodeText();

  // Each byte of an invalid UTF-8 sequence, each code point beyond Unicode and each control
  // character (C0, DEL, C1: a stray ESC would be a printer command) becomes '?'.
  std::u32string decode(std::string_view utf8);

  // `text` as decode() returns it.
  std::string encode(std::u32string_view text);

 private:
  IconvHandle from_utf8_;
  IconvHandle to_utf8_;
};

// True for a code point decode() lets through.
bool is_printable(char32_t code_point);

}  // namespace linkpos::drivers::escpos
