#include "app/link_closer.hpp"

#include <algorithm>
#include <utility>

#include "app/local_time.hpp"
#include "app/payment_records.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds kFirstRetry = 5s;
constexpr std::chrono::milliseconds kLongestRetry = 5min;

}  // namespace

LinkCloser::LinkCloser(SaleServices& services, std::function<void()> extra_payment_found)
    : services_(services),
      extra_payment_found_(std::move(extra_payment_found)),
      backoff_(kFirstRetry) {}

LinkCloser::~LinkCloser() = default;

void LinkCloser::wake() {
  if (running_)
    return;
  backoff_ = kFirstRetry;
  timer_ = services_.clock.after(0ms, [this] { run_pass(); });
}

void LinkCloser::run_pass() {
  try {
    uncertain_ = services_.ledger.uncertain_creates();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
    return;
  }
  running_ = true;
  failed_this_pass_ = false;
  settle_next();
}

void LinkCloser::settle_next() {
  if (uncertain_.empty()) {
    // Then the links, including any the searches just found.
    try {
      queue_ = services_.ledger.links_to_close();
    } catch (const store::LedgerError& error) {
      services_.log.error(error.what());
      running_ = false;
      return;
    }
    // A sale still running closes its own link; only ended sales are this closer's.
    std::erase_if(queue_, [](const auto& sale) { return sale.stage != store::SaleStage::kEnded; });
    close_next();
    return;
  }
  const store::SaleRecord sale = uncertain_.back();
  uncertain_.pop_back();
  const auto alive = std::weak_ptr<int>(alive_);
  services_.backend.find_link(
      sale.reference, from_unix_ms(sale.started_at_ms) - std::chrono::minutes(5),
      sale.known_links(), [this, alive, sale](BackendResult<std::optional<PaymentLink>> found) {
        if (!alive.lock())
          return;
        if (!found) {
          failed_this_pass_ = true;
        } else {
          try {
            if (found.value()) {
              const PaymentLink& link = *found.value();
              services_.ledger.record_late_link(sale.reference, link.id, link.url,
                                                to_unix_ms(link.expires_at));
              services_.log.warn("sale " + sale.reference + " had a link after all (" + link.id +
                                 "): closing it");
            } else {
              services_.ledger.record_create_settled(sale.reference);
            }
          } catch (const store::LedgerError& error) {
            services_.log.error(error.what());
            failed_this_pass_ = true;
          }
        }
        settle_next();
      });
}

void LinkCloser::close_next() {
  if (queue_.empty()) {
    on_pass_done(!failed_this_pass_);
    return;
  }
  const store::SaleRecord sale = queue_.back();
  queue_.pop_back();
  const PaymentLink link{sale.link_id, sale.link_url, from_unix_ms(sale.link_expires_at_ms)};
  const auto alive = std::weak_ptr<int>(alive_);
  services_.backend.cancel_link(link, [this, alive, sale, link](BackendResult<void> closed) {
    if (!alive.lock())
      return;
    if (!closed) {
      services_.log.warn("link " + sale.link_id + " of sale " + sale.reference +
                         " still not confirmed closed: " + closed.error().detail);
      failed_this_pass_ = true;
      close_next();
      return;
    }
    services_.backend.get_status(link, [this, alive, sale](BackendResult<LinkStatus> status) {
      if (!alive.lock())
        return;
      if (!status) {
        failed_this_pass_ = true;
        close_next();
        return;
      }
      try {
        const auto& payments = status.value().payments;
        const bool found =
            services_.ledger.record_payments(
                sale.reference, as_records(payments, to_unix_ms(services_.clock.now()))) > 0;
        if (found) {
          services_.log.warn("sale " + sale.reference + ": a payment came in on link " +
                             sale.link_id + " after the sale: it is on the refund list");
        }
        services_.ledger.record_link_closed(sale.reference);
        services_.log.info("link " + sale.link_id + " of sale " + sale.reference +
                           " confirmed closed");
        if (found && extra_payment_found_)
          extra_payment_found_();
      } catch (const store::LedgerError& error) {
        services_.log.error(error.what());
        failed_this_pass_ = true;
      }
      close_next();
    });
  });
}

void LinkCloser::on_pass_done(bool all_closed) {
  running_ = false;
  if (all_closed) {
    backoff_ = kFirstRetry;
    return;
  }
  timer_ = services_.clock.after(backoff_, [this] { run_pass(); });
  backoff_ = std::min(backoff_ * 2, kLongestRetry);
}

}  // namespace linkpos::app
