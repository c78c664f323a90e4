#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

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
    std::function<void(app::BackendResult<app::LinkReport>)> done;
  };
  struct Cancel {
    app::PaymentLink link;
    std::function<void(app::BackendResult<void>)> done;
  };
  struct Find {
    std::string reference;
    app::WallTime since;
    std::vector<std::string> known;
    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done;
  };
  struct Check {
    std::function<void(app::BackendResult<void>)> done;
  };
  struct Receipt {
    app::Payment payment;
    std::function<void(app::BackendResult<std::string>)> done;
  };
  struct Site {
    std::function<void(app::BackendResult<app::SiteProperties>)> done;
  };
  struct Period {
    app::WallTime from;
    app::WallTime to;
    std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done;
  };

  void create_link(const app::LinkRequest& request,
                   std::function<void(app::BackendResult<app::PaymentLink>)> done) override {
    creates.push_back({request, std::move(done)});
  }
  void get_status(const app::PaymentLink& link,
                  std::function<void(app::BackendResult<app::LinkReport>)> done) override {
    statuses.push_back({link, std::move(done)});
  }
  void find_link(
      const std::string& reference, app::WallTime since, const std::vector<std::string>& known,
      std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) override {
    finds.push_back({reference, since, known, std::move(done)});
  }
  void cancel_link(const app::PaymentLink& link,
                   std::function<void(app::BackendResult<void>)> done) override {
    cancels.push_back({link, std::move(done)});
    ++cancel_calls;
  }
  void issue_receipt(const app::Payment& payment,
                     std::function<void(app::BackendResult<std::string>)> done) override {
    receipts.push_back({payment, std::move(done)});
  }

  void check_connection(std::function<void(app::BackendResult<void>)> done) override {
    checks.push_back({std::move(done)});
  }

  void read_site(std::function<void(app::BackendResult<app::SiteProperties>)> done) override {
    sites.push_back({std::move(done)});
  }

  std::optional<std::chrono::seconds> clock_skew() const override { return skew; }

  bool reconciles() const override { return reconciling; }
  void payments_between(
      app::WallTime from, app::WallTime to,
      std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done) override {
    periods.push_back({from, to, std::move(done)});
  }

  // Answers the oldest waiting call of a kind; a test that answers a call nobody made fails.
  template <class Call, class Answer>
  static void answer(std::deque<Call>& calls, Answer&& answer) {
    if (calls.empty()) {
      ADD_FAILURE() << "FakeBackend: no " << call_name<Call>() << " is waiting for an answer";
      return;
    }
    auto call = std::move(calls.front());
    calls.pop_front();
    call.done(std::forward<Answer>(answer));
  }

  template <class Call>
  static const char* call_name() {
    if constexpr (std::is_same_v<Call, Create>)
      return "create_link";
    else if constexpr (std::is_same_v<Call, Status>)
      return "get_status";
    else if constexpr (std::is_same_v<Call, Cancel>)
      return "cancel_link";
    else if constexpr (std::is_same_v<Call, Find>)
      return "find_link";
    else if constexpr (std::is_same_v<Call, Receipt>)
      return "issue_receipt";
    else if constexpr (std::is_same_v<Call, Check>)
      return "check_connection";
    else if constexpr (std::is_same_v<Call, Site>)
      return "read_site";
    else
      return "payments_between";
  }

  std::deque<Create> creates;
  std::deque<Status> statuses;
  std::deque<Cancel> cancels;
  std::deque<Receipt> receipts;
  std::deque<Check> checks;
  std::deque<Find> finds;
  std::deque<Site> sites;
  std::deque<Period> periods;
  bool reconciling = true;
  int cancel_calls = 0;
  std::optional<std::chrono::seconds> skew;
};

}  // namespace linkpos::testing
