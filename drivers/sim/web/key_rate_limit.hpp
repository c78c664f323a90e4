#pragma once

#include <chrono>
#include <functional>

namespace linkpos::drivers::sim::web {

// A page's key presses: a bucket of kBurst presses that refills at kPerSecond, so a person
// pressing keys never notices it while a script that fires presses in a loop (guessing a PIN,
// say) gets 10 a second and the rest are dropped.
class KeyRateLimit {
 public:
  static constexpr int kPerSecond = 10;
  static constexpr int kBurst = 10;
  using Now = std::function<std::chrono::steady_clock::time_point()>;

  explicit KeyRateLimit(Now now);

  // Whether one more press may go through now (it is counted if so).
  bool allow();

 private:
  // Time saved up for presses, in whole nanoseconds so that nothing drifts: one press costs a
  // tenth of a second of it, and it holds at most kBurst presses' worth.
  static constexpr std::chrono::nanoseconds kPerPress =
      std::chrono::nanoseconds(std::chrono::seconds(1)) / kPerSecond;
  static constexpr std::chrono::nanoseconds kFull = kPerPress * kBurst;

  Now now_;
  std::chrono::nanoseconds saved_ = kFull;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace linkpos::drivers::sim::web
