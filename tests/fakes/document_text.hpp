#pragma once

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "hal/receipt.hpp"

namespace linkpos::testing {

// Every text of a printed document, with column pairs joined by " | ": what a test reads off a
// receipt or a report.
inline std::vector<std::string> document_texts(const hal::ReceiptDocument& document) {
  std::vector<std::string> out;
  for (const auto& element : document.elements) {
    if (const auto* line = std::get_if<hal::TextLine>(&element))
      out.push_back(line->text);
    if (const auto* row = std::get_if<hal::ColumnsLine>(&element))
      out.push_back(row->left + " | " + row->right);
  }
  return out;
}

inline bool document_has(const hal::ReceiptDocument& document, const std::string& text) {
  const auto texts = document_texts(document);
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace linkpos::testing
