#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

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

// The kill run's catalogue, one item per quick key (F1 to F4), as config/wixsim.json ships it;
// the test writes it into the terminal's config, so what the cashier expects is what it sells.
struct QuickKeyItem {
  int key;  // 1 to 4: F1 to F4
  const char* name;
  std::int64_t price_minor;
  const char* price;     // as the config writes it
  const char* vat_rate;  // percent, as the config writes it
};
inline constexpr const char* kKillCurrency = "EUR";
inline constexpr std::array<QuickKeyItem, 4> kQuickKeys = {{
    {1, "Espresso", 250, "2.50", "10"},
    {2, "Croissant", 180, "1.80", "5.5"},
    {3, "Orange juice", 390, "3.90", "10"},
    {4, "Water", 150, "1.50", "5.5"},
}};
// terminal.tips of the kill run: the customer's digit 1 is the first (no tip), 2 the second...
inline constexpr std::array<int, 3> kTipPercents = {0, 10, 15};
// The name the terminal gives a keyed amount's line (strings_en.cpp's sale_line_name).
inline constexpr const char* kKeyedLineName = "Sale";

// One line of what a sale sells, as the terminal's cart makes it and the ledger keeps it.
struct PlannedLine {
  std::string name;
  int quantity = 1;
  std::int64_t unit_price_minor = 0;

  friend bool operator==(const PlannedLine&, const PlannedLine&) = default;
};

// What the cashier rings up for the `sale_number`-th sale, and what its customer does on the tip
// screen: a keyed amount, a cart from quick keys (a quantity keyed before some), or a cart with a
// keyed amount after it.
struct SalePlan {
  struct Item {
    int key = 1;                  // F1 to F4
    int quantity = 1;             // 1 to 3
    bool quantity_keyed = false;  // digits before the quick key (always when more than 1)
  };
  std::vector<Item> items;                 // distinct keys, so no two lines merge
  std::int64_t keyed_minor = 0;            // 0: none; a keyed-only sale 0.01 to 999.99
  std::size_t tip_choice = 0;              // index into kTipPercents
  std::chrono::milliseconds tip_after{0};  // the customer reading the tip screen
  bool cancel_at_tip = false;              // CANCEL instead of a tip: no link
  bool cancel_while_creating = false;      // CANCEL right behind the tip

  // The bytes the cashier types at the idle screen, CHARGE included.
  std::string keys() const;
  // The bytes the customer types on the tip screen (digit, CANCEL behind it, or CANCEL alone).
  std::string tip_keys() const;
  std::vector<PlannedLine> lines() const;
  std::int64_t sold_minor() const;
  // The tip chosen (0 when the customer cancels at the tip screen), rounded half up on what
  // was sold, as the terminal offers it.
  std::int64_t tip_minor() const;
  std::int64_t total_minor() const { return sold_minor() + tip_minor(); }
  std::string describe() const;
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
