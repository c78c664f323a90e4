#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/money.hpp"

namespace linkpos::app {

// One payment as the settlement counts it: its id and its exact amount (exact_amount.hpp).
struct CountedPayment {
  std::string id;
  std::int64_t thousandths = 0;
};

// Money to give back from one payment.
struct RefundShare {
  std::string payment_id;
  Money amount;
};

// How the payments a sale received stand against its total. A link is paid when the sum of its
// payments reaches the total (a checkout discount pays less, a gift card pays in parts, a
// customer who pays twice pays more); a difference below one minor unit is neither owed nor
// refunded.
struct Settlement {
  Money total;
  std::int64_t paid_thousandths = 0;
  Money shortfall;  // whole minor units still owed; zero when paid
  Money excess;     // whole minor units paid too much; zero when not overpaid
  // Where the excess comes back from: the payment that went past the total gives back what went
  // past it, every later payment all of itself. Oldest first.
  std::vector<RefundShare> refunds;

  bool paid() const { return shortfall.minor == 0; }
  bool nothing_paid() const { return paid_thousandths == 0; }
};

// `payments` oldest first, all in the total's currency.
Settlement settle(const Money& total, const std::vector<CountedPayment>& payments);

}  // namespace linkpos::app
