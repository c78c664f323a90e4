#include "app/sale.hpp"

#include <utility>

#include "app/local_time.hpp"
#include "app/receipt_layout.hpp"
#include "app/sale_reference.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

constexpr auto kTick = 1s;
constexpr auto kPrintRetry = 10s;
constexpr std::chrono::milliseconds kFirstFindRetry = 2s;
constexpr std::chrono::milliseconds kLongestFindRetry = 30s;
constexpr auto kClockMargin = 5min;

store::SaleEnd ledger_end(SaleOutcome outcome) {
  switch (outcome) {
    case SaleOutcome::kCompleted:
      return store::SaleEnd::kCompleted;
    case SaleOutcome::kCancelled:
    case SaleOutcome::kClosedElsewhere:
      return store::SaleEnd::kCancelled;
    case SaleOutcome::kTimedOut:
      return store::SaleEnd::kExpired;
    case SaleOutcome::kCreateFailed:
    case SaleOutcome::kInterrupted:
      return store::SaleEnd::kFailed;
  }
  return store::SaleEnd::kFailed;
}

}  // namespace

std::string_view describe(BackendFailure failure, const Strings& s) {
  switch (failure) {
    case BackendFailure::kUnreachable:
      return s.failure_unreachable;
    case BackendFailure::kRejectedKey:
      return s.failure_rejected_key;
    case BackendFailure::kRefused:
      return s.failure_refused;
    case BackendFailure::kBusy:
      return s.failure_busy;
    case BackendFailure::kServerError:
      return s.failure_server;
    case BackendFailure::kBadReply:
      return s.failure_bad_reply;
    case BackendFailure::kSecurity:
      return s.failure_security;
    case BackendFailure::kClockWrong:
      return s.failure_clock;
  }
  return s.failure_bad_reply;
}

std::string_view describe(hal::PrinterFault fault, const Strings& s) {
  switch (fault) {
    case hal::PrinterFault::kOffline:
      return s.printer_offline;
    case hal::PrinterFault::kPaperOut:
      return s.printer_paper_out;
    case hal::PrinterFault::kCoverOpen:
      return s.printer_cover_open;
    case hal::PrinterFault::kJobFailed:
      return s.printer_job_failed;
  }
  return s.printer_job_failed;
}

Sale::Sale(SaleServices& services, Money amount, std::function<void()> changed)
    : services_(services), changed_(std::move(changed)), resumed_(false) {
  const auto now = services_.clock.now();
  record_.reference = make_sale_reference(services_.settings.terminal_id, now);
  record_.business_day = business_day(now);
  record_.started_at_ms = to_unix_ms(now);
  record_.currency = amount.currency.code;
  record_.amount_minor = amount.minor;
}

Sale::Sale(SaleServices& services, store::SaleRecord resumed, std::function<void()> changed)
    : services_(services),
      changed_(std::move(changed)),
      record_(std::move(resumed)),
      resumed_(true),
      reprint_(record_.print_pending) {}

Sale::~Sale() = default;

template <class Write>
bool Sale::commit(Write&& write) {
  try {
    std::forward<Write>(write)();
    return true;
  } catch (const store::LedgerError& error) {
    services_.log.error(std::string("sale ") + record_.reference + " stopped: " + error.what());
    tick_timer_.cancel();
    poll_timer_.cancel();
    phase_ = Phase::kLedgerFailed;
    changed_();
    return false;
  }
}

template <class Callback>
auto Sale::guarded(Callback callback) {
  return
      [alive = std::weak_ptr<int>(alive_), callback = std::move(callback)](auto&&... args) mutable {
        if (alive.lock())
          callback(std::forward<decltype(args)>(args)...);
      };
}

PaymentLink Sale::link() const {
  return PaymentLink{record_.link_id, record_.link_url, from_unix_ms(record_.link_expires_at_ms)};
}

Payment Sale::payment() const {
  return Payment{record_.payment_id, Money{record_.paid_amount_minor, services_.settings.currency}};
}

void Sale::start() {
  if (!resumed_) {
    if (!commit([&] { services_.ledger.record_started(record_); }))
      return;
    services_.log.info("sale " + record_.reference + " started: " + format_money(amount()));
    create_link();
    return;
  }
  services_.log.info("sale " + record_.reference + " resumed after a restart");
  switch (record_.stage) {
    case store::SaleStage::kStarted:
      // The create may have reached the service before the power went: look for its link. A
      // sale from before a restart is not started again if there is none.
      settle_uncertain_create(/*create_if_missing=*/false);
      return;
    case store::SaleStage::kLinkCreated:
      enter_waiting(/*poll_now=*/true);
      return;
    case store::SaleStage::kPaid:
      close_paid_link();
      issue_receipt();
      return;
    case store::SaleStage::kReceiptIssued:
      close_paid_link();
      print();
      return;
    case store::SaleStage::kPrinted:
      close_paid_link();
      end(SaleOutcome::kCompleted, "receipt was printed before the restart");
      return;
    case store::SaleStage::kEnded:
      return;
  }
}

void Sale::cancel() {
  if (phase_ == Phase::kCreating) {
    // The create request may already be at the server: wait for its answer, then close the link.
    cancel_requested_ = true;
    changed_();
    if (find_retry_timer_.pending()) {
      find_retry_timer_.cancel();
      find_link();  // one more look now, rather than after the back-off
    }
  } else if (phase_ == Phase::kWaiting) {
    cancel_requested_ = true;
    begin_closing(Closing::kByCashier);
  }
}

void Sale::retry_print() {
  if (phase_ == Phase::kPrintFailed)
    print();
}

std::chrono::seconds Sale::time_left() const {
  const auto left = deadline_ - services_.clock.monotonic_now();
  if (left <= std::chrono::steady_clock::duration::zero())
    return 0s;
  return std::chrono::ceil<std::chrono::seconds>(left);
}

void Sale::create_link() {
  phase_ = Phase::kCreating;
  changed_();
  const auto now = services_.clock.now();
  LinkRequest request;
  request.reference = record_.reference;
  request.title =
      fill(services_.strings.link_title,
           {{"merchant", services_.settings.merchant.name}, {"reference", record_.reference}});
  request.lines = {SaleLine{std::string(services_.strings.sale_line_name), amount()}};
  request.total = amount();
  request.expires_at = now + services_.settings.link_validity;
  services_.backend.create_link(request, guarded([this](BackendResult<PaymentLink> result) {
                                  on_link_created(std::move(result));
                                }));
}

void Sale::on_link_created(BackendResult<PaymentLink> result) {
  if (!result && result.error().uncertain) {
    services_.log.warn("sale " + record_.reference + ": the create may have reached the service (" +
                       result.error().detail + "); looking for its link before trying again");
    settle_uncertain_create(/*create_if_missing=*/true);
    return;
  }
  if (!result) {
    const BackendError& error = result.error();
    services_.log.warn("sale " + record_.reference + ": no payment link: " + error.detail);
    create_error_ = error;
    end(cancel_requested_ ? SaleOutcome::kCancelled : SaleOutcome::kCreateFailed, error.detail);
    return;
  }
  const PaymentLink& made = result.value();
  const auto expires_ms = to_unix_ms(made.expires_at);
  if (!commit([&] {
        services_.ledger.record_link_created(record_.reference, made.id, made.url, expires_ms);
      })) {
    return;
  }
  record_.stage = store::SaleStage::kLinkCreated;
  record_.link_id = made.id;
  record_.link_url = made.url;
  record_.link_expires_at_ms = expires_ms;
  services_.log.info("sale " + record_.reference + ": link " + made.id + " " + made.url);
  if (cancel_requested_) {
    begin_closing(Closing::kByCashier);
  } else {
    enter_waiting(/*poll_now=*/false);
  }
}

void Sale::settle_uncertain_create(bool create_if_missing) {
  if (!record_.create_uncertain) {
    if (!commit([&] { services_.ledger.record_create_uncertain(record_.reference); }))
      return;
    record_.create_uncertain = true;
  }
  create_if_missing_ = create_if_missing;
  find_backoff_ = kFirstFindRetry;
  phase_ = Phase::kCreating;
  changed_();
  find_link();
}

void Sale::find_link() {
  // The link, if made, was made after the sale started; the margin covers clock differences.
  const auto since = from_unix_ms(record_.started_at_ms) - kClockMargin;
  services_.backend.find_link(
      record_.reference, since, guarded([this](BackendResult<std::optional<PaymentLink>> found) {
        if (!found) {
          trouble_ = found.error().failure;
          if (cancel_requested_) {
            // The link closer goes on looking, and closes the link if it turns up.
            end(SaleOutcome::kCancelled, "cancelled while it was unknown whether a link was made");
            return;
          }
          services_.log.warn("sale " + record_.reference +
                             ": cannot look for its link yet: " + found.error().detail);
          find_retry_timer_ = services_.clock.after(find_backoff_, [this] { find_link(); });
          find_backoff_ = std::min(find_backoff_ * 2, kLongestFindRetry);
          changed_();
          return;
        }
        trouble_.reset();
        if (found.value()) {
          services_.log.info("sale " + record_.reference + ": found the link its create made");
          on_link_created(*found.value());
          return;
        }
        if (!commit([&] { services_.ledger.record_create_settled(record_.reference); }))
          return;
        record_.create_uncertain = false;
        if (cancel_requested_) {
          end(SaleOutcome::kCancelled, "cancelled; no link had been made");
        } else if (create_if_missing_) {
          create_link();  // none exists: now a new create cannot make a second link
        } else {
          end(SaleOutcome::kInterrupted, "interrupted before its payment link was created");
        }
      }));
}

void Sale::enter_waiting(bool poll_now) {
  phase_ = Phase::kWaiting;
  // The deadline is kept on the monotonic clock; the wall clock only places it after a restart.
  // It counts from the sale's start (the link follows within moments) and never passes the
  // link's own expiry.
  const auto wall_deadline =
      std::min(from_unix_ms(record_.started_at_ms) + services_.settings.payment_timeout,
               from_unix_ms(record_.link_expires_at_ms));
  const auto left = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      wall_deadline - services_.clock.now());
  deadline_ = services_.clock.monotonic_now() + left;
  if (time_left() == 0s) {
    begin_closing(Closing::kTimeout);
    return;
  }
  changed_();
  tick_timer_ = services_.clock.after(kTick, [this] { tick(); });
  if (poll_now) {
    poll();
  } else {
    poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
  }
}

void Sale::tick() {
  if (phase_ != Phase::kWaiting)
    return;
  if (time_left() == 0s) {
    begin_closing(Closing::kTimeout);
    return;
  }
  changed_();
  tick_timer_ = services_.clock.after(kTick, [this] { tick(); });
}

void Sale::poll() {
  if (phase_ != Phase::kWaiting || poll_in_flight_)
    return;
  poll_in_flight_ = true;
  services_.backend.get_status(
      link(), guarded([this](BackendResult<LinkStatus> result) { on_polled(std::move(result)); }));
}

void Sale::on_polled(BackendResult<LinkStatus> result) {
  poll_in_flight_ = false;
  if (phase_ != Phase::kWaiting)
    return;  // closing makes its own last check
  if (!result) {
    services_.log.warn("sale " + record_.reference + ": poll failed: " + result.error().detail);
    if (trouble_ != result.error().failure) {
      trouble_ = result.error().failure;
      changed_();
    }
  } else {
    const bool had_trouble = std::exchange(trouble_, std::nullopt).has_value();
    const LinkStatus& status = result.value();
    if (!status.payments.empty()) {
      on_paid(status.payments);
      return;
    }
    if (status.state == LinkState::kExpired) {
      begin_closing(Closing::kTimeout);
      return;
    }
    if (status.state == LinkState::kPaid) {
      // Paid, yet no payment listed: the service is still catching up. Look again; never end
      // a sale on this.
      services_.log.warn("sale " + record_.reference + ": the link says PAID but lists no payment yet");
    } else if (status.state == LinkState::kInactive) {
      if (!commit([&] { services_.ledger.record_link_closed(record_.reference); }))
        return;
      record_.link_closed = true;
      end(SaleOutcome::kClosedElsewhere, "link closed outside the terminal, no payment on it");
      return;
    }
    if (had_trouble)
      changed_();
  }
  poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
}

void Sale::begin_closing(Closing why) {
  phase_ = Phase::kCancelling;
  closing_ = why;
  tick_timer_.cancel();
  poll_timer_.cancel();
  changed_();
  services_.backend.cancel_link(
      link(), guarded([this](BackendResult<void> result) {
        if (!result) {
          close_unconfirmed_ = true;
          services_.log.warn("sale " + record_.reference +
                             ": link not confirmed closed: " + result.error().detail);
        }
        // Whatever the answer, look once more: a customer may have
        // paid in the last moment.
        services_.backend.get_status(link(), guarded([this](BackendResult<LinkStatus> status) {
                                       on_final_status(std::move(status));
                                     }));
      }));
}

void Sale::on_final_status(BackendResult<LinkStatus> result) {
  // Closed means confirmed: the deactivation answered, or the link says it takes no more.
  const bool closed =
      result && (!close_unconfirmed_ || result.value().state != LinkState::kPending);
  if (closed) {
    if (!commit([&] { services_.ledger.record_link_closed(record_.reference); }))
      return;
    record_.link_closed = true;
  }
  if (result && !result.value().payments.empty()) {
    on_paid(result.value().payments);
    return;
  }
  std::string detail =
      *closing_ == Closing::kByCashier ? "cancelled by the cashier" : "payment timeout";
  if (close_unconfirmed_)
    detail += "; the link was not confirmed closed";
  if (!result)
    detail += "; last check failed: " + result.error().detail;
  end(*closing_ == Closing::kByCashier ? SaleOutcome::kCancelled : SaleOutcome::kTimedOut, detail);
}

void Sale::on_paid(const std::vector<Payment>& payments) {
  tick_timer_.cancel();
  poll_timer_.cancel();
  const Payment& first = payments.front();
  const auto paid_at = to_unix_ms(services_.clock.now());
  std::int64_t number = 0;
  if (!commit([&] {
        number =
            services_.ledger.record_paid(record_.reference, first.id, first.amount.minor, paid_at);
      })) {
    return;
  }
  record_.stage = store::SaleStage::kPaid;
  record_.payment_id = first.id;
  record_.paid_amount_minor = first.amount.minor;
  record_.paid_at_ms = paid_at;
  record_.receipt_number = number;
  services_.log.info("sale " + record_.reference + ": paid " + format_money(first.amount) +
                     " (payment " + first.id + ")");
  keep_extra_payments(payments);
  close_paid_link();
  issue_receipt();
}

void Sale::keep_extra_payments(const std::vector<Payment>& payments) {
  for (const Payment& extra : payments) {
    if (extra.id == record_.payment_id)
      continue;
    bool kept = false;
    if (!commit([&] {
          kept = services_.ledger.record_extra_payment(
              record_.reference, extra.id, extra.amount.minor, to_unix_ms(services_.clock.now()));
        })) {
      return;
    }
    if (kept) {
      services_.log.warn("sale " + record_.reference + ": another payment " + extra.id + " of " +
                         format_money(extra.amount) + " on the same link: it needs a refund");
    }
  }
}

void Sale::close_paid_link() {
  // A Wix link can take more than one payment: stop it at once. If the service cannot be
  // reached now, the terminal's link closer keeps trying after the sale has ended.
  if (record_.link_closed)
    return;
  services_.backend.cancel_link(
      link(), guarded([this](BackendResult<void> closed) {
        if (!closed) {
          services_.log.warn("sale " + record_.reference +
                             ": link still open after payment: " + closed.error().detail);
          return;
        }
        services_.backend.get_status(
            link(), guarded([this](BackendResult<LinkStatus> status) {
              if (!status)
                return;  // the last look is the link closer's, later
              keep_extra_payments(status.value().payments);
              if (commit([&] { services_.ledger.record_link_closed(record_.reference); })) {
                record_.link_closed = true;
              }
            }));
      }));
}

void Sale::issue_receipt() {
  phase_ = Phase::kIssuing;
  changed_();
  services_.backend.issue_receipt(
      link(), payment(), guarded([this](BackendResult<std::string> result) {
        std::string receipt_id;
        if (result) {
          receipt_id = result.value();
        } else {
          // The customer's paper receipt matters more than the service's copy: print without it.
          services_.log.warn("sale " + record_.reference +
                             ": no backend receipt: " + result.error().detail);
        }
        if (!commit(
                [&] { services_.ledger.record_receipt_issued(record_.reference, receipt_id); })) {
          return;
        }
        record_.stage = store::SaleStage::kReceiptIssued;
        record_.backend_receipt_id = receipt_id;
        print();
      }));
}

void Sale::print() {
  print_retry_timer_.cancel();
  if (!commit([&] { services_.ledger.record_print_started(record_.reference); }))
    return;
  phase_ = Phase::kPrinting;
  print_error_.reset();
  changed_();
  const auto copy = reprint_ ? ReceiptCopy::kReprintAfterPowerLoss : ReceiptCopy::kOriginal;
  services_.printer.print(
      layout_receipt(record_, services_.settings, services_.strings, copy),
      guarded([this](std::optional<hal::PrintError> error) { on_printed(std::move(error)); }));
}

void Sale::on_printed(std::optional<hal::PrintError> error) {
  if (error) {
    services_.log.warn("sale " + record_.reference + ": receipt not printed: " + error->detail);
    if (!commit([&] { services_.ledger.record_print_failed(record_.reference, error->detail); }))
      return;
    print_error_ = std::move(error);
    phase_ = Phase::kPrintFailed;
    // Printing resumes by itself once the paper is in or the printer is back.
    print_retry_timer_ = services_.clock.after(kPrintRetry, [this] { print(); });
    changed_();
    return;
  }
  if (!commit([&] { services_.ledger.record_printed(record_.reference); }))
    return;
  record_.stage = store::SaleStage::kPrinted;
  record_.prints += 1;
  end(SaleOutcome::kCompleted, "receipt printed");
}

void Sale::end(SaleOutcome outcome, const std::string& detail) {
  tick_timer_.cancel();
  poll_timer_.cancel();
  print_retry_timer_.cancel();
  find_retry_timer_.cancel();
  if (!commit(
          [&] { services_.ledger.record_ended(record_.reference, ledger_end(outcome), detail); })) {
    return;
  }
  record_.stage = store::SaleStage::kEnded;
  record_.end = ledger_end(outcome);
  record_.end_detail = detail;
  outcome_ = outcome;
  phase_ = Phase::kEnded;
  services_.log.info("sale " + record_.reference + " ended: " + detail);
  changed_();
}

}  // namespace linkpos::app
