#include "app/money.hpp"

#include <cstdlib>
#include <limits>

#include "app/strings.hpp"

namespace linkpos::app {
namespace {

std::int64_t power_of_ten(int exponent) {
  std::int64_t p = 1;
  for (int i = 0; i < exponent; ++i)
    p *= 10;
  return p;
}

}  // namespace

std::string to_decimal(const Money& money) {
  const std::int64_t scale = power_of_ten(money.currency.exponent);
  // Work on the magnitude as unsigned so INT64_MIN cannot overflow.
  const bool negative = money.minor < 0;
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(money.minor)
                                  : static_cast<std::uint64_t>(money.minor);
  std::string text = (negative ? "-" : "") + std::to_string(magnitude / scale);
  if (money.currency.exponent > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    text += '.';
    text.append(static_cast<std::size_t>(money.currency.exponent) - fraction.size(), '0');
    text += fraction;
  }
  return text;
}

std::string format_money(const Money& money) {
  const Strings& style = active_strings();
  // The digits of to_decimal(), in this language's decimal point and grouping.
  std::string decimal = to_decimal(money);
  const bool negative = decimal.front() == '-';
  if (negative)
    decimal.erase(0, 1);
  const auto point = decimal.find('.');
  const std::string whole = decimal.substr(0, point);
  std::string digits;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      digits += style.money_group_separator;
    digits += whole[i];
  }
  if (point != std::string::npos) {
    digits += style.money_decimal_point;
    digits += decimal.substr(point + 1);
  }
  // English has always written "-€12.50" but "USD -12.50": the sign leads a symbol, not a code.
  if (!money.currency.symbol.empty()) {
    return (negative ? "-" : "") +
           fill(style.money_with_symbol, {{"symbol", money.currency.symbol}, {"amount", digits}});
  }
  return fill(style.money_with_code,
              {{"code", money.currency.code}, {"amount", (negative ? "-" : "") + digits}});
}

std::optional<std::int64_t> parse_decimal(std::string_view text, int exponent) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty()))
    return std::nullopt;
  if (fraction.size() > static_cast<std::size_t>(exponent))
    return std::nullopt;

  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  auto push_digit = [&](char c) {
    if (c < '0' || c > '9')
      return false;
    if (value > (kMax - (c - '0')) / 10)
      return false;
    value = value * 10 + (c - '0');
    return true;
  };
  for (char c : whole) {
    if (!push_digit(c))
      return std::nullopt;
  }
  for (char c : fraction) {
    if (!push_digit(c))
      return std::nullopt;
  }
  for (std::size_t i = fraction.size(); i < static_cast<std::size_t>(exponent); ++i) {
    if (!push_digit('0'))
      return std::nullopt;
  }
  return value;
}

VatSplit split_vat(std::int64_t gross, std::int32_t rate_basis_points) {
  // tax = gross * rate / (10000 + rate), rounded half up, without an intermediate product that
  // could overflow 64 bits (boards have no 128-bit integers): split gross by the denominator.
  const std::int64_t denominator = 10000 + static_cast<std::int64_t>(rate_basis_points);
  const std::int64_t whole = gross / denominator;
  const std::int64_t rest = gross % denominator;  // < 20000, so rest * rate stays small
  const std::int64_t tax =
      whole * rate_basis_points + (2 * rest * rate_basis_points + denominator) / (2 * denominator);
  return VatSplit{gross - tax, tax, gross};
}

}  // namespace linkpos::app
