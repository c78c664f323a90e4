#include "unlock_menu.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <variant>

#include "app/pin_entry.hpp"
#include "config/config.hpp"
#include "store/ledger.hpp"

namespace linkpos {
namespace {

// sysexits.h: EX_NOPERM, EX_CONFIG; 5 is the firmware's own "ledger failure".
constexpr int kExitNotRoot = 77;
constexpr int kExitConfig = 78;
constexpr int kExitLedger = 5;

}  // namespace

int unlock_menu(const std::string& config_path) {
  if (::geteuid() != 0) {
    std::cerr << "linkpos: --unlock-menu lifts the PIN lock only when run as root (sudo linkpos "
                 "--config "
              << config_path << " --unlock-menu)\n";
    return kExitNotRoot;
  }
  auto loaded = config::load_config(config_path);
  if (auto* errors = std::get_if<std::vector<std::string>>(&loaded)) {
    std::cerr << "linkpos: the config " << config_path << " is not usable:\n";
    for (const auto& error : *errors)
      std::cerr << "  - " << error << "\n";
    return kExitConfig;
  }
  const std::string& path = std::get<config::Config>(loaded).ledger.path;
  // Opening would create a ledger, owned by root, that the terminal's account could not write.
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    std::cerr << "linkpos: no ledger at " << path << " yet: the PIN pages are not locked\n";
    return 0;
  }
  try {
    store::Ledger ledger(path);
    const bool was_locked = ledger.counter(app::kPinLockedUntilCounter) != 0 ||
                            ledger.counter(app::kPinLockoutsCounter) != 0 ||
                            ledger.counter(app::kPinFailuresCounter) != 0;
    const auto cleared = ledger.set_counters({{app::kPinFailuresCounter, 0},
                                              {app::kPinLockedUntilCounter, 0},
                                              {app::kPinLockoutsCounter, 0}});
    if (!cleared) {
      std::cerr << "linkpos: " << cleared.error().message << "\n";
      return kExitLedger;
    }
    std::cerr << (was_locked ? "linkpos: the PIN pages are unlocked and their count of wrong "
                               "PINs starts again\n"
                             : "linkpos: the PIN pages were not locked\n");
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "linkpos: " << error.what() << "\n";
    return kExitLedger;
  }
}

}  // namespace linkpos
