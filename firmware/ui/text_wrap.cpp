#include "ui/text_wrap.hpp"

#include <algorithm>

namespace linkpos::ui {
namespace {

constexpr char32_t kEllipsis = U'\u2026';

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r';
}

// Appends the rows of one paragraph (no '\n' in it).
void wrap_paragraph(std::u32string_view text, std::size_t max_chars,
                    std::vector<std::u32string>& rows) {
  std::u32string row;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t gap = 0;  // spaces before the word, kept when it joins the row
    while (i < text.size() && is_space(text[i])) {
      ++gap;
      ++i;
    }
    if (i == text.size())
      break;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]))
      ++end;
    std::u32string_view word = text.substr(i, end - i);
    i = end;

    if (!row.empty() && row.size() + gap + word.size() <= max_chars) {
      row.append(gap, U' ');
      row += word;
      continue;
    }
    if (!row.empty())
      rows.push_back(std::move(row));
    row.clear();
    while (word.size() > max_chars) {
      rows.emplace_back(word.substr(0, max_chars));
      word.remove_prefix(max_chars);
    }
    row = word;
  }
  if (!row.empty())
    rows.push_back(std::move(row));
}

}  // namespace

std::vector<std::u32string> wrap_text(std::u32string_view text, std::size_t max_chars) {
  max_chars = std::max<std::size_t>(max_chars, 1);
  std::vector<std::u32string> rows;
  while (true) {
    const std::size_t newline = text.find(U'\n');
    wrap_paragraph(text.substr(0, newline), max_chars, rows);
    if (newline == std::u32string_view::npos)
      break;
    text.remove_prefix(newline + 1);
  }
  return rows;
}

void limit_rows(std::vector<std::u32string>& rows, std::size_t max_rows, std::size_t max_chars) {
  max_rows = std::max<std::size_t>(max_rows, 1);
  max_chars = std::max<std::size_t>(max_chars, 1);
  if (rows.size() <= max_rows)
    return;
  rows.resize(max_rows);
  std::u32string& last = rows.back();
  if (last.size() >= max_chars)
    last.resize(max_chars - 1);
  while (!last.empty() && is_space(last.back()))
    last.pop_back();
  last += kEllipsis;
}

}  // namespace linkpos::ui
