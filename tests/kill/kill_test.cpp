// The power-cut test: many sales against wixsim (keyed amounts, carts from quick keys, each with
// the customer's tip), the terminal killed with SIGKILL at moments
// drawn from a seed (right on a screen of the sale, or a random time after boot) and started
// again on the same ledger and receipt folder each time; wixsim never goes down. Then one last
// boot finishes what is left, and the money is checked: every payment is on one original
// receipt of its sale or on the ledger's refund list, no receipt claims more than its payments
// took, no link stays open, every link is one its sale knows, the ledger always opens, receipt
// numbers have no gaps, every sale asked and took what was rung up with its tip.
//
// LINKPOS_KILL_SEED=<n> repeats a run's kill schedule and the cashier's choices (the timing of
// real processes still varies, so where a kill lands can differ by a few milliseconds);
// LINKPOS_KILL_SEED=random draws a new one. LINKPOS_KILL_SALES and LINKPOS_KILL_KILLS set the
// size; LINKPOS_KILL_KEEP=1 keeps the run's folder even when it passes.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "kill/cashier.hpp"
#include "kill/kill_seed.hpp"
#include "kill/kill_wixsim.hpp"
#include "kill/money_invariants.hpp"
#include "kill/run_folder.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// Short enough that sales finish by themselves between kills, long enough that a cashier's
// CANCEL can race it.
constexpr const char* kAutoPaySeconds = "0.5";
constexpr auto kSettleDeadline = 60s;
constexpr int kFinalBoots = 3;

std::string history_text(const std::vector<BootReport>& history) {
  std::string text;
  for (const auto& boot : history)
    text += "  " + boot.describe() + "\n";
  return text;
}

// Where the kills landed, by the screen shown at the time: shows the run reached every stage.
std::string kills_by_screen(const std::vector<BootReport>& history) {
  std::map<std::string, int> count;
  for (const auto& boot : history) {
    if (boot.killed)
      ++count[boot.last_screen.empty() ? "(none yet)" : boot.last_screen];
  }
  std::string text;
  for (const auto& [screen, n] : count)
    text += " " + screen + "=" + std::to_string(n);
  return text;
}

struct PowerCuts {
  int kills = 0;
  int ledger_sales = 0;
  bool ledger_sound = true;
};

// Boots, sells and kills the terminal until it has been killed `kills` times and the ledger
// holds `sales` sales. After every kill, before the next boot, the ledger must open.
PowerCuts cut_power_repeatedly(Cashier& cashier, std::uint64_t seed, const RunFolder& folder,
                               int kills, int sales, bool discounted,
                               std::vector<BootReport>& history) {
  PowerCuts done;
  const int most_boots = 2 * kills + 20;
  while ((done.kills < kills || done.ledger_sales < sales) &&
         static_cast<int>(history.size()) < most_boots) {
    BootReport boot = cashier.run_until_killed(plan_kill(seed, done.kills + 1, discounted));
    if (boot.killed)
      ++done.kills;
    if (auto unsound = ledger_unsound(folder.file("ledger.sqlite"), folder.path() / "ledger-check",
                                      done.ledger_sales)) {
      boot.problems.push_back("ledger after the kill: " + *unsound);
      done.ledger_sound = false;
    }
    history.push_back(std::move(boot));
    if (!done.ledger_sound)
      break;  // nothing after this would mean anything
  }
  return done;
}

// Boots the terminal without keys until no link is ACTIVE at wixsim and the ledger (polled
// read-only) has nothing left to do, then stops it; again if the stopped ledger disagrees.
// What is left in the end, if anything.
std::optional<std::string> finish_without_keys(Cashier& cashier, KillWixsim& wixsim,
                                               const std::string& ledger,
                                               std::vector<BootReport>& history) {
  std::string last_view;
  const auto settled = [&] {
    try {
      const auto state = wixsim.state();
      for (const auto& link : state.at("links")) {
        if (link.value("status", "") == "ACTIVE") {
          last_view = "wixsim link " + link.value("id", "") + " still ACTIVE";
          return false;
        }
      }
      const auto left = ledger_work_left(ledger);
      last_view = left.value_or("");
      return !left;
    } catch (const std::exception& error) {
      last_view = error.what();
      return false;
    }
  };
  std::optional<std::string> left = "not looked at";
  for (int boot = 0; boot < kFinalBoots && left; ++boot) {
    BootReport last = cashier.run_until_settled(settled, kSettleDeadline);
    if (!last.problems.empty())
      last.problems.push_back("last look: " + last_view);
    history.push_back(std::move(last));
    left = ledger_work_left(ledger);  // stopped: now the ledger says for certain
  }
  return left;
}

TEST(KillTest, EveryPaymentKeepsItsReceiptThroughRandomPowerCuts) {
  // A key written to a terminal that was just killed must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  const KillSeed seed = kill_seed_from_environment();
  const int target_sales = count_from_environment("LINKPOS_KILL_SALES", 25);
  const int target_kills = count_from_environment("LINKPOS_KILL_KILLS", 25);
  // LINKPOS_KILL_DISCOUNT=<percent>: every checkout pays that much less than asked, so each sale
  // is underpaid and the cashier sells the rest or accepts it, power cuts and all.
  const int discount = count_from_environment("LINKPOS_KILL_DISCOUNT", 0);
  std::cout << "kill seed " << seed.value << " (" << seed.origin
            << "); repeat with LINKPOS_KILL_SEED=" << seed.value << "; " << target_sales
            << " sales, " << target_kills << " kills" << std::endl;
  RecordProperty("kill_seed", std::to_string(seed.value));
  SCOPED_TRACE("kill seed " + std::to_string(seed.value) +
               " (LINKPOS_KILL_SEED=" + std::to_string(seed.value) + " repeats it)");
  const auto began = std::chrono::steady_clock::now();

  RunFolder folder;
  std::vector<std::string> wixsim_options;
  if (discount > 0)
    wixsim_options = {"--discount", std::to_string(discount)};
  KillWixsim wixsim(folder, kAutoPaySeconds, wixsim_options);
  const std::string ledger = folder.file("ledger.sqlite");
  Cashier cashier(seed.value, wixsim.write_config(folder), wixsim, folder);
  std::vector<BootReport> history;
  const PowerCuts cuts = cut_power_repeatedly(cashier, seed.value, folder, target_kills,
                                              target_sales, discount > 0, history);
  EXPECT_GE(cuts.kills, target_kills) << "boots ended without the planned kill";
  EXPECT_GE(cuts.ledger_sales, target_sales) << "too few sales reached the ledger";

  MoneyFindings money;
  if (cuts.ledger_sound) {
    if (auto left = finish_without_keys(cashier, wixsim, ledger, history)) {
      ADD_FAILURE() << "work left in the ledger after the last boot:" << *left;
    }
    // The money checks, from what wixsim, the ledger and the receipt folder hold.
    const auto state = wixsim.state();
    std::ofstream(folder.file("wixsim-state.json")) << state.dump(2);
    money = check_money(state, ledger, folder.path() / "receipts", KillWixsim::kTerminalId);
    // Every sale asked and took what the cashier rang up and the customer tipped.
    for (auto& violation : check_amounts(state, ledger, cashier.keyed_sales()))
      money.violations.push_back(std::move(violation));
  }

  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began);
  std::cout << "kill run: " << history.size() << " boots, " << cuts.kills << " kills, "
            << money.sales << " sales (" << money.paid_sales << " paid), " << money.links
            << " links, " << money.payments << " payments, " << money.receipt_files
            << " receipt files (" << money.reprints << " REPRINT, " << money.copies << " COPY), "
            << money.refunds.size() << " payments on the refund list, "
            << money.sales_with_several_links << " sales with more than one link; "
            << seconds.count() << " s\n"
            << "kills by the screen shown:" << kills_by_screen(history) << std::endl;
  for (const auto& refund : money.refunds)
    std::cout << "  refund: " << refund << "\n";

  for (const auto& boot : history) {
    for (const auto& problem : boot.problems)
      ADD_FAILURE() << "boot " << boot.boot << ": " << problem;
  }
  for (const auto& violation : money.violations)
    ADD_FAILURE() << violation;
  if (HasFailure() || std::getenv("LINKPOS_KILL_KEEP") != nullptr) {
    folder.keep();
    std::cout << "kill seed " << seed.value << "; history:\n"
              << history_text(history) << "evidence kept in " << folder.path().string()
              << " (linkpos.log, wixsim.log, wixsim-state.json, ledger.sqlite, receipts/)"
              << std::endl;
  }
}

}  // namespace
}  // namespace linkpos::testing
