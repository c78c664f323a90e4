#include "app/exact_amount.hpp"

namespace linkpos::app {

std::optional<std::int64_t> parse_wix_amount(std::string_view text) {
  return parse_decimal(text, 3);
}

std::int64_t thousandths_per_minor(const Currency& currency) {
  std::int64_t factor = 1;
  for (int i = currency.exponent; i < 3; ++i)
    factor *= 10;
  return factor;
}

std::int64_t to_thousandths(const Money& money) {
  return money.minor * thousandths_per_minor(money.currency);
}

Money whole_minor_units(std::int64_t thousandths, const Currency& currency) {
  return Money{thousandths / thousandths_per_minor(currency), currency};
}

std::string format_exact(std::int64_t thousandths, const Currency& currency) {
  if (thousandths % thousandths_per_minor(currency) == 0)
    return format_money(whole_minor_units(thousandths, currency));
  // As many decimals as the last non-zero digit needs. The zeros go from the number, not from the
  // formatted text, which may end in a symbol or a code ("12,50 €").
  Currency fine = currency;
  fine.exponent = 3;
  std::int64_t amount = thousandths;
  while (fine.exponent > currency.exponent && amount % 10 == 0) {
    amount /= 10;
    --fine.exponent;
  }
  return format_money(Money{amount, fine});
}

}  // namespace linkpos::app
