#include "drivers/escpos/unicode_text.hpp"

#include <cerrno>
#include <stdexcept>

namespace linkpos::drivers::escpos {
namespace {

// glibc's name for wchar_t's encoding: UCS-4 in host byte order, i.e. char32_t.
constexpr const char* kCodePoints = "WCHAR_T";
static_assert(sizeof(wchar_t) == sizeof(char32_t));

constexpr char32_t kReplacement = U'?';
constexpr std::size_t kFailed = static_cast<std::size_t>(-1);

IconvHandle open_or_throw(const char* to, const char* from) {
  auto handle = IconvHandle::open(to, from);
  if (!handle) {
    throw std::runtime_error(std::string("iconv cannot convert ") + from + " to " + to);
  }
  return std::move(*handle);
}

}  // namespace

bool is_printable(char32_t code_point) {
  if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
    return false;
  }
  // glibc decodes the old 5- and 6-byte forms beyond U+10FFFF; Unicode has no such characters.
  return code_point <= 0x10FFFF;
}

UnicodeText::UnicodeText()
    : from_utf8_(open_or_throw(kCodePoints, "UTF-8")),
      to_utf8_(open_or_throw("UTF-8", kCodePoints)) {}

std::u32string UnicodeText::decode(std::string_view utf8) {
  // Never more code points than bytes, even when every byte is replaced.
  std::u32string text(utf8.size(), U'\0');
  char* in = const_cast<char*>(utf8.data());  // iconv's signature; it does not write input
  std::size_t in_left = utf8.size();
  char* out = reinterpret_cast<char*>(text.data());
  std::size_t out_left = text.size() * sizeof(char32_t);
  from_utf8_.reset();
  while (in_left > 0) {
    if (iconv(from_utf8_.get(), &in, &in_left, &out, &out_left) != kFailed) {
      break;
    }
    if (errno != EILSEQ && errno != EINVAL) {
      throw std::logic_error("iconv ran out of room decoding UTF-8");
    }
    // iconv stops at the start of the bad sequence; replacing one byte at a time resynchronises
    // on the next valid character.
    const char32_t replacement = kReplacement;
    std::char_traits<char>::copy(out, reinterpret_cast<const char*>(&replacement),
                                 sizeof replacement);
    out += sizeof replacement;
    out_left -= sizeof replacement;
    ++in;
    --in_left;
    from_utf8_.reset();
  }
  text.resize(text.size() - out_left / sizeof(char32_t));
  for (char32_t& code_point : text) {
    if (!is_printable(code_point)) {
      code_point = kReplacement;
    }
  }
  return text;
}

std::string UnicodeText::encode(std::u32string_view text) {
  std::string utf8(text.size() * 4, '\0');
  char* in = reinterpret_cast<char*>(const_cast<char32_t*>(text.data()));
  std::size_t in_left = text.size() * sizeof(char32_t);
  char* out = utf8.data();
  std::size_t out_left = utf8.size();
  to_utf8_.reset();
  if (iconv(to_utf8_.get(), &in, &in_left, &out, &out_left) == kFailed) {
    throw std::logic_error("text to encode as UTF-8 did not come from UnicodeText::decode");
  }
  utf8.resize(utf8.size() - out_left);
  return utf8;
}

}  // namespace linkpos::drivers::escpos
