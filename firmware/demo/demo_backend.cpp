#include "demo/demo_backend.hpp"

#include <algorithm>
#include <cstdlib>

#include "app/exact_amount.hpp"

namespace linkpos::demo {

DemoBackend::DemoBackend(hal::Clock& clock, DemoSettings settings)
    : clock_(clock), settings_(settings) {}

void DemoBackend::later(std::function<void()> answer) {
  const long id = next_answer_++;
  answers_.emplace(id, clock_.after(settings_.latency, [this, id, answer = std::move(answer)] {
    answer();
    answers_.erase(id);
  }));
}

app::LinkReport DemoBackend::status_of(const std::string& id, const DemoLink& link) const {
  if (link.cancelled)
    return app::LinkReport{app::LinkState::kInactive, {}};
  if (clock_.monotonic_now() < link.pays_at)
    return app::LinkReport{};
  app::Payment payment;
  payment.id = "payment-" + id;
  payment.link_id = id;
  payment.thousandths = link.thousandths;
  payment.kind = "REGULAR";
  payment.payer = "Demo Customer";
  payment.card = "**** **** **** 4242";
  return app::LinkReport{app::LinkState::kPaid, {payment}};
}

void DemoBackend::create_link(const app::LinkRequest& request,
                              std::function<void(app::BackendResult<app::PaymentLink>)> done) {
  // The amount (exact thousandths) rides in the id so a link from before a restart can still be
  // answered; a sale's second link (for the rest) gets an id of its own.
  const std::int64_t thousandths = app::to_thousandths(request.total);
  const std::string id = "demo-" + std::to_string(thousandths) + "-" + request.reference + "-" +
                         std::to_string(++links_made_);
  app::PaymentLink link{id, "https://linkpos.invalid/demo/pay/" + request.reference,
                        request.expires_at};
  links_[id] = DemoLink{request.reference, link.url, link.expires_at, thousandths,
                        clock_.monotonic_now() + settings_.pay_after};
  later([link, done = std::move(done)] { done(link); });
}

void DemoBackend::get_status(const app::PaymentLink& link,
                             std::function<void(app::BackendResult<app::LinkReport>)> done) {
  auto found = links_.find(link.id);
  if (found == links_.end()) {
    // A link from before a restart: the demo kept nothing, so it counts as paid from now on.
    const auto thousandths = std::strtoll(link.id.c_str() + link.id.find('-') + 1, nullptr, 10);
    found = links_
                .emplace(link.id, DemoLink{"", link.url, link.expires_at, thousandths,
                                           clock_.monotonic_now()})
                .first;
  }
  later(
      [status = status_of(found->first, found->second), done = std::move(done)] { done(status); });
}

void DemoBackend::find_link(
    const std::string& reference, app::WallTime, const std::vector<std::string>& known,
    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) {
  std::optional<app::PaymentLink> found;
  for (const auto& [id, link] : links_) {
    if (link.reference == reference && std::find(known.begin(), known.end(), id) == known.end())
      found = app::PaymentLink{id, link.url, link.expires_at};
  }
  later([found, done = std::move(done)] { done(found); });
}

void DemoBackend::cancel_link(const app::PaymentLink& link,
                              std::function<void(app::BackendResult<void>)> done) {
  const auto found = links_.find(link.id);
  if (found != links_.end() && status_of(found->first, found->second).payments.empty()) {
    found->second.cancelled = true;
  }
  later([done = std::move(done)] { done(BOOST_OUTCOME_V2_NAMESPACE::success()); });
}

void DemoBackend::issue_receipt(const app::Payment& payment,
                                std::function<void(app::BackendResult<std::string>)> done) {
  later([id = "demo-receipt-" + payment.id, done = std::move(done)] { done(id); });
}

void DemoBackend::check_connection(std::function<void(app::BackendResult<void>)> done) {
  later([done = std::move(done)] { done(BOOST_OUTCOME_V2_NAMESPACE::success()); });
}

void DemoBackend::read_site(std::function<void(app::BackendResult<app::SiteProperties>)> done) {
  // The demo is no site: it names no currency, so the configured one is used.
  later([done = std::move(done)] { done(app::SiteProperties{}); });
}

std::optional<std::chrono::seconds> DemoBackend::clock_skew() const {
  return std::nullopt;  // the demo runs on the terminal's own clock
}

void DemoBackend::payments_between(
    app::WallTime, app::WallTime,
    std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done) {
  // Nothing to reconcile with: the demo's payments live in the terminal's own ledger only.
  later([done = std::move(done)] { done(std::vector<app::ServicePayment>{}); });
}

}  // namespace linkpos::demo
