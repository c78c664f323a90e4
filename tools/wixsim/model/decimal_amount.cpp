#include "tools/wixsim/model/decimal_amount.hpp"

#include <algorithm>

namespace linkpos::tools::wixsim {
namespace {

constexpr std::int64_t kPowersOfTen[] = {1, 10, 100, 1000};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<DecimalAmount> parse_decimal_amount(std::string_view text) {
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty() || !std::all_of(whole.begin(), whole.end(), is_digit))
    return std::nullopt;
  if (point != std::string_view::npos &&
      (fraction.empty() || fraction.size() > kMaxAmountScale ||
       !std::all_of(fraction.begin(), fraction.end(), is_digit))) {
    return std::nullopt;
  }
  const auto significant = whole.find_first_not_of('0');
  // More than 16 integer digits is past 1e15 whatever they are.
  if (significant != std::string_view::npos && whole.size() - significant > 16)
    return std::nullopt;

  std::int64_t value = 0;
  for (const char c : whole)
    value = value * 10 + (c - '0');
  if (value > kMaxAmountThousandths / 1000)
    return std::nullopt;
  value *= 1000;
  std::int64_t fraction_value = 0;
  for (const char c : fraction)
    fraction_value = fraction_value * 10 + (c - '0');
  value += fraction_value * kPowersOfTen[kMaxAmountScale - fraction.size()];
  if (value > kMaxAmountThousandths)
    return std::nullopt;
  return DecimalAmount{value};
}

std::string format_decimal_amount(const DecimalAmount& amount, int scale) {
  scale = std::clamp(scale, 0, kMaxAmountScale);
  const std::string thousandths = std::to_string(1000 + amount.thousandths % 1000).substr(1);
  // Trailing zeros beyond the asked scale go; significant digits never do.
  int needed = kMaxAmountScale;
  while (needed > scale && thousandths[static_cast<std::size_t>(needed - 1)] == '0')
    --needed;
  std::string text = std::to_string(amount.thousandths / 1000);
  if (needed > 0)
    text += "." + thousandths.substr(0, static_cast<std::size_t>(needed));
  return text;
}

std::optional<DecimalAmount> multiply(const DecimalAmount& amount, std::int64_t quantity) {
  if (quantity < 0)
    return std::nullopt;
  std::int64_t product = 0;
  if (__builtin_mul_overflow(amount.thousandths, quantity, &product) ||
      product > kMaxAmountThousandths) {
    return std::nullopt;
  }
  return DecimalAmount{product};
}

std::optional<DecimalAmount> add(const DecimalAmount& a, const DecimalAmount& b) {
  const std::int64_t sum = a.thousandths + b.thousandths;  // both are at most 1e18: no overflow
  if (sum > kMaxAmountThousandths)
    return std::nullopt;
  return DecimalAmount{sum};
}

}  // namespace linkpos::tools::wixsim
