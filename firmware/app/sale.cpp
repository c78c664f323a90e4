#include "app/sale.hpp"

#include <algorithm>
#include <utility>

#include "app/exact_amount.hpp"
#include "app/local_time.hpp"
#include "app/payment_records.hpp"
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
    case SaleOutcome::kUnresolved:
      return store::SaleEnd::kUnresolved;
  }
  return store::SaleEnd::kFailed;
}

// Payments waiting to be counted: kept before the sale was paid, and not owed back.
bool uncounted(const store::PaymentRecord& payment) {
  return !payment.counted && payment.refund_reason == store::RefundReason::kNone;
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
  record_.link_amount_minor = amount.minor;
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
    if (auto now = services_.ledger.find(record_.reference))
      record_ = std::move(*now);
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

Money Sale::link_amount() const {
  return Money{record_.link_amount_minor > 0 ? record_.link_amount_minor : record_.amount_minor,
               services_.settings.currency};
}

Settlement Sale::settlement() const {
  std::vector<CountedPayment> counted;
  for (const store::PaymentRecord& payment : record_.payments) {
    if ((payment.counted || uncounted(payment)) && payment.amount_thousandths)
      counted.push_back(CountedPayment{payment.payment_id, *payment.amount_thousandths});
  }
  return settle(amount(), counted);
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
    case store::SaleStage::kUnderpaid:
      if (record_.create_uncertain) {
        // CHARGE had asked for a link for the rest: did it reach the service?
        settle_uncertain_create(/*create_if_missing=*/false);
      } else {
        enter_underpaid();
      }
      return;
    case store::SaleStage::kCheckPayment:
      enter_check_payment();
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

void Sale::charge_rest() {
  if (phase_ != Phase::kUnderpaid)
    return;
  if (!record_.link_closed) {
    // The first link must take no more before a second one asks for the rest.
    trouble_ = BackendFailure::kUnreachable;
    close_paid_link();
    changed_();
    return;
  }
  // Marked first: if the power goes while the create is out, the restart looks for its link.
  if (!commit([&] { services_.ledger.record_create_uncertain(record_.reference); }))
    return;
  cancel_requested_ = false;
  create_link();
}

void Sale::accept_underpaid() {
  if (phase_ != Phase::kUnderpaid)
    return;
  const Settlement now = settlement();
  on_paid(now, to_thousandths(amount()) - now.paid_thousandths);
}

void Sale::look_again() {
  if (phase_ != Phase::kCheckPayment || looking_again_)
    return;
  looking_again_ = true;
  changed_();
  services_.backend.get_status(link(), guarded([this](BackendResult<LinkStatus> result) {
                                 looking_again_ = false;
                                 if (!result) {
                                   trouble_ = result.error().failure;
                                   changed_();
                                   return;
                                 }
                                 trouble_.reset();
                                 if (!keep_payments(result.value().payments))
                                   return;
                                 if (!settle_payments(result.value().state != LinkState::kPending))
                                   changed_();
                               }));
}

void Sale::give_up() {
  if (phase_ != Phase::kCheckPayment)
    return;
  end(SaleOutcome::kUnresolved, "a payment could not be read; the cashier gave up on the sale");
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
  // A link for the rest of an underpaid sale says so, so the customer knows what it is for.
  const bool rest = record_.stage == store::SaleStage::kUnderpaid;
  const Money asked = rest ? settlement().shortfall : amount();
  pending_link_amount_ = asked.minor;
  request.lines = {SaleLine{
      std::string(rest ? services_.strings.rest_line_name : services_.strings.sale_line_name),
      asked}};
  request.total = asked;
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
    if (record_.stage == store::SaleStage::kUnderpaid) {
      // The money already taken stays with the sale: back to the cashier's choice.
      if (commit([&] { services_.ledger.record_create_settled(record_.reference); })) {
        trouble_ = error.failure;
        enter_underpaid();
      }
      return;
    }
    create_error_ = error;
    end(cancel_requested_ ? SaleOutcome::kCancelled : SaleOutcome::kCreateFailed, error.detail);
    return;
  }
  const PaymentLink& made = result.value();
  const auto expires_ms = to_unix_ms(made.expires_at);
  const std::int64_t asked =
      pending_link_amount_ > 0 ? pending_link_amount_ : settlement().shortfall.minor;
  if (!commit([&] {
        services_.ledger.record_link_created(record_.reference, made.id, made.url, expires_ms,
                                             asked);
      })) {
    return;
  }
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
      record_.reference, since, record_.known_links(),
      guarded([this](BackendResult<std::optional<PaymentLink>> found) {
        if (!found) {
          trouble_ = found.error().failure;
          if (cancel_requested_ && record_.stage == store::SaleStage::kStarted) {
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
        if (record_.stage == store::SaleStage::kUnderpaid) {
          // No link for the rest was made: the cashier chooses again.
          phase_ = Phase::kUnderpaid;
          if (create_if_missing_ && !cancel_requested_) {
            charge_rest();  // marks the new create uncertain again before sending it
          } else {
            enter_underpaid();
          }
          return;
        }
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
  // It counts from the link's making (for the first link, the sale's start: the link follows
  // within moments) and never passes the link's own expiry.
  const auto expires = from_unix_ms(record_.link_expires_at_ms);
  const auto made = record_.payments.empty() ? from_unix_ms(record_.started_at_ms)
                                             : expires - services_.settings.link_validity;
  const auto wall_deadline = std::min(made + services_.settings.payment_timeout, expires);
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
    if (!keep_payments(status.payments))
      return;
    const bool link_final = status.state != LinkState::kPending;
    if (link_final && !record_.payments.empty() && !settlement().paid() && !record_.link_closed) {
      // It takes no more, so what it took is all there is: the sale is underpaid.
      if (!commit([&] { services_.ledger.record_link_closed(record_.reference); }))
        return;
    }
    if (settle_payments(link_final))
      return;
    if (status.state == LinkState::kExpired) {
      begin_closing(Closing::kTimeout);
      return;
    }
    if (status.state == LinkState::kPaid && status.payments.empty()) {
      // Paid, yet no payment listed: the service is still catching up. Look again; never end
      // a sale on this.
      services_.log.warn("sale " + record_.reference + ": the link says PAID but lists no payment yet");
    } else if (status.state == LinkState::kInactive && record_.payments.empty()) {
      if (!commit([&] { services_.ledger.record_link_closed(record_.reference); }))
        return;
      end(SaleOutcome::kClosedElsewhere, "link closed outside the terminal, no payment on it");
      return;
    }
    if (had_trouble || !status.payments.empty())
      changed_();
  }
  poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
}

bool Sale::keep_payments(const std::vector<Payment>& payments) {
  if (payments.empty())
    return true;
  int kept = 0;
  if (!commit([&] {
        kept = services_.ledger.record_payments(
            record_.reference, as_records(payments, to_unix_ms(services_.clock.now())));
      })) {
    return false;
  }
  if (kept == 0)
    return true;
  for (const Payment& payment : payments) {
    if (!payment.readable()) {
      // Logged with its id, and kept: an entry this terminal cannot read is still money.
      services_.log.warn("sale " + record_.reference + ": a payment entry (id " +
                         (payment.id.empty() ? std::string("none") : payment.id) +
                         ") cannot be read: " + payment.problem);
    } else if (record_.stage >= store::SaleStage::kPaid) {
      services_.log.warn("sale " + record_.reference + ": another payment " + payment.id + " of " +
                         format_exact(*payment.thousandths, services_.settings.currency) +
                         " on its link after it was paid: it needs a refund");
    }
  }
  return true;
}

bool Sale::settle_payments(bool link_final) {
  if (record_.stage >= store::SaleStage::kPaid)
    return false;
  const bool any_unreadable = std::any_of(
      record_.payments.begin(), record_.payments.end(),
      [](const store::PaymentRecord& payment) {
        return uncounted(payment) && !payment.amount_thousandths;
      });
  const Settlement now = settlement();
  if (now.paid()) {
    on_paid(now, 0);
    return true;
  }
  if (any_unreadable) {
    enter_check_payment();
    return true;
  }
  const bool any_payment = std::any_of(record_.payments.begin(), record_.payments.end(), uncounted);
  if (any_payment && link_final) {
    enter_underpaid();
    return true;
  }
  return false;  // part paid on a link that still takes payments (a checkout in parts), or none
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
  }
  if (result && !keep_payments(result.value().payments))
    return;
  // Money taken is never dropped: with payments the sale settles on them, even when the last
  // look failed (an underpaid sale's link is then closed in the background).
  if (settle_payments(/*link_final=*/true))
    return;
  std::string detail =
      *closing_ == Closing::kByCashier ? "cancelled by the cashier" : "payment timeout";
  if (close_unconfirmed_)
    detail += "; the link was not confirmed closed";
  if (!result)
    detail += "; last check failed: " + result.error().detail;
  end(*closing_ == Closing::kByCashier ? SaleOutcome::kCancelled : SaleOutcome::kTimedOut, detail);
}

void Sale::on_paid(const Settlement& settlement, std::int64_t written_off_thousandths) {
  tick_timer_.cancel();
  poll_timer_.cancel();
  const auto paid_at = to_unix_ms(services_.clock.now());
  std::vector<std::pair<std::string, std::int64_t>> overpaid;
  for (const RefundShare& share : settlement.refunds)
    overpaid.emplace_back(share.payment_id, to_thousandths(share.amount));
  if (!commit([&] {
        services_.ledger.record_paid(record_.reference, paid_at, overpaid,
                                     written_off_thousandths);
      })) {
    return;
  }
  services_.log.info("sale " + record_.reference + ": paid " +
                     format_exact(settlement.paid_thousandths, services_.settings.currency) +
                     " of " + format_money(amount()) + " in " +
                     std::to_string(record_.payments.size()) + " payment(s)");
  for (const RefundShare& share : settlement.refunds) {
    services_.log.warn("sale " + record_.reference + ": paid too much: refund " +
                       format_money(share.amount) + " from payment " + share.payment_id);
  }
  if (written_off_thousandths > 0) {
    services_.log.info("sale " + record_.reference + ": the cashier accepted " +
                       format_exact(written_off_thousandths, services_.settings.currency) +
                       " less than the total");
  }
  close_paid_link();
  issue_receipt();
}

void Sale::enter_underpaid() {
  tick_timer_.cancel();
  poll_timer_.cancel();
  if (record_.stage != store::SaleStage::kUnderpaid) {
    if (!commit([&] { services_.ledger.record_underpaid(record_.reference); }))
      return;
    const Settlement now = settlement();
    services_.log.warn("sale " + record_.reference + ": underpaid: " +
                       format_exact(now.paid_thousandths, services_.settings.currency) +
                       " of " + format_money(amount()));
  }
  phase_ = Phase::kUnderpaid;
  if (!record_.link_closed)
    close_paid_link();
  changed_();
}

void Sale::enter_check_payment() {
  tick_timer_.cancel();
  poll_timer_.cancel();
  if (record_.stage != store::SaleStage::kCheckPayment) {
    if (!commit([&] { services_.ledger.record_check_payment(record_.reference); }))
      return;
  }
  phase_ = Phase::kCheckPayment;
  if (!record_.link_closed)
    close_paid_link();
  changed_();
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
        services_.backend.get_status(link(), guarded([this](BackendResult<LinkStatus> status) {
                                       on_paid_link_closed(std::move(status));
                                     }));
      }));
}

void Sale::on_paid_link_closed(BackendResult<LinkStatus> status) {
  if (!status)
    return;  // the last look is the link closer's, later
  if (!keep_payments(status.value().payments))
    return;
  if (!commit([&] { services_.ledger.record_link_closed(record_.reference); }))
    return;
  // Waiting on the cashier, a payment that landed before the close may settle the sale.
  if (phase_ == Phase::kUnderpaid || phase_ == Phase::kCheckPayment) {
    if (!settle_payments(/*link_final=*/true))
      changed_();
  }
}

void Sale::issue_receipt() {
  phase_ = Phase::kIssuing;
  changed_();
  issue_next_receipt(0, {});
}

void Sale::issue_next_receipt(std::size_t index,
                              std::vector<std::pair<std::string, std::string>> issued) {
  // One receipt per payment the sale counted, one after the other.
  while (index < record_.payments.size() && !record_.payments[index].counted)
    ++index;
  if (index == record_.payments.size()) {
    if (commit([&] { services_.ledger.record_receipt_issued(record_.reference, issued); }))
      print();
    return;
  }
  const Payment payment = as_payment(record_.payments[index]);
  services_.backend.issue_receipt(
      payment, guarded([this, index, issued = std::move(issued),
                        id = payment.id](BackendResult<std::string> result) mutable {
        if (result && !result.value().empty()) {
          issued.emplace_back(id, result.value());
        } else if (!result) {
          // The customer's paper receipt matters more than the service's copy: print without it.
          services_.log.warn("sale " + record_.reference + ": no backend receipt for payment " +
                             id + ": " + result.error().detail);
        }
        issue_next_receipt(index + 1, std::move(issued));
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
  outcome_ = outcome;
  phase_ = Phase::kEnded;
  services_.log.info("sale " + record_.reference + " ended: " + detail);
  changed_();
}

}  // namespace linkpos::app
