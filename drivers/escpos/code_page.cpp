#include "drivers/escpos/code_page.hpp"

#include <array>
#include <stdexcept>

namespace linkpos::drivers::escpos {
namespace {

constexpr const char* kCodePoints = "WCHAR_T";  // see unicode_text.cpp
constexpr char kReplacement = '?';
constexpr std::size_t kFailed = static_cast<std::size_t>(-1);

// The charset's bytes for one code point (any number of them), or nullopt when it lacks it.
std::optional<std::string> convert_one(IconvHandle& handle, char32_t code_point) {
  std::array<char, 16> buffer{};
  char* in = reinterpret_cast<char*>(&code_point);
  std::size_t in_left = sizeof code_point;
  char* out = buffer.data();
  std::size_t out_left = buffer.size();
  const bool converted = iconv(handle.get(), &in, &in_left, &out, &out_left) != kFailed &&
                         iconv(handle.get(), nullptr, nullptr, &out, &out_left) != kFailed;
  if (!converted) {
    handle.reset();
    return std::nullopt;
  }
  return std::string(buffer.data(), buffer.size() - out_left);
}

// One byte for one code point, or nullopt when the charset lacks it or spends more on it.
std::optional<char> encode_one(IconvHandle& handle, char32_t code_point) {
  const auto bytes = convert_one(handle, code_point);
  if (!bytes || bytes->size() != 1) {
    return std::nullopt;
  }
  const auto byte = static_cast<unsigned char>(bytes->front());
  // Printers read every byte below 0x20 as a command; no printable character may become one.
  if (byte < 0x20 || byte == 0x7F) {
    return std::nullopt;
  }
  return bytes->front();
}

// What prints for a character the code page lacks: dashes, which texts use for a pause and most
// printer tables (CP437, CP850, CP858) lack, print as the hyphen; anything else as '?'. One byte
// either way, so the layout's widths still hold.
char stand_in(char32_t code_point) {
  switch (code_point) {
    case U'\u2010':  // hyphen
    case U'\u2011':  // non-breaking hyphen
    case U'\u2012':  // figure dash
    case U'\u2013':  // en dash
    case U'\u2014':  // em dash
    case U'\u2212':  // minus sign
      return '-';
    default:
      return kReplacement;
  }
}

}  // namespace

std::optional<std::string> check_code_page(const CodePage& code_page) {
  const std::string name = "code page \"" + code_page.charset + "\"";
  if (code_page.esc_t < 0 || code_page.esc_t > 255) {
    return name + ": esc_t " + std::to_string(code_page.esc_t) + " is outside 0..255";
  }
  if (code_page.charset.empty()) {
    return std::string("code page: no charset named");
  }
  auto handle = IconvHandle::open(code_page.charset, kCodePoints);
  if (!handle || !IconvHandle::open("UTF-8", code_page.charset)) {
    return name + " is not known to iconv (`iconv -l` lists the names it knows)";
  }
  // ESC/POS commands and receipts' digits are ASCII, so a printer table keeps it in place; and
  // layout counts one column per character, so no character may take several bytes.
  const std::string refusal =
      name + " is not a single-byte charset that keeps ASCII, as ESC/POS needs";
  for (char32_t code_point = 0x20; code_point < 0x7F; ++code_point) {
    const auto byte = encode_one(*handle, code_point);
    if (!byte || static_cast<unsigned char>(*byte) != code_point) {
      return refusal;
    }
  }
  for (const char32_t code_point : {U'é', U'ß', U'€', U'Ж', U'α', U'日', U'語'}) {
    const auto bytes = convert_one(*handle, code_point);
    if (bytes && bytes->size() > 1) {
      return refusal;
    }
  }
  return std::nullopt;
}

CodePageEncoder::CodePageEncoder(const CodePage& code_page)
    : to_charset_([&] {
        if (auto problem = check_code_page(code_page)) {
          throw std::invalid_argument(*problem);
        }
        return std::move(*IconvHandle::open(code_page.charset, kCodePoints));
      }()) {}

std::string CodePageEncoder::encode(std::u32string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  for (const char32_t code_point : text) {
    if (auto byte = encode_one(to_charset_, code_point)) {
      bytes += *byte;
    } else {
      bytes += stand_in(code_point);
    }
  }
  return bytes;
}

std::string CodePageEncoder::encode_utf8(std::string_view utf8) {
  return encode(unicode_.decode(utf8));
}

}  // namespace linkpos::drivers::escpos
