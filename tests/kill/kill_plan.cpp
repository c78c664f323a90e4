#include "kill/kill_plan.hpp"

#include <array>
#include <span>
#include <stdexcept>
#include <utility>

#include "kill/kill_seed.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// One stream of draws per kind of choice, so adding a sale does not move the kills.
enum Purpose : std::uint64_t { kKill = 1, kSale = 2, kQr = 3, kPaid = 4, kUnderpaid = 5 };

// The screens a kill may wait for, weighted: every stage of a sale and the boot itself (the
// first idle screen comes while the terminal resumes what the last boot left).
constexpr std::array<std::pair<const char*, int>, 9> kScreens = {{
    {"tip", 8},
    {"creating", 14},
    {"qr", 20},
    {"paid", 20},
    {"printing", 16},
    {"cancelling", 10},
    {"idle", 14},
    {"amount", 3},
    {"cart", 3},
}};

// With discounts every sale is underpaid first: the cashier's choice there is cut into as well.
constexpr std::array<std::pair<const char*, int>, 8> kDiscountedScreens = {{
    {"tip", 8},
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
  const std::span<const std::pair<const char*, int>> screens =
      discounted ? std::span<const std::pair<const char*, int>>(kDiscountedScreens)
                 : std::span<const std::pair<const char*, int>>(kScreens);
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
  // Right on the frame, or a little later: a QR code stays up for the auto-pay delay, the tip
  // screen while the customer reads it, the other screens for a few milliseconds of ledger
  // commits and requests.
  if (!random.chance(40)) {
    const int longest = plan.screen == "qr" ? 700 : plan.screen == "tip" ? 150 : 60;
    plan.delay = std::chrono::milliseconds(random.between(1, longest));
  }
  return plan;
}

SalePlan plan_sale(std::uint64_t seed, int sale_number) {
  SeededRandom random(seed, kSale, static_cast<std::uint64_t>(sale_number));
  SalePlan plan;
  // Keyed amounts, carts, and carts with an amount keyed after them, about 4:4:2.
  const auto kind = random.between(0, 9);
  if (kind < 4) {
    plan.keyed_minor = random.between(1, 99'999);
  } else {
    std::vector<int> keys;
    for (const auto& item : kQuickKeys)
      keys.push_back(item.key);
    const auto count = random.between(1, 3);
    for (int i = 0; i < count; ++i) {
      const auto at =
          static_cast<std::size_t>(random.between(0, static_cast<int>(keys.size()) - 1));
      SalePlan::Item item;
      item.key = keys[at];
      keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(at));
      item.quantity = static_cast<int>(random.between(1, 3));
      item.quantity_keyed = item.quantity > 1 || random.chance(30);
      plan.items.push_back(item);
    }
    // Well under terminal.max_amount with the cart.
    if (kind >= 8)
      plan.keyed_minor = random.between(1, 9'999);
  }
  plan.tip_choice = static_cast<std::size_t>(random.between(0, kTipPercents.size() - 1));
  plan.tip_after = std::chrono::milliseconds(random.between(0, 150));
  plan.cancel_at_tip = random.chance(4);
  plan.cancel_while_creating = !plan.cancel_at_tip && random.chance(5);
  return plan;
}

namespace {

const QuickKeyItem& quick_key(int key) {
  for (const auto& item : kQuickKeys) {
    if (item.key == key)
      return item;
  }
  throw std::logic_error("no quick key F" + std::to_string(key));
}

}  // namespace

std::string SalePlan::keys() const {
  // F1 to F4 as xterm sends them; the terminal reads 64 bytes at a time, far more than a sale.
  static constexpr std::array<const char*, 4> kFunctionKeys = {"\x1bOP", "\x1bOQ", "\x1bOR",
                                                               "\x1bOS"};
  std::string bytes;
  for (const auto& item : items) {
    if (item.quantity_keyed)
      bytes += std::to_string(item.quantity);
    bytes += kFunctionKeys.at(static_cast<std::size_t>(item.key - 1));
  }
  if (keyed_minor > 0)
    bytes += std::to_string(keyed_minor);
  return bytes + "\r";
}

std::string SalePlan::tip_keys() const {
  if (cancel_at_tip)
    return "x";
  return std::to_string(tip_choice + 1) + (cancel_while_creating ? "x" : "");
}

std::vector<PlannedLine> SalePlan::lines() const {
  std::vector<PlannedLine> out;
  for (const auto& item : items) {
    const QuickKeyItem& sold = quick_key(item.key);
    out.push_back(PlannedLine{sold.name, item.quantity, sold.price_minor});
  }
  if (keyed_minor > 0)
    out.push_back(PlannedLine{kKeyedLineName, 1, keyed_minor});
  return out;
}

std::int64_t SalePlan::sold_minor() const {
  std::int64_t sold = 0;
  for (const auto& line : lines())
    sold += line.unit_price_minor * line.quantity;
  return sold;
}

std::int64_t SalePlan::tip_minor() const {
  if (cancel_at_tip)
    return 0;
  return (sold_minor() * kTipPercents.at(tip_choice) + 50) / 100;
}

std::string SalePlan::describe() const {
  std::string text;
  for (const auto& line : lines()) {
    text += (text.empty() ? "" : " + ") + std::to_string(line.quantity) + " x " + line.name + " " +
            std::to_string(line.unit_price_minor);
  }
  text += cancel_at_tip ? ", CANCEL at the tip"
                        : ", tip " + std::to_string(kTipPercents.at(tip_choice)) +
                              "% = " + std::to_string(tip_minor());
  if (cancel_while_creating)
    text += ", CANCEL while creating";
  return text;
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
