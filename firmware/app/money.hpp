#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/currency.hpp"

namespace linkpos::app {

// An amount in integer minor units of its currency (cents for EUR, yen for JPY, fils for KWD).
// Decimal strings exist only where money crosses into JSON or onto paper.
struct Money {
  std::int64_t minor = 0;
  Currency currency;

  friend bool operator==(const Money&, const Money&) = default;
};

// "12.50", "1250", "1.250": the plain decimal form the Wix API takes.
std::string to_decimal(const Money& money);

// "€12.50", "USD 12.50", "¥1250": how the cashier and the customer read it, in the money style
// of the active string table (active_strings(): "12,50 €" in French).
std::string format_money(const Money& money);

// Parses a plain decimal ("12.5", "12.50", "1250") into minor units of a currency with
// `exponent` decimals. Refuses signs, exponents, grouping, more decimals than the currency has,
// and amounts that do not fit.
std::optional<std::int64_t> parse_decimal(std::string_view text, int exponent);

// The VAT inside a gross (tax-inclusive, not negative) amount at `rate_basis_points` (2000 =
// 20 %), split so net + tax == gross exactly; the tax is rounded half up to the minor unit.
struct VatSplit {
  std::int64_t net = 0;
  std::int64_t tax = 0;
  std::int64_t gross = 0;
};
VatSplit split_vat(std::int64_t gross, std::int32_t rate_basis_points);

}  // namespace linkpos::app
