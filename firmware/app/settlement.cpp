#include "app/settlement.hpp"

#include <algorithm>

#include "app/exact_amount.hpp"

namespace linkpos::app {

Settlement settle(const Money& total, const std::vector<CountedPayment>& payments) {
  const Currency& currency = total.currency;
  const std::int64_t total_thousandths = to_thousandths(total);
  Settlement settlement{total, 0, Money{0, currency}, Money{0, currency}, {}};
  for (const CountedPayment& payment : payments) {
    const std::int64_t before = settlement.paid_thousandths;
    settlement.paid_thousandths += payment.thousandths;
    // What of this payment lies beyond the total.
    const std::int64_t beyond = std::min(
        payment.thousandths, settlement.paid_thousandths - std::max(before, total_thousandths));
    if (beyond > 0) {
      const Money back = whole_minor_units(beyond, currency);
      if (back.minor > 0)
        settlement.refunds.push_back(RefundShare{payment.id, back});
    }
  }
  if (settlement.paid_thousandths < total_thousandths) {
    settlement.shortfall =
        whole_minor_units(total_thousandths - settlement.paid_thousandths, currency);
    settlement.refunds.clear();
  } else {
    settlement.excess =
        whole_minor_units(settlement.paid_thousandths - total_thousandths, currency);
    if (settlement.excess.minor == 0)
      settlement.refunds.clear();  // under one minor unit in all: nothing to give back
  }
  return settlement;
}

}  // namespace linkpos::app
