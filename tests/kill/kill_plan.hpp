#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace linkpos::testing {

// When one boot of the terminal gets its power cut (SIGKILL).
struct KillPlan {
  enum class Trigger {
    kAfterStart,  // `delay` after the process started
    kOnScreen,    // `delay` after the `occurrence`-th appearance of `screen` in this boot
  };
  Trigger trigger = Trigger::kAfterStart;
  std::chrono::milliseconds delay{0};
  std::string screen;
  int occurrence = 1;

  std::string describe() const;
};

// The plan of the `kill_number`-th kill (1, 2, ...): the same for the same seed, whatever
// happened before it.
// `discounted`: checkouts pay less than asked, so the underpaid screen is among those a kill may
// wait for.
KillPlan plan_kill(std::uint64_t seed, int kill_number, bool discounted = false);

// What the cashier keys for the `sale_number`-th sale.
struct SalePlan {
  std::int64_t amount_minor = 0;       // 0.01 to 999.99
  bool cancel_while_creating = false;  // CANCEL right behind CHARGE
};
SalePlan plan_sale(std::uint64_t seed, int sale_number);

// What the cashier does while the `qr_number`-th QR code of the run is up: perhaps CANCEL, after
// a delay that may race the customer's payment. `cancel_every_sale` when the kill waits for the
// cancelling screen.
struct QrPlan {
  bool cancel = false;
  std::chrono::milliseconds after{0};
};
QrPlan plan_qr(std::uint64_t seed, int qr_number, bool cancel_every_sale);

// Whether the cashier acknowledges the `paid_number`-th PAID screen at once (the terminal then
// shows "printing") or only once the receipt is out.
bool acknowledge_paid_at_once(std::uint64_t seed, int paid_number);

// Whether the cashier sells the rest (CHARGE) at the `underpaid_number`-th underpaid screen, or
// accepts what was paid (CANCEL).
bool charge_the_rest(std::uint64_t seed, int underpaid_number);

}  // namespace linkpos::testing
