#include "drivers/evdev/key_map.hpp"

#include <linux/input-event-codes.h>

#include <charconv>
#include <optional>
#include <string_view>

#include "drivers/evdev/key_code_names.hpp"

namespace linkpos::drivers::evdev {
namespace {

std::optional<std::uint16_t> key_code_from_number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  if (value > KEY_MAX)
    return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

std::string key_names_listed() {
  std::string listed;
  for (const std::string_view name : hal::kKeyNames) {
    if (!listed.empty())
      listed += ' ';
    listed += name;
  }
  return listed;
}

}  // namespace

KeyMap default_key_map() {
  KeyMap map;
  constexpr std::uint16_t kDigitRows[][10] = {
      {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9},
      {KEY_KP0, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9},
      {KEY_NUMERIC_0, KEY_NUMERIC_1, KEY_NUMERIC_2, KEY_NUMERIC_3, KEY_NUMERIC_4, KEY_NUMERIC_5,
       KEY_NUMERIC_6, KEY_NUMERIC_7, KEY_NUMERIC_8, KEY_NUMERIC_9},
  };
  for (const auto& row : kDigitRows) {
    for (int digit = 0; digit < 10; ++digit) {
      map[row[digit]] = static_cast<hal::Key>(static_cast<int>(hal::Key::k0) + digit);
    }
  }
  map[KEY_KPDOT] = hal::Key::k00;
  map[KEY_BACKSPACE] = hal::Key::kBackspace;
  map[KEY_DELETE] = hal::Key::kClear;
  map[KEY_CLEAR] = hal::Key::kClear;
  map[KEY_ENTER] = hal::Key::kCharge;
  map[KEY_KPENTER] = hal::Key::kCharge;
  map[KEY_OK] = hal::Key::kCharge;
  map[KEY_ESC] = hal::Key::kCancel;
  map[KEY_CANCEL] = hal::Key::kCancel;
  map[KEY_MENU] = hal::Key::kMenu;
  map[KEY_TAB] = hal::Key::kMenu;
  map[KEY_F1] = hal::Key::kF1;
  map[KEY_F2] = hal::Key::kF2;
  map[KEY_F3] = hal::Key::kF3;
  map[KEY_F4] = hal::Key::kF4;
  return map;
}

std::variant<KeyMap, std::string> parse_key_map(const std::map<std::string, std::string>& entries) {
  if (entries.empty())
    return std::string("the key map is empty: no key would do anything");
  KeyMap map;
  for (const auto& [code_text, key_text] : entries) {
    std::optional<std::uint16_t> code = key_code_from_name(code_text);
    if (!code)
      code = key_code_from_number(code_text);
    if (!code) {
      return "\"" + code_text +
             "\" is not a key code linkpos knows by name; write its number instead (evtest "
             "shows it; at most " +
             std::to_string(KEY_MAX) + ")";
    }
    const std::optional<hal::Key> key = hal::key_from_name(key_text);
    if (!key) {
      return "\"" + key_text + "\" (for " + code_text + ") is not a terminal key; the keys are " +
             key_names_listed();
    }
    map[*code] = *key;
  }
  return map;
}

}  // namespace linkpos::drivers::evdev
