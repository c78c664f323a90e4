#include "app/currency.hpp"

#include <array>

namespace linkpos::app {
namespace {

struct CurrencyRow {
  std::string_view code;
  int exponent;
  std::string_view symbol;
};

// Minor-unit exponents from ISO 4217. Symbols only where they are unambiguous and printable in
// the Latin code pages receipt printers have; elsewhere the code is shown.
constexpr std::array kCurrencies = {
    CurrencyRow{"AED", 2, ""},  CurrencyRow{"ARS", 2, ""}, CurrencyRow{"AUD", 2, ""},
    CurrencyRow{"BGN", 2, ""},  CurrencyRow{"BHD", 3, ""}, CurrencyRow{"BRL", 2, ""},
    CurrencyRow{"CAD", 2, ""},  CurrencyRow{"CHF", 2, ""}, CurrencyRow{"CLP", 0, ""},
    CurrencyRow{"CNY", 2, ""},  CurrencyRow{"COP", 2, ""}, CurrencyRow{"CZK", 2, ""},
    CurrencyRow{"DKK", 2, ""},  CurrencyRow{"EGP", 2, ""}, CurrencyRow{"EUR", 2, "€"},
    CurrencyRow{"GBP", 2, "£"}, CurrencyRow{"HKD", 2, ""}, CurrencyRow{"HUF", 2, ""},
    CurrencyRow{"IDR", 2, ""},  CurrencyRow{"ILS", 2, ""}, CurrencyRow{"INR", 2, ""},
    CurrencyRow{"IQD", 3, ""},  CurrencyRow{"ISK", 0, ""}, CurrencyRow{"JOD", 3, ""},
    CurrencyRow{"JPY", 0, "¥"}, CurrencyRow{"KRW", 0, ""}, CurrencyRow{"KWD", 3, ""},
    CurrencyRow{"LYD", 3, ""},  CurrencyRow{"MXN", 2, ""}, CurrencyRow{"MYR", 2, ""},
    CurrencyRow{"NOK", 2, ""},  CurrencyRow{"NZD", 2, ""}, CurrencyRow{"OMR", 3, ""},
    CurrencyRow{"PHP", 2, ""},  CurrencyRow{"PLN", 2, ""}, CurrencyRow{"RON", 2, ""},
    CurrencyRow{"SAR", 2, ""},  CurrencyRow{"SEK", 2, ""}, CurrencyRow{"SGD", 2, ""},
    CurrencyRow{"THB", 2, ""},  CurrencyRow{"TND", 3, ""}, CurrencyRow{"TRY", 2, ""},
    CurrencyRow{"TWD", 2, ""},  CurrencyRow{"UAH", 2, ""}, CurrencyRow{"UGX", 0, ""},
    CurrencyRow{"USD", 2, "$"}, CurrencyRow{"VND", 0, ""}, CurrencyRow{"XAF", 0, ""},
    CurrencyRow{"XOF", 0, ""},  CurrencyRow{"ZAR", 2, ""},
};

}  // namespace

std::optional<Currency> currency_by_code(std::string_view code) {
  for (const auto& row : kCurrencies) {
    if (row.code == code) {
      return Currency{std::string(row.code), row.exponent, std::string(row.symbol)};
    }
  }
  return std::nullopt;
}

}  // namespace linkpos::app
