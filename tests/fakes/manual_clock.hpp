#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include "hal/clock.hpp"

namespace linkpos::testing {

// A clock that only moves when the test says so; timers run in time order as it advances.
class ManualClock final : public hal::Clock {
 public:
  explicit ManualClock(WallTime start = WallTime(std::chrono::seconds(1'790'000'000)))
      : wall_(start) {}

  WallTime now() const override { return wall_; }
  std::chrono::steady_clock::time_point monotonic_now() const override { return steady_; }

  hal::Timer after(Duration delay, std::function<void()> callback) override {
    auto armed = std::make_shared<bool>(true);
    pending_.push_back(Pending{steady_ + delay, next_sequence_++, armed, std::move(callback)});
    return hal::Timer(armed);
  }

  // Moves time forward by `delay`, running every timer that falls due on the way.
  void advance(Duration delay) {
    const auto target = steady_ + delay;
    while (true) {
      auto due =
          std::min_element(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
            return a.at != b.at ? a.at < b.at : a.sequence < b.sequence;
          });
      if (due == pending_.end() || due->at > target)
        break;
      Pending next = std::move(*due);
      pending_.erase(due);
      wall_ += std::chrono::duration_cast<WallTime::duration>(next.at - steady_);
      steady_ = next.at;
      if (*next.armed) {
        *next.armed = false;
        next.callback();
      }
    }
    wall_ += std::chrono::duration_cast<WallTime::duration>(target - steady_);
    steady_ = target;
  }

  // Runs what is due now (zero-delay timers).
  void run_due() { advance(Duration::zero()); }

  // Sets the wall clock alone, as a technician setting the date would.
  void set_wall(WallTime time) { wall_ = time; }

 private:
  struct Pending {
    std::chrono::steady_clock::time_point at;
    long sequence;
    std::shared_ptr<bool> armed;
    std::function<void()> callback;
  };

  WallTime wall_;
  std::chrono::steady_clock::time_point steady_{std::chrono::hours(1)};
  long next_sequence_ = 0;
  std::vector<Pending> pending_;
};

}  // namespace linkpos::testing
