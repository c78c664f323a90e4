#pragma once

#include <string>
#include <string_view>

#include "tools/wixsim/link_payment.hpp"
#include "tools/wixsim/payment_link.hpp"

namespace linkpos::tools::wixsim {

// The customer's side of a payment link, as small self-contained HTML pages (no scripts, no
// external resources), readable on a phone.

// The checkout: title, amount and currency, line items, and — when the link takes a payment — a
// Pay button whose form posts to /pay/<id>/pay; otherwise the link's status.
std::string checkout_page(const PaymentLink& link, LinkStatus status, bool takes_payment);

// The page after a completed payment.
std::string paid_page(const PaymentLink& link, const LinkPayment& payment);

// A refused payment or an unknown link: a heading and the reason.
std::string refused_page(std::string_view heading, std::string_view reason);

// `text` with &, <, >, " and ' written as entities.
std::string html_escape(std::string_view text);

}  // namespace linkpos::tools::wixsim
