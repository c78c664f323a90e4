#include "ui/utf8.hpp"

#include <cstddef>
#include <cstdint>

namespace linkpos::ui {
namespace {

struct Lead {
  int length;                // bytes in the sequence, 0 when the byte cannot start one
  char32_t bits;             // the lead byte's payload bits
  std::uint8_t second_low;   // allowed range of the second byte, which excludes overlong
  std::uint8_t second_high;  // forms, surrogates and values above U+10FFFF
};

Lead classify(std::uint8_t byte) {
  if (byte < 0x80)
    return {1, byte, 0, 0};
  if (byte < 0xC2)
    return {0, 0, 0, 0};
  if (byte < 0xE0)
    return {2, byte & 0x1Fu, 0x80, 0xBF};
  if (byte == 0xE0)
    return {3, byte & 0x0Fu, 0xA0, 0xBF};
  if (byte == 0xED)
    return {3, byte & 0x0Fu, 0x80, 0x9F};
  if (byte < 0xF0)
    return {3, byte & 0x0Fu, 0x80, 0xBF};
  if (byte == 0xF0)
    return {4, byte & 0x07u, 0x90, 0xBF};
  if (byte < 0xF4)
    return {4, byte & 0x07u, 0x80, 0xBF};
  if (byte == 0xF4)
    return {4, byte & 0x07u, 0x80, 0x8F};
  return {0, 0, 0, 0};
}

}  // namespace

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const Lead lead = classify(static_cast<std::uint8_t>(utf8[i]));
    ++i;
    if (lead.length == 0) {
      out.push_back(kReplacementCharacter);
      continue;
    }
    char32_t code_point = lead.bits;
    bool complete = true;
    for (int k = 1; k < lead.length; ++k) {
      const std::uint8_t low = k == 1 ? lead.second_low : 0x80;
      const std::uint8_t high = k == 1 ? lead.second_high : 0xBF;
      if (i >= utf8.size()) {
        complete = false;
        break;
      }
      const auto byte = static_cast<std::uint8_t>(utf8[i]);
      // The offending byte is not consumed: it may start the next sequence.
      if (byte < low || byte > high) {
        complete = false;
        break;
      }
      code_point = (code_point << 6) | (byte & 0x3Fu);
      ++i;
    }
    out.push_back(complete ? code_point : kReplacementCharacter);
  }
  return out;
}

}  // namespace linkpos::ui
