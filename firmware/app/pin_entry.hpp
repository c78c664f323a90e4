#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/sale_services.hpp"
#include "hal/keypad.hpp"

namespace linkpos::app {

// Wrong PINs in a row that lock the PIN pages, and how long the locks last: the first 60 s, each
// further one twice the one before, up to an hour. A right PIN starts the count again.
inline constexpr int kPinTriesBeforeLock = 5;
inline constexpr std::chrono::seconds kFirstPinLock{60};
inline constexpr std::chrono::seconds kLongestPinLock{3600};

// Longer than any PIN a config may set (4 to 12 digits), so a long PIN is never cut short.
inline constexpr std::size_t kLongestPin = 12;

// A PIN keyed on the digits, checked on CHARGE against the PINs that open a page. The PIN is
// never shown, only its length (dots()). Every PIN page shares one count of wrong tries and one
// lock, kept in the ledger's counters so that a restart neither forgets nor lifts them
// (`linkpos --unlock-menu` does, as root). Each lock is logged once; single wrong tries are not.
class PinEntry {
 public:
  enum class Outcome {
    kTyping,  // a digit or BACKSPACE, CHARGE with no PIN to check against, or any key while locked
    kOpened,
    kWrong,
    kLocked,  // a wrong PIN that locked the pages
    kLeft,    // CANCEL
  };

  // Empty PINs open nothing: a page with none set is opened by its owner without asking. `page`
  // names the page in the log ("technician menu").
  PinEntry(SaleServices& services, std::string page, std::vector<std::string> accepted);

  Outcome press(hal::Key key);
  std::string dots() const;
  // How long the pages stay locked, rounded up to the second; nullopt when they are not.
  std::optional<std::chrono::seconds> locked_for() const;

 private:
  struct Padded {
    std::array<unsigned char, kLongestPin> digits{};
    std::size_t size = 0;
  };
  static Padded pad(const std::string& pin);
  bool accepts(const std::string& keyed) const;
  Outcome wrong();
  void keep();
  std::int64_t now_ms() const;

  SaleServices& services_;
  std::string page_;
  std::vector<Padded> accepted_;
  std::string keyed_;
  // As the ledger keeps them (read when the page opens, written at each change).
  std::int64_t failures_ = 0;
  std::int64_t locked_until_ms_ = 0;  // Unix time
  std::int64_t lockouts_ = 0;         // since the last right PIN
};

// How long a lock has left as the PIN page says it: "1:00", "59:59".
std::string pin_wait_text(std::chrono::seconds left);

// The ledger counters PinEntry keeps; `linkpos --unlock-menu` clears them.
inline constexpr const char* kPinFailuresCounter = "pin_failures";
inline constexpr const char* kPinLockedUntilCounter = "pin_locked_until_ms";
inline constexpr const char* kPinLockoutsCounter = "pin_lockouts";

}  // namespace linkpos::app
