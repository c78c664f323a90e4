#pragma once

#include <functional>
#include <optional>

#include "app/payment_backend.hpp"

namespace linkpos::app {

// What closing a link found out.
struct ClosedLink {
  // The service confirmed the link takes no more payments: the deactivation was answered, or
  // the last look says it is no longer open.
  bool confirmed = false;
  // What the last look saw (every payment on the link), or why it failed.
  BackendResult<LinkReport> last_look = BackendError{};
  std::optional<BackendError> close_failure;  // why the deactivation was not answered
};

// Closes a link, then looks once more at it whatever the close answered: a customer may have
// paid in the last moment. `done` runs once, on the event loop.
void close_then_look(PaymentBackend& backend, const PaymentLink& link,
                     std::function<void(ClosedLink)> done);

}  // namespace linkpos::app
