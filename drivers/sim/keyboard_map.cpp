#include "drivers/sim/keyboard_map.hpp"

#include <array>
#include <optional>
#include <utility>

namespace linkpos::drivers::sim {
namespace {

using hal::Key;

// Escape sequences of the keys we use, as xterm, VT220 and the Linux console send them.
constexpr std::array<std::pair<std::string_view, Key>, 15> kSequences = {{
    {"\x1bOP", Key::kF1},
    {"\x1bOQ", Key::kF2},
    {"\x1bOR", Key::kF3},
    {"\x1bOS", Key::kF4},
    {"\x1b[11~", Key::kF1},
    {"\x1b[12~", Key::kF2},
    {"\x1b[13~", Key::kF3},
    {"\x1b[14~", Key::kF4},
    {"\x1b[[A", Key::kF1},
    {"\x1b[[B", Key::kF2},
    {"\x1b[[C", Key::kF3},
    {"\x1b[[D", Key::kF4},
    {"\x1b[3~", Key::kClear},
    {"\x1bOM", Key::kCharge},
    {"\x1b[2~", Key::k00},
}};

std::optional<Key> single(char c) {
  if (c >= '0' && c <= '9')
    return static_cast<Key>(static_cast<int>(Key::k0) + (c - '0'));
  switch (c) {
    case '.':
    case ',':
      return Key::k00;
    case 0x7F:
    case 0x08:
      return Key::kBackspace;
    case 'c':
    case 'C':
      return Key::kClear;
    case '\r':
    case '\n':
      return Key::kCharge;
    case 'x':
    case 'X':
      return Key::kCancel;
    case 'm':
    case 'M':
    case '\t':
      return Key::kMenu;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::vector<hal::Key> decode_keyboard(std::string_view bytes) {
  std::vector<Key> keys;
  while (!bytes.empty()) {
    if (bytes.front() == '\x1b') {
      bool matched = false;
      for (const auto& [sequence, key] : kSequences) {
        if (bytes.substr(0, sequence.size()) == sequence) {
          keys.push_back(key);
          bytes.remove_prefix(sequence.size());
          matched = true;
          break;
        }
      }
      if (matched)
        continue;
      // A lone Esc (nothing follows it in this read) is the Esc key; an unknown sequence
      // (arrow keys and the like) is skipped whole.
      if (bytes.size() == 1) {
        keys.push_back(Key::kCancel);
        bytes.remove_prefix(1);
        continue;
      }
      std::size_t end = 1;
      if (bytes[1] == '[' || bytes[1] == 'O') {
        end = 2;
        while (end < bytes.size() && !(bytes[end] >= 0x40 && bytes[end] <= 0x7E))
          ++end;
        end = std::min(end + 1, bytes.size());
      }
      bytes.remove_prefix(end);
      continue;
    }
    if (const auto key = single(bytes.front()))
      keys.push_back(*key);
    bytes.remove_prefix(1);
  }
  return keys;
}

}  // namespace linkpos::drivers::sim
