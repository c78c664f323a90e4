#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hal/receipt.hpp"

// A test-side ESC/POS reader, written from Epson's command reference rather than from the
// encoder: it knows exactly the commands linkpos sends, refuses every other byte, and gives
// back what a printer would do with them. Printer-driver tests reuse it on the bytes their
// fake printer received.
namespace linkpos::tests::escpos {

struct TextStyle {
  hal::Align align = hal::Align::kLeft;
  bool bold = false;
  int width = 1;   // character width multiplier from GS !
  int height = 1;  // character height multiplier from GS !

  bool operator==(const TextStyle&) const = default;
};

struct Init {};  // ESC @
struct SelectCodeTable {
  int table;
};                    // ESC t n
struct PrintedLine {  // text ended by LF
  std::string text;   // UTF-8, decoded from the selected code table
  TextStyle style;
};
struct FeedLines {
  int lines;
};                 // ESC d n
struct CutPaper {  // GS V m [n]
  bool partial;
  bool feeds_to_cutter;  // function B (m = 65/66): feeds past the cutter before cutting
  int extra_feed;        // n of function B, in motion units
};
struct StatusRequest {
  int kind;
};                    // DLE EOT n
struct RasterImage {  // GS v 0 m xL xH yL yH d...
  int mode;
  int width_bytes;
  int height;
  std::vector<std::uint8_t> data;  // rows of width_bytes, most significant bit leftmost

  bool is_black(int x, int y) const;
};

using Decoded = std::variant<Init, SelectCodeTable, PrintedLine, FeedLines, CutPaper, StatusRequest,
                             RasterImage>;

struct DecodeResult {
  std::vector<Decoded> items;
  // Style commands that set what was already in force: the encoder promises to send none.
  int redundant_style_commands = 0;
  TextStyle final_style;
  // The first thing not understood, with its byte offset; nothing after it is decoded.
  std::optional<std::string> error;

  std::vector<PrintedLine> lines() const;
  std::vector<std::string> texts() const;
};

class EscPosDecoder {
 public:
  // `code_tables` maps ESC t numbers to iconv charset names; table 0 is CP437 unless given.
  explicit EscPosDecoder(std::map<int, std::string> code_tables = {});

  DecodeResult decode(std::string_view bytes) const;

 private:
  std::map<int, std::string> code_tables_;
};

}  // namespace linkpos::tests::escpos
