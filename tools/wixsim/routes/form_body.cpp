#include "tools/wixsim/routes/form_body.hpp"

namespace linkpos::tools::wixsim {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> form_field(std::string_view body, std::string_view name) {
  while (!body.empty()) {
    const auto end = body.find('&');
    const std::string_view pair = body.substr(0, end);
    const auto equals = pair.find('=');
    if (decoded(pair.substr(0, equals)) == name) {
      return equals == std::string_view::npos ? std::string() : decoded(pair.substr(equals + 1));
    }
    if (end == std::string_view::npos)
      break;
    body.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace linkpos::tools::wixsim
