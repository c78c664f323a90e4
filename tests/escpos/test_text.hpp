#pragma once

#include <algorithm>
#include <string>

namespace linkpos::tests::escpos {

// Characters, not bytes, in a UTF-8 string: every byte that does not continue a sequence.
inline std::size_t characters(const std::string& utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char byte) { return (byte & 0xC0) != 0x80; }));
}

}  // namespace linkpos::tests::escpos
