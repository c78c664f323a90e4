// linkpos: the terminal's firmware. This is the composition root: it reads the config, builds
// the board's drivers and the terminal, and runs the event loop until a signal (or, with --once,
// the end of one sale).
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "app/day_report.hpp"
#include "app/out_of_service.hpp"
#include "app/sale_endings.hpp"
#include "app/strings.hpp"
#include "app/terminal.hpp"
#include "app/time_zone.hpp"
#include "asio_clock.hpp"
#include "board.hpp"
#include "config/config.hpp"
#include "report_command.hpp"
#include "run_guard.hpp"
#include "service_notifier.hpp"
#include "store/ledger.hpp"
#include "store/ledger_opening.hpp"
#include "unlock_menu.hpp"
#include "version.hpp"
#include "wix/wire_time.hpp"

namespace {

// sysexits.h codes, so scripts and systemd can tell a bad config from a crash.
constexpr int kExitUsage = 64;
constexpr int kExitConfig = 78;
// The ledger could not be written (a full or failing disk): the same code as a --once sale's.
constexpr int kExitStorage = static_cast<int>(linkpos::app::OnceExit::kLedgerFailed);

// Passes a --once run's turns on, and ends any run on a storage failure.
class RunEnd final : public linkpos::app::TerminalObserver {
 public:
  RunEnd(linkpos::app::TerminalObserver* once, std::function<void()> storage_failed)
      : once_(once), storage_failed_(std::move(storage_failed)) {}

  void sale_ended(const linkpos::app::SaleEnding& ending) override {
    if (once_ != nullptr)
      once_->sale_ended(ending);
  }
  void receipt_pending() override {
    if (once_ != nullptr)
      once_->receipt_pending();
  }
  void storage_failed() override { storage_failed_(); }
  void sales_refused() override {
    if (once_ != nullptr)
      once_->sales_refused();
  }

 private:
  linkpos::app::TerminalObserver* once_;
  std::function<void()> storage_failed_;
};

class StderrLog final : public linkpos::app::Log {
 public:
  void write(linkpos::app::LogLevel level, std::string_view message) override {
    const char* prefix = level == linkpos::app::LogLevel::kError     ? "error: "
                         : level == linkpos::app::LogLevel::kWarning ? "warning: "
                                                                     : "";
    std::string line = "linkpos: " + std::string(prefix) + std::string(message) + "\n";
    // One write per line, so lines from the frame log and the log never interleave.
    (void)!::write(STDERR_FILENO, line.data(), line.size());
  }
};

struct Arguments {
  std::string config_path = "/etc/linkpos/config.json";
  std::optional<std::string> key_script;
  linkpos::BoardOptions board;
  bool once = false;
  std::optional<linkpos::app::ReportKind> report;  // --report x|z
};

int run(const Arguments& arguments) {
  StderrLog log;
  auto loaded = linkpos::config::load_config(arguments.config_path);
  if (auto* errors = std::get_if<std::vector<std::string>>(&loaded)) {
    std::string message = "linkpos: the config " + arguments.config_path + " is not usable:\n";
    for (const auto& error : *errors)
      message += "  - " + error + "\n";
    std::cerr << message;
    linkpos::show_start_failure(linkpos::config::display_config_of(arguments.config_path),
                                linkpos::app::english_strings(), errors->front());
    return kExitConfig;
  }
  const auto& config = std::get<linkpos::config::Config>(loaded);
  for (const auto& warning : config.warnings)
    log.warn(warning);
  // The config named a zone the board knows (it checked); without one, the site's is followed.
  const bool follow_site_time_zone = config.settings.time_zone.empty();
  if (!follow_site_time_zone)
    linkpos::app::use_time_zone(config.settings.time_zone);
  // Money and dates are written the language's way everywhere, reports (--report) included.
  const linkpos::app::Strings& strings = *linkpos::app::strings_for(config.settings.language);
  linkpos::app::use_strings(strings);

  boost::asio::io_context io;
  linkpos::AsioClock clock(io);
  std::unique_ptr<linkpos::store::Ledger> ledger;
  std::string ledger_notice;
  std::unique_ptr<linkpos::Board> board;
  try {
    auto opened = linkpos::store::open_ledger(
        config.ledger.path, std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count());
    ledger = std::move(opened.ledger);
    ledger_notice = std::move(opened.salvage_notice);
    if (!ledger_notice.empty())
      log.error(ledger_notice);
  } catch (const std::exception& error) {
    log.error(error.what());
    // A report's script must tell a ledger it cannot read from a config to fix.
    if (arguments.report)
      return static_cast<int>(linkpos::app::OnceExit::kLedgerFailed);
    linkpos::show_start_failure(config.display, strings, error.what());
    return kExitConfig;
  }
  try {
    board = std::make_unique<linkpos::Board>(config, arguments.board, io, clock, log);
  } catch (const std::exception& error) {
    log.error(error.what());
    if (!arguments.report)
      linkpos::show_start_failure(config.display, strings, error.what());
    return kExitConfig;
  }

  linkpos::app::Settings settings = config.settings;
  settings.build_time = arguments.board.build_time;
  linkpos::app::SaleServices services{settings,         strings, clock, board->backend(),
                                      board->printer(), *ledger, log};
  ledger->set_refusal_log([&log](std::string_view message) { log.error(message); });
  if (arguments.report)
    return linkpos::run_report(*arguments.report, services, io, follow_site_time_zone);
  int exit_code = 0;
  linkpos::app::TerminalOptions options;
  options.once = arguments.once;
  options.version = linkpos::kVersion;
  options.revision = linkpos::kGitRevision;
  options.build_time = linkpos::kBuildTime;
  options.backend_name = board->backend_name();
  options.boot_notice = ledger_notice;
  options.follow_site_time_zone = follow_site_time_zone;
  // systemd (Type=notify): READY=1 once the first screen is drawn, the idle screen's word on the
  // payment service as STATUS=, and WATCHDOG=1 from this loop.
  linkpos::ServiceNotifier notifier(io, log);
  options.connection_changed = [&notifier](const linkpos::app::ConnectionWatch& connection) {
    notifier.status(connection.summary());
  };
  // What ends the run on a failure, and the frame it leaves on the display.
  std::optional<std::pair<linkpos::app::OutOfService, std::string>> failure;
  // A --once run ends with its sale; its exit code says how.
  linkpos::app::OnceRun once_run([&](linkpos::app::OnceExit code) {
    exit_code = static_cast<int>(code);
    io.stop();
  });
  RunEnd run_end(arguments.once ? &once_run : nullptr, [&] {
    // The sale stopped where the ledger last has it: systemd restarts the terminal, which resumes
    // it.
    exit_code = kExitStorage;
    failure.emplace(linkpos::app::OutOfService::kStorage, "");
    io.stop();
  });
  linkpos::app::Terminal terminal(services, board->display(), options, &run_end);

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error)
      return;
    log.info(signal == SIGINT ? "stopping (SIGINT)" : "stopping (SIGTERM)");
    notifier.stopping();
    // A sale in progress is in the ledger and resumes at the next start. A --once run did not
    // end its sale: it says it was stopped, as shells expect (130, 143).
    exit_code = arguments.once ? 128 + signal : 0;
    io.stop();
  });

  log.info(std::string("linkpos ") + linkpos::kVersion + " terminal " +
           config.settings.terminal_id + ", payments: " + board->backend_name() + ", ledger " +
           config.ledger.path);
  auto ended = linkpos::run_guarded(
      io,
      [&] {
        terminal.start();
        board->keypad().start([&terminal](linkpos::hal::Key key) { terminal.press(key); });
        notifier.ready();
      },
      log);
  if (ended) {
    exit_code = ended->exit_code;
    failure.emplace(ended->why, ended->detail);
  }
  if (failure)
    linkpos::app::show_out_of_service(board->display(), failure->first, failure->second, strings);
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // The API key in this process's memory stays out of core files and of other processes'
  // ptrace, even under the service's own user.
  ::prctl(PR_SET_DUMPABLE, 0);
  Arguments arguments;
  CLI::App cli{"linkpos: a point-of-sale terminal that takes payment through Wix Payment Links"};
  cli.add_option("--config", arguments.config_path, "the config file (JSON)")
      ->capture_default_str();
  cli.add_option(
      "--keys", arguments.key_script,
      "press these keys instead of reading the keyboard, e.g. \"1 2 5 0 CHARGE wait:paid\"; "
      "also wait:<screen> and sleep:<ms>");
  cli.add_option("--snapshots", arguments.board.snapshots_dir,
                 "write every frame to this folder as frame-NNNNNN.png");
  cli.add_option("--receipts", arguments.board.receipts_dir,
                 "the file printer's folder (overrides printer.dir)");
  cli.add_option("--panel", arguments.board.panel_port,
                 "also serve the simulator as a web page on this loopback port (0 picks one)");
  cli.add_flag(
      "--once", arguments.once,
      "run one sale to its end and exit: 0 receipt printed, 1 cancelled, 2 expired, 3 failed, "
      "4 receipt not printed, 5 ledger failure");
  std::string report;
  cli.add_option("--report", report,
                 "print a report and exit, with no display or keypad: x (the day so far) or z "
                 "(close the day); 0 printed, 4 printer failed, 5 ledger failure, 78 bad config")
      ->check(CLI::IsMember({"x", "z"}))
      ->excludes("--keys", "--snapshots", "--panel", "--once");
  bool unlock = false;
  cli.add_flag("--unlock-menu", unlock, "as root: lift the PIN pages' lock (wrong PINs) and exit");
  cli.set_version_flag("--version", std::string("linkpos ") + linkpos::kVersion + " (" +
                                        linkpos::kGitRevision + ", built " + linkpos::kBuildTime +
                                        ")");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = cli.exit(error);
    return code == 0 ? 0 : kExitUsage;
  }
  if (unlock)
    return linkpos::unlock_menu(arguments.config_path);
  if (!report.empty()) {
    arguments.report = report == "z" ? linkpos::app::ReportKind::kZ : linkpos::app::ReportKind::kX;
    arguments.board.headless = true;
  }
  if (arguments.key_script) {
    auto steps = linkpos::drivers::sim::parse_key_script(*arguments.key_script);
    if (auto* message = std::get_if<std::string>(&steps)) {
      std::cerr << "linkpos: " << *message << "\n";
      return kExitUsage;
    }
    arguments.board.key_script =
        std::get<std::vector<linkpos::drivers::sim::ScriptStep>>(std::move(steps));
  }
  arguments.board.build_time = linkpos::wix::from_rfc3339(linkpos::kBuildTime)
                                   .value_or(std::chrono::system_clock::time_point{});
  return run(arguments);
}
