#pragma once

#include "hal/clock.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos {

// hal::Clock on the event loop: delays are Asio steady timers, so they ignore wall-clock jumps.
class AsioClock final : public hal::Clock {
 public:
  explicit AsioClock(boost::asio::io_context& io) : io_(io) {}

  WallTime now() const override;
  std::chrono::steady_clock::time_point monotonic_now() const override;
  hal::Timer after(Duration delay, std::function<void()> callback) override;

 private:
  boost::asio::io_context& io_;
};

}  // namespace linkpos
