#include "app/link_closing.hpp"

#include <memory>
#include <utility>

namespace linkpos::app {
namespace {

// The two steps, named, kept alive by their own callbacks until the last answer.
class CloseThenLook : public std::enable_shared_from_this<CloseThenLook> {
 public:
  CloseThenLook(PaymentBackend& backend, PaymentLink link, std::function<void(ClosedLink)> done)
      : backend_(backend), link_(std::move(link)), done_(std::move(done)) {}

  void close() {
    backend_.cancel_link(link_, [self = shared_from_this()](BackendResult<void> closed) {
      self->on_closed(std::move(closed));
    });
  }

 private:
  void on_closed(BackendResult<void> closed) {
    if (!closed)
      close_failure_ = closed.error();
    backend_.get_status(link_, [self = shared_from_this()](BackendResult<LinkReport> status) {
      self->on_looked(std::move(status));
    });
  }

  void on_looked(BackendResult<LinkReport> status) {
    // Closed means confirmed: the deactivation answered, or the link says it takes no more.
    const bool confirmed =
        status && (!close_failure_ || status.value().state != LinkState::kPending);
    done_(ClosedLink{confirmed, std::move(status), close_failure_});
  }

  PaymentBackend& backend_;
  PaymentLink link_;
  std::function<void(ClosedLink)> done_;
  std::optional<BackendError> close_failure_;
};

}  // namespace

void close_then_look(PaymentBackend& backend, const PaymentLink& link,
                     std::function<void(ClosedLink)> done) {
  std::make_shared<CloseThenLook>(backend, link, std::move(done))->close();
}

}  // namespace linkpos::app
