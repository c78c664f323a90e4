#pragma once

#include <string>
#include <variant>
#include <vector>

// A receipt as the app means it, free of any printer language. drivers/escpos/ turns it into
// bytes; other printers could render it their own way.
namespace linkpos::hal {

enum class Align { kLeft, kCenter, kRight };

enum class TextSize { kNormal, kDoubleHeight, kDoubleWidth, kDouble };

// A line of UTF-8 text; a printer wraps it at word boundaries when it is wider than the paper.
struct TextLine {
  std::string text;
  Align align = Align::kLeft;
  bool bold = false;
  TextSize size = TextSize::kNormal;
};

// Two texts on one line: `left` at the left margin, `right` against the right one ("Total  12.50").
struct ColumnsLine {
  std::string left;
  std::string right;
  bool bold = false;
  TextSize size = TextSize::kNormal;
};

// A full-width rule.
struct Separator {
  char glyph = '-';
};

// Blank paper, in lines.
struct Feed {
  int lines = 1;
};

// Feeds the paper past the cutter and cuts it.
struct Cut {
  bool partial = true;
};

using ReceiptElement = std::variant<TextLine, ColumnsLine, Separator, Feed, Cut>;

struct ReceiptDocument {
  // Names the job, e.g. the sale reference; printers that keep files name them after it.
  std::string job_name;
  std::vector<ReceiptElement> elements;
};

}  // namespace linkpos::hal
