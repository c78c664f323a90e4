#include "kill/cashier.hpp"

#include <signal.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/currency.hpp"
#include "app/money.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// A boot whose planned screen never comes is killed anyway after this long.
constexpr auto kFallbackKill = 8s;
constexpr auto kSettledCheckEvery = 250ms;
// wixsim's request log is moved to its file this often; its pipe holds far more than that.
constexpr auto kDrainEvery = 100ms;

bool any_line_has(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

bool any_line_is(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

// Money as the terminal shows it (English, the kill run's currency).
std::string shown(std::int64_t minor) {
  return app::format_money(app::Money{minor, app::currency_by_code(kKillCurrency).value()});
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines)
    text += (text.empty() ? "" : " | ") + line;
  return text;
}

// A line of the terminal's stderr that no run may have: a ledger error (the terminal logs
// nothing else as an error), or a sanitizer's report.
bool is_trouble(const std::string& line) {
  return line.find("linkpos: error:") != std::string::npos ||
         line.find("runtime error:") != std::string::npos ||
         line.find("ERROR: AddressSanitizer") != std::string::npos ||
         line.find("ERROR: LeakSanitizer") != std::string::npos;
}

}  // namespace

std::string BootReport::describe() const {
  std::string text = "boot " + std::to_string(boot) + " [" + plan + "]: ";
  if (killed) {
    text += std::string(fallback ? "killed at the fallback deadline" : "killed") + " " +
            std::to_string(lived.count()) + " ms after start";
  } else {
    text += "ended after " + std::to_string(lived.count()) + " ms";
  }
  text += ", screen \"" + last_screen + "\", " + std::to_string(frames) + " frames";
  if (!last_sale.empty())
    text += ", last QR " + last_sale;
  if (exit_code)
    text += ", exit " + std::to_string(*exit_code);
  for (const auto& problem : problems)
    text += "\n      PROBLEM: " + problem;
  return text;
}

struct Cashier::Boot {
  struct Key {
    Clock::time_point due;
    std::string bytes;
    int episode;  // sent only while the screen it answers is still up
  };

  explicit Boot(const std::string& config)
      : process({LINKPOS_BINARY, "--config", config}, "", /*keys_on_stdin=*/true),
        started(Clock::now()) {}

  ChildProcess process;
  Clock::time_point started;
  std::optional<Clock::time_point> kill_at;
  std::size_t lines_seen = 0;  // of process.stderr_lines(), written to the log
  std::string screen;
  std::vector<std::string> lines;
  int episode = 0;  // counts changes of screen
  std::map<std::string, int> appearances;
  bool keyed_this_idle = false;
  // The sale rung up last in this boot (its plan, its index in keyed_), until its QR code names
  // it; a boot's resumed sale is none of the cashier's doing in that boot.
  std::optional<SalePlan> sale;
  std::size_t sale_index = 0;
  bool paid_acknowledged = false;
  std::vector<std::string> answered;  // error screens already answered in this episode
  std::vector<Key> keys;
  BootReport report;
};

Cashier::Cashier(std::uint64_t seed, std::string config_path, KillWixsim& wixsim,
                 const RunFolder& folder)
    : seed_(seed),
      config_path_(std::move(config_path)),
      wixsim_(wixsim),
      log_(folder.file("linkpos.log")) {}

BootReport Cashier::run_until_killed(const KillPlan& plan) {
  return run(plan, {}, 0s);
}

BootReport Cashier::run_until_settled(const std::function<bool()>& settled,
                                      std::chrono::seconds deadline) {
  return run(std::nullopt, settled, deadline);
}

BootReport Cashier::run(const std::optional<KillPlan>& plan, const std::function<bool()>& settled,
                        std::chrono::seconds deadline) {
  Boot boot(config_path_);
  boot.report.boot = ++boots_;
  boot.report.plan = plan ? plan->describe() : "last boot, no keys";
  log_ << "=== " << boot.report.plan << " (boot " << boots_ << ")\n";
  if (plan && plan->trigger == KillPlan::Trigger::kAfterStart) {
    boot.kill_at = boot.started + plan->delay;
  }
  auto next_check = boot.started + kSettledCheckEvery;
  auto next_drain = boot.started;
  while (true) {
    if (Clock::now() >= next_drain) {
      wixsim_.drain_log();
      next_drain = Clock::now() + kDrainEvery;
    }
    const auto now = Clock::now();
    if (plan ? kill_if_due(boot, now) : stop_if_settled(boot, now, settled, deadline, next_check)) {
      return boot.report;
    }
    send_due_keys(boot, now);
    auto wake = plan ? boot.kill_at.value_or(boot.started + kFallbackKill) : next_check;
    for (const auto& key : boot.keys)
      wake = std::min(wake, key.due);
    if (!read_line(boot, std::chrono::duration_cast<std::chrono::milliseconds>(wake - now), plan)) {
      return boot.report;
    }
  }
}

bool Cashier::kill_if_due(Boot& boot, Clock::time_point now) {
  const bool fallback = !boot.kill_at && now >= boot.started + kFallbackKill;
  if (!fallback && !(boot.kill_at && now >= *boot.kill_at))
    return false;
  boot.report.fallback = fallback;
  boot.report.killed = true;
  boot.process.kill_hard();
  const auto code = boot.process.wait(10s);
  if (code != 128 + SIGKILL) {
    boot.report.problems.push_back("the terminal had ended before the kill (exit " +
                                   (code ? std::to_string(*code) : "none") + ")");
  }
  end_boot(boot, now, code);
  return true;
}

bool Cashier::stop_if_settled(Boot& boot, Clock::time_point now,
                              const std::function<bool()>& settled, std::chrono::seconds deadline,
                              Clock::time_point& next_check) {
  const bool too_late = now >= boot.started + deadline;
  if (now < next_check && !too_late)
    return false;
  next_check = now + kSettledCheckEvery;
  if (!settled()) {
    if (!too_late)
      return false;
    boot.report.problems.push_back("the terminal did not settle within " +
                                   std::to_string(deadline.count()) + " s");
  }
  boot.process.signal(SIGTERM);
  const auto code = boot.process.wait(30s);
  if (code != 0) {
    boot.report.problems.push_back("did not stop cleanly on SIGTERM (exit " +
                                   (code ? std::to_string(*code) : "none") + ")");
  }
  end_boot(boot, now, code);
  return true;
}

void Cashier::send_due_keys(Boot& boot, Clock::time_point now) {
  for (auto key = boot.keys.begin(); key != boot.keys.end();) {
    if (key->due > now) {
      ++key;
      continue;
    }
    // A key for a screen already gone is dropped, as a cashier would not press it.
    if (key->episode == boot.episode) {
      try {
        boot.process.write_stdin(key->bytes);
      } catch (const std::runtime_error&) {
        // The terminal is gone; the next read finds out how.
      }
    }
    key = boot.keys.erase(key);
  }
}

bool Cashier::read_line(Boot& boot, std::chrono::milliseconds wait,
                        const std::optional<KillPlan>& plan) {
  // ChildProcess rounds what is left down to whole milliseconds: 2 ms is the least that polls.
  const auto timeout = std::max(2ms, wait);
  const auto read_from = Clock::now();
  const auto line = boot.process.next_stderr_line(timeout);
  if (!line) {
    // A read that gives up well before its time met the end of the output: the terminal ended
    // by itself. (A timeout comes up to a millisecond early.)
    if (timeout >= 5ms && Clock::now() - read_from < timeout - 3ms) {
      const auto code = boot.process.wait(10s);
      boot.report.problems.push_back("the terminal exited by itself (exit " +
                                     (code ? std::to_string(*code) : "unknown") + ")");
      end_boot(boot, Clock::now(), code);
      return false;
    }
    return true;
  }
  log_ << *line << '\n';
  boot.lines_seen = boot.process.stderr_lines().size();
  if (line->rfind("{\"screen\"", 0) == 0) {
    const auto frame = nlohmann::json::parse(*line, nullptr, /*allow_exceptions=*/false);
    if (frame.is_discarded()) {
      boot.report.problems.push_back("unreadable frame log line: " + *line);
    } else {
      on_frame(boot, frame.value("screen", ""), frame.value("lines", std::vector<std::string>{}),
               plan);
    }
  } else if (is_trouble(*line)) {
    boot.report.problems.push_back(*line);
  }
  return true;
}

void Cashier::on_frame(Boot& boot, const std::string& screen, const std::vector<std::string>& lines,
                       const std::optional<KillPlan>& plan) {
  const auto now = Clock::now();
  ++boot.report.frames;
  const bool appeared = screen != boot.screen;
  if (appeared) {
    boot.screen = screen;
    ++boot.episode;
    ++boot.appearances[screen];
    boot.keyed_this_idle = false;
    boot.paid_acknowledged = false;
    boot.answered.clear();
    if (plan && plan->trigger == KillPlan::Trigger::kOnScreen && !boot.kill_at &&
        plan->screen == screen && boot.appearances[screen] == plan->occurrence) {
      boot.kill_at = now + plan->delay;
    }
  }
  boot.lines = lines;
  if (screen == "qr") {
    for (const auto& line : lines) {
      if (line.rfind("Ref ", 0) == 0)
        boot.report.last_sale = line;
    }
  }
  const std::string text = joined(lines);
  if (screen == "error" && any_line_has(lines, "Terminal fault") &&
      std::find(boot.answered.begin(), boot.answered.end(), text) == boot.answered.end()) {
    boot.answered.push_back(text);
    boot.report.problems.push_back("screen: " + text);
  }
  const auto press = [&](std::string bytes, std::chrono::milliseconds after = 0ms) {
    boot.keys.push_back({now + after, std::move(bytes), boot.episode});
  };
  if (screen == "underpaid" || screen == "check-payment") {
    // Only a cashier moves these on: even the last boot's accepts what was paid (or gives a
    // payment it cannot read up to the refund list) rather than leave the sale open.
    if (appeared) {
      const bool rest = plan && screen == "underpaid" && charge_the_rest(seed_, ++underpaid_shown_);
      press(rest ? "\r" : "x");
    }
    return;
  }
  if (!plan)
    return;  // the last boot finishes by itself: no other key
  if (screen == "idle") {
    // A cashier waits for "Ready"; the boot's first idle frame is followed at once by any sale
    // the terminal resumes, which keys typed now would land in.
    if (!boot.keyed_this_idle && any_line_has(lines, "Ready")) {
      boot.keyed_this_idle = true;
      boot.sale = plan_sale(seed_, ++sales_keyed_);
      boot.sale_index = keyed_.size();
      keyed_.push_back(KeyedSale{boot.sale->lines(), boot.sale->tip_minor(), ""});
      press(boot.sale->keys());
    }
  } else if (screen == "tip") {
    if (appeared) {
      if (!boot.sale) {
        boot.report.problems.push_back("tip screen with no sale rung up in this boot: " + text);
        press("x");
      } else {
        check_tip_screen(boot, lines);
        press(boot.sale->tip_keys(), boot.sale->tip_after);
      }
    }
  } else if (screen == "qr") {
    if (boot.sale)
      name_sale(boot, lines);
    if (appeared) {
      const QrPlan qr = plan_qr(seed_, ++qr_shown_, plan->screen == "cancelling");
      if (qr.cancel)
        press("x", qr.after);
    }
  } else if (screen == "paid") {
    if (appeared &&
        (acknowledge_paid_at_once(seed_, ++paid_shown_) || plan->screen == "printing")) {
      boot.paid_acknowledged = true;
      press("c");
    }
    if (!boot.paid_acknowledged && any_line_has(lines, "Receipt printed")) {
      boot.paid_acknowledged = true;
      press("c");
    }
  } else if (screen == "error") {
    if (std::find(boot.answered.begin(), boot.answered.end(), text) != boot.answered.end())
      return;
    boot.answered.push_back(text);
    if (any_line_has(lines, "Printer problem")) {
      press("\r");  // print again
    } else if (any_line_has(lines, "CHARGE try again")) {
      press("x");  // back to idle rather than repeat the sale
    } else {
      press("c");  // any key
    }
  } else if (screen == "menu") {
    press("x");
  }
}

void Cashier::check_tip_screen(Boot& boot, const std::vector<std::string>& lines) {
  const SalePlan& sale = *boot.sale;
  std::string wrong;
  if (!any_line_is(lines, shown(sale.sold_minor())))
    wrong = "not the " + shown(sale.sold_minor()) + " rung up";
  // The choice the customer is about to make, as strings_en.cpp words it.
  const std::string digit = std::to_string(sale.tip_choice + 1) + "  ";
  const int percent = kTipPercents.at(sale.tip_choice);
  const std::int64_t tip = (sale.sold_minor() * percent + 50) / 100;
  const std::string choice =
      digit + (percent == 0 ? "No tip" : std::to_string(percent) + "%  " + shown(tip));
  if (!any_line_is(lines, choice))
    wrong += (wrong.empty() ? "" : "; ") + std::string("no line \"") + choice + "\"";
  if (!wrong.empty()) {
    boot.report.problems.push_back("tip screen for " + sale.describe() + ": " + wrong + " (" +
                                   joined(lines) + ")");
  }
}

void Cashier::name_sale(Boot& boot, const std::vector<std::string>& lines) {
  std::string reference;
  for (const auto& line : lines) {
    if (line.rfind("Ref ", 0) == 0)
      reference = line.substr(4);
  }
  if (reference.empty())
    return;
  KeyedSale& keyed = keyed_.at(boot.sale_index);
  keyed.reference = reference;
  if (!any_line_is(lines, shown(boot.sale->total_minor()))) {
    boot.report.problems.push_back("QR code of " + reference + " does not ask the " +
                                   shown(boot.sale->total_minor()) + " rung up and tipped (" +
                                   boot.sale->describe() + "): " + joined(lines));
  }
  boot.sale.reset();
}

void Cashier::end_boot(Boot& boot, Clock::time_point ended, std::optional<int> exit_code) {
  boot.report.lived = std::chrono::duration_cast<std::chrono::milliseconds>(ended - boot.started);
  boot.report.last_screen = boot.screen;
  boot.report.exit_code = exit_code;
  // What the terminal wrote before it died and the cashier had not read yet.
  const auto& all = boot.process.stderr_lines();
  for (std::size_t i = boot.lines_seen; i < all.size(); ++i) {
    log_ << all[i] << '\n';
    if (is_trouble(all[i]))
      boot.report.problems.push_back(all[i]);
  }
  if (exit_code == 78)
    boot.report.problems.push_back("exit 78 (EX_CONFIG): config or ledger refused");
  log_ << "=== " << boot.report.describe() << "\n";
  log_.flush();
}

}  // namespace linkpos::testing
