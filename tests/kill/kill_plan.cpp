#include "kill/kill_plan.hpp"

#include <array>
#include <utility>

#include "kill/kill_seed.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// One stream of draws per kind of choice, so adding a sale does not move the kills.
enum Purpose : std::uint64_t { kKill = 1, kSale = 2, kQr = 3, kPaid = 4, kUnderpaid = 5 };

// The screens a kill may wait for, weighted: every stage of a sale and the boot itself (the
// first idle screen comes while the terminal resumes what the last boot left).
constexpr std::array<std::pair<const char*, int>, 7> kScreens = {{
    {"creating", 14},
    {"qr", 20},
    {"paid", 20},
    {"printing", 16},
    {"cancelling", 10},
    {"idle", 14},
    {"amount", 6},
}};

// With discounts every sale is underpaid first: the cashier's choice there is cut into as well.
constexpr std::array<std::pair<const char*, int>, 7> kDiscountedScreens = {{
    {"creating", 14},
    {"qr", 20},
    {"underpaid", 20},
    {"paid", 16},
    {"printing", 10},
    {"cancelling", 6},
    {"idle", 14},
}};

}  // namespace

std::string KillPlan::describe() const {
  const std::string after = std::to_string(delay.count()) + " ms after ";
  if (trigger == Trigger::kAfterStart)
    return after + "the start";
  return after + "\"" + screen + "\" appeared (its appearance #" + std::to_string(occurrence) + ")";
}

KillPlan plan_kill(std::uint64_t seed, int kill_number, bool discounted) {
  SeededRandom random(seed, kKill, static_cast<std::uint64_t>(kill_number));
  KillPlan plan;
  if (random.chance(35)) {
    plan.trigger = KillPlan::Trigger::kAfterStart;
    plan.delay = std::chrono::milliseconds(random.between(10, 2500));
    return plan;
  }
  plan.trigger = KillPlan::Trigger::kOnScreen;
  const auto screens = discounted ? kDiscountedScreens : kScreens;
  int total = 0;
  for (const auto& [name, weight] : screens)
    total += weight;
  auto pick = random.between(0, total - 1);
  for (const auto& [name, weight] : screens) {
    if (pick < weight) {
      plan.screen = name;
      break;
    }
    pick -= weight;
  }
  plan.occurrence = static_cast<int>(random.between(1, 2));
  // Right on the frame, or a little later: a QR code stays up for the auto-pay delay, the other
  // screens for a few milliseconds of ledger commits and requests.
  if (!random.chance(40)) {
    plan.delay = std::chrono::milliseconds(random.between(1, plan.screen == "qr" ? 700 : 60));
  }
  return plan;
}

SalePlan plan_sale(std::uint64_t seed, int sale_number) {
  SeededRandom random(seed, kSale, static_cast<std::uint64_t>(sale_number));
  SalePlan plan;
  plan.amount_minor = random.between(1, 99'999);
  plan.cancel_while_creating = random.chance(5);
  return plan;
}

QrPlan plan_qr(std::uint64_t seed, int qr_number, bool cancel_every_sale) {
  SeededRandom random(seed, kQr, static_cast<std::uint64_t>(qr_number));
  QrPlan plan;
  plan.cancel = random.chance(25) || cancel_every_sale;
  // Up to past the auto-pay delay, so some cancels race the payment.
  plan.after = std::chrono::milliseconds(random.between(0, 800));
  return plan;
}

bool acknowledge_paid_at_once(std::uint64_t seed, int paid_number) {
  return SeededRandom(seed, kPaid, static_cast<std::uint64_t>(paid_number)).chance(60);
}

bool charge_the_rest(std::uint64_t seed, int underpaid_number) {
  return SeededRandom(seed, kUnderpaid, static_cast<std::uint64_t>(underpaid_number)).chance(50);
}

}  // namespace linkpos::testing
