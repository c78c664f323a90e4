#include "drivers/escpos/layout.hpp"

#include <algorithm>
#include <stdexcept>

#include "drivers/escpos/unicode_text.hpp"

namespace linkpos::drivers::escpos {
namespace {

struct LineStyle {
  hal::Align align = hal::Align::kLeft;
  bool bold = false;
  hal::TextSize size = hal::TextSize::kNormal;
};

PrintLine make_line(std::u32string text, const LineStyle& style) {
  return PrintLine{std::move(text), {}, style.align, style.bold, style.size};
}

std::u32string trim_trailing_spaces(std::u32string text) {
  text.erase(text.find_last_not_of(U' ') + 1);
  return text;
}

std::u32string trim_leading_spaces(std::u32string text) {
  text.erase(0, std::min(text.find_first_not_of(U' '), text.size()));
  return text;
}

// Greedy word wrap. Spaces inside a line are kept (indents, aligned prices); the spaces where
// a line breaks are dropped, and so are trailing ones, which only would push a right-aligned
// or centred line off its place.
std::vector<std::u32string> wrap(const std::u32string& text, std::size_t capacity) {
  std::vector<std::u32string> lines;
  std::u32string line;
  std::size_t position = 0;
  const std::u32string trimmed = trim_trailing_spaces(text);
  while (position < trimmed.size()) {
    const std::size_t word_start = trimmed.find_first_not_of(U' ', position);
    const std::size_t word_end = std::min(trimmed.find(U' ', word_start), trimmed.size());
    const std::size_t run_start = position;
    position = word_end;
    if (line.size() + (word_end - run_start) <= capacity) {
      line.append(trimmed, run_start, word_end - run_start);
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
    }
    std::size_t offset = word_start;
    while (word_end - offset > capacity) {
      lines.push_back(trimmed.substr(offset, capacity));
      offset += capacity;
    }
    line = trimmed.substr(offset, word_end - offset);
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

class LayOut {
 public:
  explicit LayOut(int columns) : columns_(columns) {}

  std::vector<LaidOutElement> take() { return std::move(elements_); }

  void operator()(const hal::TextLine& line) {
    add_wrapped(unicode_.decode(line.text), {line.align, line.bold, line.size});
  }

  void operator()(const hal::ColumnsLine& line) {
    const std::size_t width = capacity(line.size);
    std::u32string left = trim_trailing_spaces(unicode_.decode(line.left));
    std::u32string right = trim_leading_spaces(trim_trailing_spaces(unicode_.decode(line.right)));
    const std::size_t gap = left.empty() || right.empty() ? 0 : 1;
    if (left.size() + gap + right.size() <= width) {
      PrintLine print_line = make_line(std::move(left), {hal::Align::kLeft, line.bold, line.size});
      print_line.right = std::move(right);
      elements_.emplace_back(std::move(print_line));
      return;
    }
    if (!left.empty()) {
      add_wrapped(left, {hal::Align::kLeft, line.bold, line.size});
    }
    if (!right.empty()) {
      add_wrapped(right, {hal::Align::kRight, line.bold, line.size});
    }
  }

  void operator()(const hal::Separator& separator) {
    const auto glyph = static_cast<unsigned char>(separator.glyph);
    // A char is one byte of UTF-8: only ASCII stands for a character on its own.
    const char32_t code_point = is_printable(glyph) && glyph < 0x80 ? glyph : U'-';
    elements_.emplace_back(
        make_line(std::u32string(static_cast<std::size_t>(columns_), code_point), {}));
  }

  void operator()(const hal::Feed& feed) {
    if (feed.lines > 0) {
      elements_.emplace_back(hal::Feed{std::min(feed.lines, kMaxFeedLines)});
    }
  }

  void operator()(const hal::Cut& cut) { elements_.emplace_back(cut); }

 private:
  void add_wrapped(const std::u32string& text, const LineStyle& style) {
    for (auto& line : wrap(text, capacity(style.size))) {
      elements_.emplace_back(make_line(std::move(line), style));
    }
  }

  std::size_t capacity(hal::TextSize size) const {
    return static_cast<std::size_t>(line_capacity(columns_, size));
  }

  int columns_;
  UnicodeText unicode_;
  std::vector<LaidOutElement> elements_;
};

}  // namespace

int line_capacity(int columns, hal::TextSize size) {
  const bool double_width = size == hal::TextSize::kDoubleWidth || size == hal::TextSize::kDouble;
  return double_width ? columns / 2 : columns;
}

std::vector<LaidOutElement> lay_out(const hal::ReceiptDocument& document, int columns) {
  if (columns < 2) {
    throw std::invalid_argument("lay_out: paper narrower than 2 columns");
  }
  LayOut lay_out_element(columns);
  for (const auto& element : document.elements) {
    std::visit(lay_out_element, element);
  }
  return lay_out_element.take();
}

}  // namespace linkpos::drivers::escpos
