#pragma once

#include <chrono>
#include <map>
#include <string>

#include "app/payment_backend.hpp"
#include "hal/clock.hpp"

namespace linkpos::demo {

struct DemoSettings {
  std::chrono::milliseconds pay_after{5000};  // a link is paid this long after it was made
  std::chrono::milliseconds latency{300};     // every answer takes this long, like a network
};

// A payment service that exists only in memory: every link is paid in full after a fixed delay,
// unless it is cancelled first. For demonstrations and trying the terminal; it moves no money.
class DemoBackend final : public app::PaymentBackend {
 public:
  DemoBackend(hal::Clock& clock, DemoSettings settings);

  void create_link(const app::LinkRequest& request,
                   std::function<void(app::BackendResult<app::PaymentLink>)> done) override;
  void get_status(const app::PaymentLink& link,
                  std::function<void(app::BackendResult<app::LinkReport>)> done) override;
  void find_link(
      const std::string& reference, app::WallTime since, const std::vector<std::string>& known,
      std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) override;
  void cancel_link(const app::PaymentLink& link,
                   std::function<void(app::BackendResult<void>)> done) override;
  void issue_receipt(const app::Payment& payment,
                     std::function<void(app::BackendResult<std::string>)> done) override;
  void check_connection(std::function<void(app::BackendResult<void>)> done) override;
  void read_site(std::function<void(app::BackendResult<app::SiteProperties>)> done) override;
  std::optional<std::chrono::seconds> clock_skew() const override;
  bool reconciles() const override { return false; }
  void payments_between(
      app::WallTime from, app::WallTime to,
      std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done) override;

 private:
  struct DemoLink {
    std::string reference;
    std::string url;
    app::WallTime expires_at;
    std::int64_t thousandths = 0;
    std::chrono::steady_clock::time_point pays_at;
    bool cancelled = false;
  };

  // Answers after the configured latency, as a real service would.
  void later(std::function<void()> answer);
  app::LinkReport status_of(const std::string& id, const DemoLink& link) const;

  hal::Clock& clock_;
  DemoSettings settings_;
  std::map<std::string, DemoLink> links_;
  std::map<long, hal::Timer> answers_;
  long next_answer_ = 0;
  long links_made_ = 0;
};

}  // namespace linkpos::demo
