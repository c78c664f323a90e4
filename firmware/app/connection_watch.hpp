#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "app/lifetime.hpp"
#include "app/sale_services.hpp"

namespace linkpos::app {

// Asks the payment service now and then whether sales can be taken, so the idle screen can say
// so before anyone takes money on a terminal that cannot see its payments.
class ConnectionWatch {
 public:
  enum class State { kChecking, kConnected, kFailed };

  ConnectionWatch(SaleServices& services, std::chrono::milliseconds interval,
                  std::function<void()> changed);
  ~ConnectionWatch();
  ConnectionWatch(const ConnectionWatch&) = delete;
  ConnectionWatch& operator=(const ConnectionWatch&) = delete;

  void start();
  // Checks again now (after a failure the cashier wants to see fixed, or a sale's error).
  void check_now();

  State state() const { return state_; }
  const std::optional<BackendError>& failure() const { return failure_; }
  // The state in a few English words for a technician outside the shop (systemd's STATUS=):
  // "ready", "no network", "API key rejected"... Never the server's own text.
  std::string_view summary() const;

 private:
  void check();

  SaleServices& services_;
  std::chrono::milliseconds interval_;
  std::function<void()> changed_;
  State state_ = State::kChecking;
  std::optional<BackendError> failure_;
  bool in_flight_ = false;
  hal::Timer timer_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
