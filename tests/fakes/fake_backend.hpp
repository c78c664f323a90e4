#pragma once

#include <deque>
#include <functional>
#include <string>

#include "app/payment_backend.hpp"

namespace linkpos::testing {

// A payment backend whose calls wait until the test answers them, oldest first, so every
// ordering of requests and answers can be played out.
class FakeBackend final : public app::PaymentBackend {
 public:
  struct Create {
    app::LinkRequest request;
    std::function<void(app::BackendResult<app::PaymentLink>)> done;
  };
  struct Status {
    app::PaymentLink link;
    std::function<void(app::BackendResult<app::LinkStatus>)> done;
  };
  struct Cancel {
    app::PaymentLink link;
    std::function<void(app::BackendResult<void>)> done;
  };
  struct Find {
    std::string reference;
    app::WallTime since;
    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done;
  };
  struct Check {
    std::function<void(app::BackendResult<void>)> done;
  };
  struct Receipt {
    app::PaymentLink link;
    app::Payment payment;
    std::function<void(app::BackendResult<std::string>)> done;
  };

  void create_link(const app::LinkRequest& request,
                   std::function<void(app::BackendResult<app::PaymentLink>)> done) override {
    creates.push_back({request, std::move(done)});
  }
  void get_status(const app::PaymentLink& link,
                  std::function<void(app::BackendResult<app::LinkStatus>)> done) override {
    statuses.push_back({link, std::move(done)});
  }
  void find_link(
      const std::string& reference, app::WallTime since,
      std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) override {
    finds.push_back({reference, since, std::move(done)});
  }
  void cancel_link(const app::PaymentLink& link,
                   std::function<void(app::BackendResult<void>)> done) override {
    cancels.push_back({link, std::move(done)});
    ++cancel_calls;
  }
  void issue_receipt(const app::PaymentLink& link, const app::Payment& payment,
                     std::function<void(app::BackendResult<std::string>)> done) override {
    receipts.push_back({link, payment, std::move(done)});
  }

  void check_connection(std::function<void(app::BackendResult<void>)> done) override {
    checks.push_back({std::move(done)});
  }

  // Answers the oldest waiting call of a kind.
  template <class Call, class Answer>
  static void answer(std::deque<Call>& calls, Answer&& answer) {
    auto call = std::move(calls.front());
    calls.pop_front();
    call.done(std::forward<Answer>(answer));
  }

  std::deque<Create> creates;
  std::deque<Status> statuses;
  std::deque<Cancel> cancels;
  std::deque<Receipt> receipts;
  std::deque<Check> checks;
  std::deque<Find> finds;
  int cancel_calls = 0;
};

}  // namespace linkpos::testing
