#include "app/link_closer.hpp"

#include <algorithm>
#include <utility>

#include "app/local_time.hpp"
#include "app/payment_records.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

}  // namespace

LinkCloser::LinkCloser(SaleServices& services, std::function<void()> refund_found)
    : services_(services),
      refund_found_(std::move(refund_found)),
      search_(services),
      backoff_(5s, 5min) {}

void LinkCloser::wake() {
  if (running_) {
    // This pass read the ledger before whatever woke it: another pass follows it.
    woken_during_pass_ = true;
    return;
  }
  backoff_.reset();
  timer_ = services_.clock.after(0ms, [this] { run_pass(); });
}

bool LinkCloser::commit(store::LedgerResult<store::SaleRecord> written) {
  if (written)
    return true;
  services_.log.error(written.error().message);
  failed_this_pass_ = true;
  return false;
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
  search_.once(
      sale, [this, sale](std::optional<PaymentLink> found) { on_settled(sale, std::move(found)); },
      [this](const BackendError&) {
        failed_this_pass_ = true;
        settle_next();
      });
}

void LinkCloser::on_settled(const store::SaleRecord& sale, std::optional<PaymentLink> found) {
  if (found) {
    if (commit(services_.ledger.record_late_link(sale.reference, found->id, found->url,
                                                 to_unix_ms(found->expires_at)))) {
      services_.log.warn("sale " + sale.reference + " had a link after all (" + found->id +
                         "): closing it");
    }
  } else {
    commit(services_.ledger.record_create_settled(sale.reference));
  }
  settle_next();
}

void LinkCloser::close_next() {
  if (queue_.empty()) {
    on_pass_done();
    return;
  }
  const store::SaleRecord sale = queue_.back();
  queue_.pop_back();
  const PaymentLink link{sale.link_id, sale.link_url, from_unix_ms(sale.link_expires_at_ms)};
  close_then_look(services_.backend, link, lifetime_.guard([this, sale](ClosedLink closed) {
    on_closed(sale, std::move(closed));
  }));
}

void LinkCloser::on_closed(const store::SaleRecord& sale, ClosedLink closed) {
  if (!closed.confirmed) {
    services_.log.warn(
        "link " + sale.link_id + " of sale " + sale.reference + " still not confirmed closed: " +
        (closed.close_failure ? closed.close_failure->detail : closed.last_look.error().detail));
    failed_this_pass_ = true;
    return close_next();
  }
  // The sale has ended: whatever the last look finds is owed back.
  const auto& payments = closed.last_look.value().payments;
  const auto kept = services_.ledger.record_payments(
      sale.reference, as_records(payments, to_unix_ms(services_.clock.now())));
  if (!commit(kept))
    return close_next();
  const bool found = kept.value().payments.size() > sale.payments.size();
  if (found) {
    services_.log.warn("sale " + sale.reference + ": a payment came in on link " + sale.link_id +
                       " after the sale: it is on the refund list");
  }
  if (commit(services_.ledger.record_link_closed(sale.reference))) {
    services_.log.info("link " + sale.link_id + " of sale " + sale.reference + " confirmed closed");
  }
  if (found && refund_found_)
    refund_found_();
  close_next();
}

void LinkCloser::on_pass_done() {
  running_ = false;
  if (std::exchange(woken_during_pass_, false)) {
    backoff_.reset();
    timer_ = services_.clock.after(0ms, [this] { run_pass(); });
    return;
  }
  if (!failed_this_pass_) {
    backoff_.reset();
    return;
  }
  timer_ = services_.clock.after(backoff_.next(), [this] { run_pass(); });
}

}  // namespace linkpos::app
