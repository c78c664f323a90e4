#pragma once

#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kill/kill_plan.hpp"
#include "kill/kill_wixsim.hpp"
#include "kill/money_invariants.hpp"
#include "kill/run_folder.hpp"

namespace linkpos::testing {

// What one boot of the terminal did, for the kill history.
struct BootReport {
  int boot = 0;
  std::string plan;       // the kill plan in words, or "final boot"
  bool killed = false;    // SIGKILL came as planned
  bool fallback = false;  // the planned screen never came: killed at the boot's deadline
  std::optional<int> exit_code;
  std::chrono::milliseconds lived{0};  // from the start to the kill (or the end)
  std::string last_screen;             // on the display when the kill came
  std::string last_sale;               // the last "Ref ..." a QR screen showed
  int frames = 0;
  // Ledger errors in the log, the "Terminal fault" screen, an exit of the terminal's own.
  std::vector<std::string> problems;

  std::string describe() const;
};

// Plays the cashier at a linkpos started with keys on stdin: rings up sales at the idle screen
// (keyed amounts, carts from quick keys, both), plays the customer choosing a tip (checking the
// tip screen and the QR code ask what was rung up), sometimes cancels while the QR code is up,
// acknowledges PAID and other notices (refunds wait on the refund list, which is the technician's,
// not the cashier's); and cuts the power as a kill plan says. Every choice comes from the seed. The
// terminal's stderr of every boot goes to <folder>/linkpos.log.
class Cashier {
 public:
  Cashier(std::uint64_t seed, std::string config_path, KillWixsim& wixsim, const RunFolder& folder);

  // Boots the terminal, sells, and kills it with SIGKILL as `plan` says (or after 8 s if the
  // planned screen never shows).
  BootReport run_until_killed(const KillPlan& plan);

  // Boots the terminal and presses no key but CANCEL on an underpaid or check-payment screen
  // (accepting what was paid); asks `settled` every quarter second, and once
  // that says yes stops it with SIGTERM. Gives up (with a problem in the report) after
  // `deadline`.
  BootReport run_until_settled(const std::function<bool()>& settled, std::chrono::seconds deadline);

  int sales_keyed() const { return sales_keyed_; }
  // Every sale the cashier rang up, in order, with the tip its customer chose and, when its QR
  // code came up in the boot that rang it up, its reference.
  const std::vector<KeyedSale>& keyed_sales() const { return keyed_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Boot;

  BootReport run(const std::optional<KillPlan>& plan, const std::function<bool()>& settled,
                 std::chrono::seconds deadline);
  // Each true when the boot is over.
  bool kill_if_due(Boot& boot, Clock::time_point now);
  bool stop_if_settled(Boot& boot, Clock::time_point now, const std::function<bool()>& settled,
                       std::chrono::seconds deadline, Clock::time_point& next_check);
  void send_due_keys(Boot& boot, Clock::time_point now);
  // Waits up to `wait` for a line of the terminal's stderr and acts on it; false when the
  // terminal ended by itself.
  bool read_line(Boot& boot, std::chrono::milliseconds wait, const std::optional<KillPlan>& plan);
  void on_frame(Boot& boot, const std::string& screen, const std::vector<std::string>& lines,
                const std::optional<KillPlan>& plan);
  // The tip screen shows what was rung up and the tip the customer is to choose; a problem if not.
  void check_tip_screen(Boot& boot, const std::vector<std::string>& lines);
  // The first QR code after a sale was rung up is that sale's: its reference is noted, and it
  // must ask the total with the tip.
  void name_sale(Boot& boot, const std::vector<std::string>& lines);
  void end_boot(Boot& boot, Clock::time_point ended, std::optional<int> exit_code);

  std::uint64_t seed_;
  std::string config_path_;
  KillWixsim& wixsim_;
  std::ofstream log_;
  int boots_ = 0;
  int sales_keyed_ = 0;
  int qr_shown_ = 0;
  int paid_shown_ = 0;
  int underpaid_shown_ = 0;
  std::vector<KeyedSale> keyed_;
};

}  // namespace linkpos::testing
