#include "app/strings.hpp"

#include <array>

namespace linkpos::app {
namespace {

struct Language {
  std::string_view code;
  const Strings& (*table)();
};

constexpr std::array kLanguages{
    Language{"en", &english_strings},
    Language{"fr", &french_strings},
    Language{"de", &german_strings},
    Language{"es", &spanish_strings},
};

const Strings* active = nullptr;

}  // namespace

const Strings* strings_for(std::string_view language) {
  for (const Language& known : kLanguages) {
    if (known.code == language)
      return &known.table();
  }
  return nullptr;
}

std::string known_languages() {
  std::string list;
  for (const Language& known : kLanguages) {
    if (!list.empty())
      list += ", ";
    list += "\"" + std::string(known.code) + "\"";
  }
  return list;
}

void use_strings(const Strings& strings) {
  active = &strings;
}

const Strings& active_strings() {
  return active != nullptr ? *active : english_strings();
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
