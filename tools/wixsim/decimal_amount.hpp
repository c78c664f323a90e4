#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

// A money amount as Wix writes it (a decimal string, "12.50"), held exactly in thousandths since
// Wix allows at most three decimals. `scale` keeps how many decimals the client wrote, so amounts
// computed from it read the way the client wrote its prices.
struct DecimalAmount {
  std::int64_t thousandths = 0;
  int scale = 0;

  friend bool operator==(const DecimalAmount&, const DecimalAmount&) = default;
};

// Wix's DECIMAL_VALUE range for amounts: 0 … 1e15.
constexpr std::int64_t kMaxAmountThousandths = 1'000'000'000'000'000'000;

// Reads a non-negative decimal string with at most three decimals ("50", "12.5", "0.125");
// nullopt for anything else ("-1", "1e3", "1.2345", "", ".5", "1,5") or above the maximum.
std::optional<DecimalAmount> parse_decimal_amount(std::string_view text);

// The amount with `scale` decimals ("12.50" for 12500 thousandths at scale 2).
std::string format_decimal_amount(const DecimalAmount& amount);

// `quantity` times `amount`, or nullopt past the maximum.
std::optional<DecimalAmount> multiply(const DecimalAmount& amount, std::int64_t quantity);

// The sum, with the larger scale; nullopt past the maximum.
std::optional<DecimalAmount> add(const DecimalAmount& a, const DecimalAmount& b);

}  // namespace linkpos::tools::wixsim
