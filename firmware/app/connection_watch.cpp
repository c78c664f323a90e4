#include "app/connection_watch.hpp"

#include <utility>

namespace linkpos::app {

ConnectionWatch::ConnectionWatch(SaleServices& services, std::chrono::milliseconds interval,
                                 std::function<void()> changed)
    : services_(services), interval_(interval), changed_(std::move(changed)) {}

ConnectionWatch::~ConnectionWatch() = default;

void ConnectionWatch::start() {
  check();
}

void ConnectionWatch::check_now() {
  timer_.cancel();
  check();
}

std::string_view ConnectionWatch::summary() const {
  if (state_ == State::kChecking)
    return "checking the payment service";
  if (state_ == State::kConnected)
    return "ready";
  switch (failure_ ? failure_->failure : BackendFailure::kUnreachable) {
    case BackendFailure::kUnreachable:
      return "no network";
    case BackendFailure::kRejectedKey:
      return "API key rejected";
    case BackendFailure::kRefused:
      return "not ready: Wix refused the check";
    case BackendFailure::kBusy:
      return "not ready: Wix is busy";
    case BackendFailure::kServerError:
      return "not ready: Wix server error";
    case BackendFailure::kBadReply:
      return "not ready: unexpected reply from Wix";
    case BackendFailure::kSecurity:
      return "not ready: secure connection failed";
    case BackendFailure::kClockWrong:
      return "not ready: the terminal's clock is wrong";
  }
  return "not ready";
}

void ConnectionWatch::check() {
  if (in_flight_)
    return;
  in_flight_ = true;
  services_.backend.check_connection(lifetime_.guard([this](BackendResult<void> result) {
    in_flight_ = false;
    const State before = state_;
    const auto failure_before = failure_ ? failure_->failure : BackendFailure::kUnreachable;
    if (result) {
      state_ = State::kConnected;
      failure_.reset();
    } else {
      if (state_ != State::kFailed || failure_before != result.error().failure) {
        services_.log.warn("payment service not usable: " + result.error().detail);
      }
      state_ = State::kFailed;
      failure_ = result.error();
    }
    if (before != state_ ||
        failure_before != (failure_ ? failure_->failure : BackendFailure::kUnreachable)) {
      if (state_ == State::kConnected)
        services_.log.info("payment service reachable");
      changed_();
    }
    timer_ = services_.clock.after(interval_, [this] { check(); });
  }));
}

}  // namespace linkpos::app
