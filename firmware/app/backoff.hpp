#pragma once

#include <algorithm>
#include <chrono>

namespace linkpos::app {

// Waits that grow after each failure: the first, then twice as long each time up to the
// longest; back to the first after a success. Every retry loop of the terminal uses one.
class Backoff {
 public:
  constexpr Backoff(std::chrono::milliseconds first, std::chrono::milliseconds longest)
      : first_(first), longest_(longest), next_(first) {}

  // The wait before the next try; the one after it is doubled.
  std::chrono::milliseconds next() {
    const auto wait = next_;
    next_ = std::min(next_ * 2, longest_);
    return wait;
  }
  void reset() { next_ = first_; }
  std::chrono::milliseconds longest() const { return longest_; }

 private:
  std::chrono::milliseconds first_;
  std::chrono::milliseconds longest_;
  std::chrono::milliseconds next_;
};

}  // namespace linkpos::app
