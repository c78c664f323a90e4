#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string_view>

namespace linkpos::hal {

enum class Key {
  k0,
  k1,
  k2,
  k3,
  k4,
  k5,
  k6,
  k7,
  k8,
  k9,
  k00,
  kBackspace,
  kClear,
  kCharge,
  kCancel,
  kMenu,
  kF1,
  kF2,
  kF3,
  kF4,
};

// The names keys have in scripts, configs and the README ("0".."9", "00", "CHARGE", ...).
inline constexpr std::array<std::string_view, 20> kKeyNames = {
    "0",  "1",         "2",     "3",      "4",      "5",    "6",  "7",  "8",  "9",
    "00", "BACKSPACE", "CLEAR", "CHARGE", "CANCEL", "MENU", "F1", "F2", "F3", "F4",
};

constexpr std::string_view key_name(Key key) {
  return kKeyNames[static_cast<std::size_t>(key)];
}

constexpr std::optional<Key> key_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kKeyNames.size(); ++i) {
    if (kKeyNames[i] == name)
      return static_cast<Key>(i);
  }
  return std::nullopt;
}

// The digit a key stands for, if it is one of 0..9.
constexpr std::optional<int> key_digit(Key key) {
  if (key >= Key::k0 && key <= Key::k9)
    return static_cast<int>(key) - static_cast<int>(Key::k0);
  return std::nullopt;
}

// The function key's number (1 for F1 ... 4 for F4), or 0 for any other key.
constexpr int key_function(Key key) {
  if (key >= Key::kF1 && key <= Key::kF4)
    return static_cast<int>(key) - static_cast<int>(Key::kF1) + 1;
  return 0;
}

using KeyHandler = std::function<void(Key)>;

// The terminal's keys. Implementations deliver each press once, in order, on the event loop
// (never from inside start()), and ignore auto-repeat.
class Keypad {
 public:
  virtual ~Keypad() = default;

  virtual void start(KeyHandler on_key) = 0;
};

}  // namespace linkpos::hal
