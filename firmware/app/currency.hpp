#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace linkpos::app {

// An ISO 4217 currency: its code and how many decimal places its minor unit has.
struct Currency {
  std::string code;    // "EUR"
  int exponent = 2;    // JPY 0, EUR 2, KWD 3
  std::string symbol;  // "€"; empty where the code itself is shown

  friend bool operator==(const Currency&, const Currency&) = default;
};

// The currencies linkpos knows; nullopt for any other code.
std::optional<Currency> currency_by_code(std::string_view code);

}  // namespace linkpos::app
