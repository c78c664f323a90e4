#include "tools/wixsim/model/checkout_pricing.hpp"

namespace linkpos::tools::wixsim {
namespace {

constexpr std::int64_t kWhole = 100'000;  // 100 % in thousandths of a percent

// amount × percent / 100 %, rounded half up. Split so no product passes 64 bits (no 128-bit
// integers: wixsim runs on 32-bit boards too): amount = q·kWhole + r, and only r·percent, below
// 1e10, carries a fraction to round.
std::int64_t share(std::int64_t thousandths, std::int64_t percent) {
  const std::int64_t whole_part = thousandths / kWhole;
  const std::int64_t rest = thousandths % kWhole;
  return whole_part * percent + (rest * percent + kWhole / 2) / kWhole;
}

}  // namespace

std::optional<Percent> parse_percent(std::string_view text) {
  const auto value = parse_decimal_amount(text);
  if (!value || value->thousandths > kWhole)
    return std::nullopt;
  return Percent{value->thousandths};
}

DecimalAmount amount_due(const DecimalAmount& total, Percent discount) {
  return {share(total.thousandths, kWhole - discount.thousandths)};
}

PaymentParts split_payment(const DecimalAmount& amount, Percent gift_card) {
  const std::int64_t gift = share(amount.thousandths, gift_card.thousandths);
  return {{gift}, {amount.thousandths - gift}};
}

}  // namespace linkpos::tools::wixsim
