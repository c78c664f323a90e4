#include "app/amount_entry.hpp"

namespace linkpos::app {
namespace {

constexpr std::int64_t kLimit = 1'000'000'000'000;  // 10^kMaxDigits

}  // namespace

bool AmountEntry::apply(hal::Key key) {
  if (const auto digit = hal::key_digit(key)) {
    push_digit(*digit);
    return true;
  }
  switch (key) {
    case hal::Key::k00:
      push_digit(0);
      push_digit(0);
      return true;
    case hal::Key::kBackspace:
      minor_ /= 10;
      return true;
    case hal::Key::kClear:
      minor_ = 0;
      return true;
    default:
      return false;
  }
}

void AmountEntry::push_digit(int digit) {
  if (minor_ * 10 + digit >= kLimit)
    return;
  minor_ = minor_ * 10 + digit;
}

}  // namespace linkpos::app
