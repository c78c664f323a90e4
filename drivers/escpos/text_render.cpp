#include "drivers/escpos/text_render.hpp"

#include "drivers/escpos/layout.hpp"
#include "drivers/escpos/unicode_text.hpp"

namespace linkpos::drivers::escpos {
namespace {

class TextWriter {
 public:
  explicit TextWriter(int columns) : columns_(static_cast<std::size_t>(columns)) {}

  std::vector<std::string> take() { return std::move(lines_); }

  // Double-width lines hold at most half as many characters, so padding to the normal width
  // keeps every line's right edge where it is on paper.
  void operator()(const PrintLine& line) {
    std::u32string text;
    const std::size_t used = line.text.size() + line.right.size();
    const std::size_t spare = columns_ > used ? columns_ - used : 0;
    if (!line.right.empty()) {
      text = line.text + std::u32string(spare, U' ') + line.right;
    } else if (line.align == hal::Align::kRight) {
      text = std::u32string(spare, U' ') + line.text;
    } else if (line.align == hal::Align::kCenter) {
      text = std::u32string(spare / 2, U' ') + line.text;
    } else {
      text = line.text;
    }
    lines_.push_back(unicode_.encode(text));
  }

  void operator()(const hal::Feed& feed) {
    lines_.insert(lines_.end(), static_cast<std::size_t>(feed.lines), std::string());
  }

  void operator()(const hal::Cut&) { lines_.push_back("8<" + std::string(columns_ - 2, '-')); }

 private:
  std::size_t columns_;
  UnicodeText unicode_;
  std::vector<std::string> lines_;
};

}  // namespace

std::vector<std::string> render_text_lines(const hal::ReceiptDocument& document, int columns) {
  TextWriter writer(columns);
  for (const auto& element : lay_out(document, columns)) {
    std::visit(writer, element);
  }
  return writer.take();
}

std::string render_text(const hal::ReceiptDocument& document, int columns) {
  std::string text;
  for (const auto& line : render_text_lines(document, columns)) {
    text += line;
    text += '\n';
  }
  return text;
}

}  // namespace linkpos::drivers::escpos
