#include "app/link_search.hpp"

#include <utility>

#include "app/local_time.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

// The link, if made, was made after the sale started; the margin covers clocks that differ (the
// backend widens it further by the difference it measured).
constexpr auto kClockMargin = 5min;

}  // namespace

LinkSearch::LinkSearch(SaleServices& services) : services_(services), backoff_(2s, 30s) {}

void LinkSearch::once(const store::SaleRecord& sale, Found found, Failed failed) {
  sale_ = sale;
  found_ = std::move(found);
  failed_ = std::move(failed);
  keep_trying_ = false;
  search();
}

void LinkSearch::until_settled(const store::SaleRecord& sale, Found found, Failed trouble) {
  sale_ = sale;
  found_ = std::move(found);
  failed_ = std::move(trouble);
  keep_trying_ = true;
  backoff_.reset();
  search();
}

void LinkSearch::try_now() {
  if (!retry_.pending())
    return;
  retry_.cancel();
  search();
}

void LinkSearch::stop() {
  retry_.cancel();
  sale_.reset();
}

void LinkSearch::search() {
  services_.backend.find_link(
      sale_->reference, from_unix_ms(sale_->started_at_ms) - kClockMargin, sale_->known_links(),
      lifetime_.guard([this](BackendResult<std::optional<PaymentLink>> answer) {
        on_answer(std::move(answer));
      }));
}

void LinkSearch::on_answer(BackendResult<std::optional<PaymentLink>> answer) {
  if (!sale_)
    return;  // stopped meanwhile
  if (answer) {
    sale_.reset();
    return found_(std::move(answer.value()));
  }
  if (keep_trying_)
    retry_ = services_.clock.after(backoff_.next(), [this] { search(); });
  failed_(answer.error());
}

}  // namespace linkpos::app
