#include "app/strings.hpp"

namespace linkpos::app {

const Strings* strings_for(std::string_view language) {
  if (language == "en")
    return &english_strings();
  return nullptr;
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const auto open = text.find('{', at);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos)
      break;
    out.append(text.substr(at, open - at));
    const auto name = text.substr(open + 1, close - open - 1);
    bool replaced = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out += value;
        replaced = true;
        break;
      }
    }
    if (!replaced)
      out.append(text.substr(open, close - open + 1));
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace linkpos::app
