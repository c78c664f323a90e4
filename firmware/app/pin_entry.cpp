#include "app/pin_entry.hpp"

#include <algorithm>
#include <utility>

namespace linkpos::app {
namespace {

// The length of the `lockout`th lock in a row (1 for the first).
std::chrono::seconds lock_length(std::int64_t lockouts) {
  if (lockouts <= 0)
    return std::chrono::seconds::zero();
  std::chrono::seconds length = kFirstPinLock;
  for (std::int64_t i = 1; i < lockouts && length < kLongestPinLock; ++i)
    length *= 2;
  return std::min(length, kLongestPinLock);
}

}  // namespace

std::string pin_wait_text(std::chrono::seconds left) {
  const auto seconds = left.count() % 60;
  return std::to_string(left.count() / 60) + (seconds < 10 ? ":0" : ":") + std::to_string(seconds);
}

PinEntry::PinEntry(SaleServices& services, std::string page, std::vector<std::string> accepted)
    : services_(services),
      page_(std::move(page)),
      failures_(services.ledger.counter(kPinFailuresCounter)),
      locked_until_ms_(services.ledger.counter(kPinLockedUntilCounter)),
      lockouts_(services.ledger.counter(kPinLockoutsCounter)) {
  for (const std::string& pin : accepted) {
    if (!pin.empty())
      accepted_.push_back(pad(pin));
  }
}

PinEntry::Outcome PinEntry::press(hal::Key key) {
  if (key == hal::Key::kCancel)
    return Outcome::kLeft;
  if (locked_until_ms_ - now_ms() > std::chrono::milliseconds(lock_length(lockouts_)).count()) {
    // The wall clock was set back: the lock starts again from now rather than lasting until the
    // clock comes back to where it was.
    locked_until_ms_ = now_ms() + std::chrono::milliseconds(lock_length(lockouts_)).count();
    keep();
  }
  if (locked_for()) {
    keyed_.clear();
    return Outcome::kTyping;
  }
  if (const auto digit = hal::key_digit(key); digit && keyed_.size() < kLongestPin) {
    keyed_ += static_cast<char>('0' + *digit);
    return Outcome::kTyping;
  }
  if (key == hal::Key::kBackspace && !keyed_.empty()) {
    keyed_.pop_back();
    return Outcome::kTyping;
  }
  if (key != hal::Key::kCharge || accepted_.empty())
    return Outcome::kTyping;
  const bool right = accepts(keyed_);
  keyed_.clear();
  if (!right)
    return wrong();
  if (failures_ != 0 || lockouts_ != 0 || locked_until_ms_ != 0) {
    failures_ = locked_until_ms_ = lockouts_ = 0;
    keep();
  }
  return Outcome::kOpened;
}

std::string PinEntry::dots() const {
  std::string dots;
  for (std::size_t i = 0; i < keyed_.size(); ++i)
    dots += "•";
  return dots;
}

std::optional<std::chrono::seconds> PinEntry::locked_for() const {
  const std::int64_t left_ms = locked_until_ms_ - now_ms();
  if (left_ms <= 0)
    return std::nullopt;
  // A wall clock set back never shows more than the lock's own length (press() starts it again).
  const auto left = std::chrono::ceil<std::chrono::seconds>(std::chrono::milliseconds(left_ms));
  return std::min(left, lock_length(lockouts_));
}

PinEntry::Padded PinEntry::pad(const std::string& pin) {
  Padded padded;
  padded.size = pin.size();
  std::copy_n(pin.begin(), std::min(pin.size(), kLongestPin), padded.digits.begin());
  return padded;
}

// Constant time: every accepted PIN is compared in full, over the same number of bytes whatever
// the lengths, so how long a refusal takes says nothing about how close the guess was.
bool PinEntry::accepts(const std::string& keyed) const {
  const Padded typed = pad(keyed);
  unsigned matched = 0;
  for (const Padded& pin : accepted_) {
    unsigned difference = static_cast<unsigned>(pin.size ^ typed.size);
    for (std::size_t i = 0; i < kLongestPin; ++i)
      difference |= static_cast<unsigned>(pin.digits[i] ^ typed.digits[i]);
    matched |= static_cast<unsigned>(difference == 0);
  }
  return matched != 0;
}

PinEntry::Outcome PinEntry::wrong() {
  if (++failures_ < kPinTriesBeforeLock) {
    keep();
    return Outcome::kWrong;
  }
  failures_ = 0;
  ++lockouts_;
  const std::chrono::seconds length = lock_length(lockouts_);
  locked_until_ms_ = now_ms() + std::chrono::milliseconds(length).count();
  keep();
  services_.log.warn(page_ + ": " + std::to_string(kPinTriesBeforeLock) +
                     " wrong PINs in a row: the PIN pages are locked for " +
                     std::to_string(length.count()) + " s (lock " + std::to_string(lockouts_) +
                     " in a row; linkpos --unlock-menu lifts it)");
  return Outcome::kLocked;
}

void PinEntry::keep() {
  const auto kept = services_.ledger.set_counters({{kPinFailuresCounter, failures_},
                                                   {kPinLockedUntilCounter, locked_until_ms_},
                                                   {kPinLockoutsCounter, lockouts_}});
  // The count still holds on this page; only a restart could forget it.
  if (!kept)
    services_.log.error("PIN lock: not kept in the ledger: " + kept.error().message);
}

std::int64_t PinEntry::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             services_.clock.now().time_since_epoch())
      .count();
}

}  // namespace linkpos::app
