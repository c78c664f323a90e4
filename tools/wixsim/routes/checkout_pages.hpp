#pragma once

#include <string>
#include <string_view>

#include "tools/wixsim/model/checkout_pricing.hpp"
#include "tools/wixsim/model/payment_link.hpp"
#include "tools/wixsim/model/site_state.hpp"

namespace linkpos::tools::wixsim {

// The customer's side of a payment link, as small self-contained HTML pages (no scripts, no
// external resources), readable on a phone.

// What the checkout offers besides the link's terms: what is due (the total less any discount)
// and the scale amounts are written with.
struct CheckoutOffer {
  DecimalAmount due;
  Percent discount;
  int scale = 2;
};

// The checkout: title, total and currency, line items, the discount if any, and — when the link
// takes a payment — a form posting to `pay_path` (/pay/<id>/pay, or an initiated checkout's
// /checkout/<id>/pay) with the amount to pay (prefilled with what is due; none when nothing is)
// and a Pay button; otherwise the link's status.
std::string checkout_page(const PaymentLink& link, LinkStatus status, bool takes_payment,
                          const CheckoutOffer& offer, std::string_view pay_path);

// The page after a completed checkout: what was paid, and in which parts.
std::string paid_page(const PaymentLink& link, const CompletedCheckout& checkout, int scale);

// A refused payment or an unknown link: a heading and the reason.
std::string refused_page(std::string_view heading, std::string_view reason);

// `text` with &, <, >, " and ' written as entities.
std::string html_escape(std::string_view text);

}  // namespace linkpos::tools::wixsim
