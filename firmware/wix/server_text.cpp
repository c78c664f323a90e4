#include "wix/server_text.hpp"

#include <cstdint>

namespace linkpos::wix {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the UTF-8 sequence starting `text` and its code point; 0 when it is not a
// valid one (overlong forms, surrogates and values past U+10FFFF included).
std::size_t sequence_at(std::string_view text, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(0);
  std::size_t length = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
    minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
    minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    minimum = 0x10000;
  } else {
    return 0;
  }
  if (text.size() < length)
    return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80)
      return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < minimum || code_point > 0x10FFFF || surrogate)
    return 0;
  return length;
}

bool is_control(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

}  // namespace

std::string tame_server_text(std::string_view text, std::size_t max_chars) {
  std::string out;
  out.reserve(text.size() < 4 * max_chars ? text.size() : 4 * max_chars);
  std::size_t kept = 0;
  while (!text.empty() && kept < max_chars) {
    char32_t code_point = 0;
    const std::size_t length = sequence_at(text, code_point);
    if (length == 0) {
      out += kReplacement;
      ++kept;
      text.remove_prefix(1);
      continue;
    }
    if (!is_control(code_point)) {
      out.append(text.substr(0, length));
      ++kept;
    }
    text.remove_prefix(length);
  }
  return out;
}

bool is_web_url(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  // A host must follow the scheme: "https:///x" or "https://?" takes the customer nowhere.
  if (rest.empty() || rest.front() == '/' || rest.front() == '?' || rest.front() == '#')
    return false;
  for (const char c : url) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (byte <= 0x20 || byte >= 0x7F)
      return false;
  }
  return true;
}

}  // namespace linkpos::wix
