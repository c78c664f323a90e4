#include "app/pin_entry.hpp"

#include <algorithm>
#include <utility>

namespace linkpos::app {
namespace {

// Longer than any PIN a config may set, so a long PIN is never cut short.
constexpr std::size_t kLongestPin = 12;

}  // namespace

PinEntry::PinEntry(std::vector<std::string> accepted) : accepted_(std::move(accepted)) {
  std::erase(accepted_, std::string());
}

PinEntry::Outcome PinEntry::press(hal::Key key) {
  if (key == hal::Key::kCancel)
    return Outcome::kLeft;
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
  const bool right = std::find(accepted_.begin(), accepted_.end(), keyed_) != accepted_.end();
  keyed_.clear();
  return right ? Outcome::kOpened : Outcome::kWrong;
}

std::string PinEntry::dots() const {
  std::string dots;
  for (std::size_t i = 0; i < keyed_.size(); ++i)
    dots += "•";
  return dots;
}

}  // namespace linkpos::app
