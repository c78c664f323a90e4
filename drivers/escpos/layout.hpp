#pragma once

#include <string>
#include <variant>
#include <vector>

#include "hal/receipt.hpp"

namespace linkpos::drivers::escpos {

// One line of paper. Its text never holds more characters than line_capacity() allows for its
// size, so a printer never wraps it on its own.
struct PrintLine {
  std::u32string text;   // printed at `align`
  std::u32string right;  // when not empty: flush against the right edge, after `text`
  hal::Align align = hal::Align::kLeft;
  bool bold = false;
  hal::TextSize size = hal::TextSize::kNormal;
};

using LaidOutElement = std::variant<PrintLine, hal::Feed, hal::Cut>;

// Paper widths in characters of the normal font.
constexpr int kColumns58mm = 32;
constexpr int kColumns80mm = 48;

// The most blank lines one Feed gives; a larger count is a mistake, not a wish for metres of paper.
constexpr int kMaxFeedLines = 255;

// Characters of `size` that fit on a line `columns` wide: double width takes two columns each.
int line_capacity(int columns, hal::TextSize size);

// The document as lines of paper `columns` wide (at least 2). Text lines wrap at spaces, words
// longer than a line break; columns lines put `right` against the right edge, or when both do
// not fit, wrap `left` and put `right` on its own right-aligned line; a separator fills the
// width. The ESC/POS encoder and the text rendering both print from this, so paper and .txt agree.
std::vector<LaidOutElement> lay_out(const hal::ReceiptDocument& document, int columns);

}  // namespace linkpos::drivers::escpos
