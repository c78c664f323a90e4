#include "drivers/sim/web/key_rate_limit.hpp"

#include <algorithm>
#include <utility>

namespace linkpos::drivers::sim::web {

KeyRateLimit::KeyRateLimit(Now now) : now_(std::move(now)), last_(now_()) {}

bool KeyRateLimit::allow() {
  const auto now = now_();
  if (now > last_) {
    saved_ = std::min(
        kFull, saved_ + std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::min<std::chrono::steady_clock::duration>(now - last_, kFull)));
    last_ = now;
  }
  if (saved_ < kPerPress)
    return false;
  saved_ -= kPerPress;
  return true;
}

}  // namespace linkpos::drivers::sim::web
