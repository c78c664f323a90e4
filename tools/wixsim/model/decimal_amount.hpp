#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

// A money amount as Wix carries it (a decimal string, "12.50"), held exactly in thousandths since
// Wix allows at most three decimals. How it was written is not kept: wixsim writes amounts in its
// own canonical form (format_decimal_amount), as a server that stores numbers would.
struct DecimalAmount {
  std::int64_t thousandths = 0;

  friend bool operator==(const DecimalAmount&, const DecimalAmount&) = default;
};

// Wix's DECIMAL_VALUE range for amounts: 0 … 1e15.
constexpr std::int64_t kMaxAmountThousandths = 1'000'000'000'000'000'000;
// Wix's DECIMAL_VALUE maxScale.
constexpr int kMaxAmountScale = 3;

// Reads a non-negative decimal string with at most three decimals ("50", "12.5", "0.125");
// nullopt for anything else ("-1", "1e3", "1.2345", "", ".5", "1,5") or above the maximum.
std::optional<DecimalAmount> parse_decimal_amount(std::string_view text);

// The amount with exactly `scale` decimals (0…3) when that holds it exactly, else with the fewest
// decimals that do: 12.5 is "12.50" at scale 2, "12.5" at scale 0 and "12.500" at scale 3;
// 11.733 is "11.733" at any scale.
std::string format_decimal_amount(const DecimalAmount& amount, int scale);

// `quantity` times `amount`, or nullopt past the maximum.
std::optional<DecimalAmount> multiply(const DecimalAmount& amount, std::int64_t quantity);

// The sum; nullopt past the maximum.
std::optional<DecimalAmount> add(const DecimalAmount& a, const DecimalAmount& b);

}  // namespace linkpos::tools::wixsim
