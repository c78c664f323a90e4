#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace linkpos::hal {

// A pending callback of Clock::after(). Dropping or cancelling it means the callback never runs.
class Timer {
 public:
  Timer() = default;
  explicit Timer(std::shared_ptr<bool> armed) : armed_(std::move(armed)) {}
  Timer(Timer&&) noexcept = default;
  Timer& operator=(Timer&& other) noexcept {
    cancel();
    armed_ = std::move(other.armed_);
    return *this;
  }
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;
  ~Timer() { cancel(); }

  void cancel() {
    if (armed_)
      *armed_ = false;
    armed_.reset();
  }
  bool pending() const { return armed_ && *armed_; }

 private:
  std::shared_ptr<bool> armed_;
};

// Time as the terminal sees it: the wall clock (receipts, link expiry, sale references) and
// callbacks after a delay on the event loop. Implementations measure delays on a monotonic clock,
// so setting the wall clock does not stretch or cut a payment timeout.
class Clock {
 public:
  using WallTime = std::chrono::system_clock::time_point;
  using Duration = std::chrono::milliseconds;

  virtual ~Clock() = default;

  virtual WallTime now() const = 0;
  virtual std::chrono::steady_clock::time_point monotonic_now() const = 0;

  // Runs `callback` on the event loop once `delay` has passed, unless the Timer is dropped first.
  [[nodiscard]] virtual Timer after(Duration delay, std::function<void()> callback) = 0;
};

}  // namespace linkpos::hal
