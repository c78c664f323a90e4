#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tools/wixsim/model/decimal_amount.hpp"

namespace linkpos::tools::wixsim {

// A percentage from 0 to 100 with up to three decimals ("5", "12.5"), held exactly in
// thousandths of a percent.
struct Percent {
  std::int64_t thousandths = 0;

  friend bool operator==(const Percent&, const Percent&) = default;
};

// Reads "0" … "100" with at most three decimals; nullopt for anything else.
std::optional<Percent> parse_percent(std::string_view text);

// How the site's checkout prices each payment (--discount, --gift-card).
struct CheckoutPricing {
  Percent discount;   // taken off the link's total at every checkout, as a coupon would
  Percent gift_card;  // the share of each checkout's amount a gift card pays
};

// The link's total less the discount, rounded half up to 3 decimals (Wix's max scale):
// 12.35 at 5 % is 11.7325, due 11.733.
DecimalAmount amount_due(const DecimalAmount& total, Percent discount);

// One checkout's amount in its parts: what the gift card pays (its share, rounded half up to 3
// decimals) and the rest, paid by card. The parts always add up to the amount.
struct PaymentParts {
  DecimalAmount gift_card;
  DecimalAmount regular;
};
PaymentParts split_payment(const DecimalAmount& amount, Percent gift_card);

}  // namespace linkpos::tools::wixsim
