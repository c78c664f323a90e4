#include "app/sale.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "app/exact_amount.hpp"
#include "app/local_time.hpp"
#include "app/payment_records.hpp"
#include "app/receipt_layout.hpp"
#include "app/sale_reference.hpp"
#include "app/sold_lines.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;
using store::SaleEvent;
using store::SaleStage;

constexpr auto kTick = 1s;
constexpr auto kPrintRetry = 10s;

// Payments waiting to be counted: kept before the sale was paid, and not owed back.
bool uncounted(const store::PaymentRecord& payment) {
  return !payment.counted && payment.refund_reason == store::RefundReason::kNone;
}

}  // namespace

Sale::Sale(SaleServices& services, Order order, std::function<void()> changed)
    : services_(services), changed_(std::move(changed)), resumed_(false), search_(services) {
  const auto now = services_.clock.now();
  record_.reference = make_sale_reference(services_.settings.terminal_id, now);
  record_.business_day = business_day(now);
  record_.started_at_ms = to_unix_ms(now);
  record_.currency = services_.settings.currency.code;
  record_.amount_minor = order.total_minor();
  record_.link_amount_minor = record_.amount_minor;
  for (const OrderLine& line : order.lines) {
    record_.lines.push_back(store::SaleLineRecord{line.name, line.quantity, line.unit_price_minor,
                                                  line.vat_rate_basis_points});
  }
}

Sale::Sale(SaleServices& services, store::SaleRecord resumed, std::function<void()> changed)
    : services_(services),
      changed_(std::move(changed)),
      record_(std::move(resumed)),
      resumed_(true),
      state_(store::resume_state(record_.stage, record_.create_uncertain)),
      reprint_(record_.print_pending),
      search_(services) {}

Sale::~Sale() = default;

void Sale::start() {
  if (resumed_) {
    services_.log.info("sale " + record_.reference + " resumed after a restart");
    after_restart_ = state_ == State::kFindingLink || state_ == State::kFindingRest;
    enter(state_);
    return;
  }
  if (!apply(services_.ledger.record_started(record_)))
    return;
  services_.log.info("sale " + record_.reference + " started: " + format_money(amount()));
  // With tips on, the customer chooses one before the link is made.
  state_ = services_.settings.tips.empty() ? State::kCreatingLink : State::kChoosingTip;
  enter(state_);
}

bool Sale::move(SaleEvent event) {
  const store::SaleMove* next = store::find_move(state_, event);
  if (next == nullptr) {
    throw std::logic_error("sale " + record_.reference + ": the sale table has no move for '" +
                           std::string(store::event_name(event)) + "' from '" +
                           std::string(store::state_name(state_)) + "'");
  }
  stop_timers();
  if (!commit(*next))
    return false;
  if (next->to == State::kEnded)
    ended_by_ = event;
  state_ = next->to;
  enter(state_);
  return true;
}

bool Sale::commit(const store::SaleMove& move) {
  using store::LedgerWrite;
  store::Ledger& ledger = services_.ledger;
  const std::string& reference = record_.reference;
  switch (move.write) {
    case LedgerWrite::kNone:
      return true;
    case LedgerWrite::kTip:
      return apply(ledger.record_tip(reference, tip_minor_));
    case LedgerWrite::kLinkCreated:
      return apply(ledger.record_link_created(reference, made_->id, made_->url,
                                              to_unix_ms(made_->expires_at), asked_minor_));
    case LedgerWrite::kCreateUncertain:
      return apply(ledger.record_create_uncertain(reference));
    case LedgerWrite::kCreateSettled:
      return apply(ledger.record_create_settled(reference));
    case LedgerWrite::kUnderpaid:
      return apply(ledger.record_underpaid(reference));
    case LedgerWrite::kCheckPayment:
      return apply(ledger.record_check_payment(reference));
    case LedgerWrite::kPaid: {
      std::vector<std::pair<std::string, std::int64_t>> overpaid;
      for (const RefundShare& share : settlement().refunds)
        overpaid.emplace_back(share.payment_id, to_thousandths(share.amount));
      return apply(ledger.record_paid(reference, to_unix_ms(services_.clock.now()), overpaid,
                                      written_off_thousandths_));
    }
    case LedgerWrite::kReceiptIssued:
      return apply(ledger.record_receipt_issued(reference, issued_));
    case LedgerWrite::kPrintFailed:
      return apply(ledger.record_print_failed(reference, detail_));
    case LedgerWrite::kPrinted:
      return apply(ledger.record_printed(reference));
    case LedgerWrite::kEnded:
      return apply(
          ledger.record_ended(reference, *move.end, detail_, to_unix_ms(services_.clock.now())));
    case LedgerWrite::kPrintStarted:
    case LedgerWrite::kPayments:
    case LedgerWrite::kLinkClosed:
    case LedgerWrite::kLateLink:
      break;  // notes: written by the steps themselves, never by a move
  }
  throw std::logic_error("sale table: a move may not write '" +
                         std::string(store::write_name(move.write)) + "'");
}

bool Sale::apply(store::LedgerResult<store::SaleRecord> written) {
  if (written) {
    record_ = std::move(written.value());
    return true;
  }
  // The one place a failed write is handled: the sale stops where the ledger last has it, so a
  // restart resumes it from there.
  services_.log.error("sale " + record_.reference + " stopped: " + written.error().message);
  stop_timers();
  ledger_failure_ = written.error();
  changed_();
  return false;
}

void Sale::stop_timers() {
  tick_timer_.cancel();
  poll_timer_.cancel();
  print_retry_timer_.cancel();
  search_.stop();
}

void Sale::enter(State state) {
  switch (state) {
    case State::kChoosingTip:
      return changed_();
    case State::kCreatingLink:
    case State::kCreatingRest:
      return create_link();
    case State::kFindingLink:
    case State::kFindingRest:
      return find_link();
    case State::kWaitingForPayment:
      return wait_for_payment();
    case State::kClosingLink:
      return close_link();
    case State::kUnderpaid:
    case State::kCheckingPayment:
      // The link must take no more while the cashier decides.
      close_in_background();
      return changed_();
    case State::kIssuingReceipts:
      close_in_background();
      return issue_receipts();
    case State::kPrinting:
      return print();
    case State::kPrintFailed:
      // Printing resumes by itself once the paper is in or the printer is back.
      print_retry_timer_ = services_.clock.after(kPrintRetry, [this] { retry_print(); });
      return changed_();
    case State::kPrinted:
      close_in_background();
      detail_ = "receipt printed";
      move(SaleEvent::kDone);
      return;
    case State::kEnded:
      services_.log.info("sale " + record_.reference + " ended: " + detail_);
      return changed_();
  }
}

PaymentLink Sale::link() const {
  return PaymentLink{record_.link_id, record_.link_url, from_unix_ms(record_.link_expires_at_ms)};
}

Order Sale::order() const {
  Order order;
  for (const store::SaleLineRecord& line : sold_lines(record_, services_.strings)) {
    order.lines.push_back(
        OrderLine{line.name, line.quantity, line.unit_price_minor, line.vat_basis_points});
  }
  return order;
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

const SaleEnding* Sale::ending() const {
  if (state_ != State::kEnded || !ended_by_)
    return nullptr;
  return ending_for(*ended_by_);
}

std::chrono::seconds Sale::time_left() const {
  const auto left = deadline_ - services_.clock.monotonic_now();
  if (left <= std::chrono::steady_clock::duration::zero())
    return 0s;
  return std::chrono::ceil<std::chrono::seconds>(left);
}

// The cashier's keys.

std::vector<Money> Sale::tip_choices() const {
  std::vector<Money> choices;
  for (const int percent : services_.settings.tips) {
    // Rounded half up to the minor unit, on what was sold.
    choices.push_back(Money{(amount().minor * percent + 50) / 100, services_.settings.currency});
  }
  return choices;
}

void Sale::choose_tip(std::size_t choice) {
  const auto choices = tip_choices();
  if (state_ != State::kChoosingTip || choice >= choices.size())
    return;
  tip_minor_ = choices[choice].minor;
  services_.log.info("sale " + record_.reference + ": tip " + format_money(choices[choice]));
  move(SaleEvent::kTipChosen);
}

void Sale::cancel() {
  if (state_ == State::kChoosingTip) {
    cancel_requested_ = true;
    end_with(SaleEvent::kCancelBeforeLink, "cancelled before the tip was chosen");
    return;
  }
  if (state_ == State::kCreatingLink || state_ == State::kFindingLink ||
      state_ == State::kCreatingRest || state_ == State::kFindingRest) {
    // The create request may already be at the server: wait for its answer, then close the link.
    cancel_requested_ = true;
    search_.try_now();  // one more look now, rather than after the back-off
    changed_();
  } else if (state_ == State::kWaitingForPayment) {
    cancel_requested_ = true;
    move(SaleEvent::kCancel);
  }
}

void Sale::charge_rest() {
  if (state_ != State::kUnderpaid)
    return;
  if (!record_.link_closed) {
    // The first link must take no more before a second one asks for the rest.
    trouble_ = BackendFailure::kUnreachable;
    close_in_background();
    changed_();
    return;
  }
  cancel_requested_ = false;
  trouble_.reset();
  move(SaleEvent::kChargeRest);  // marked uncertain first: a restart looks for its link
}

void Sale::accept_underpaid() {
  if (state_ != State::kUnderpaid)
    return;
  written_off_thousandths_ = to_thousandths(amount()) - settlement().paid_thousandths;
  services_.log.info("sale " + record_.reference + ": the cashier accepted " +
                     format_exact(written_off_thousandths_, services_.settings.currency) +
                     " less than the total");
  move(SaleEvent::kAcceptUnderpaid);
}

void Sale::look_again() {
  if (state_ != State::kCheckingPayment || looking_again_)
    return;
  looking_again_ = true;
  changed_();
  services_.backend.get_status(link(), lifetime_.guard([this](BackendResult<LinkReport> result) {
    on_looked_again(std::move(result));
  }));
}

void Sale::on_looked_again(BackendResult<LinkReport> result) {
  looking_again_ = false;
  if (state_ != State::kCheckingPayment)
    return;
  if (!result) {
    trouble_ = result.error().failure;
    return changed_();
  }
  trouble_.reset();
  if (!keep_payments(result.value().payments))
    return;
  const auto event = payments_event(result.value().state != LinkState::kPending);
  if (event && *event != SaleEvent::kPaymentUnreadable) {
    move(*event);
    return;
  }
  changed_();
}

void Sale::give_up() {
  if (state_ == State::kCheckingPayment)
    end_with(SaleEvent::kGiveUp, "a payment could not be read; the cashier gave up on the sale");
}

void Sale::retry_print() {
  if (state_ == State::kPrintFailed)
    move(SaleEvent::kPrintAgain);
}

// The link.

void Sale::create_link() {
  changed_();
  // A link for the rest of an underpaid sale says so, so the customer knows what it is for.
  const bool rest = state_ == State::kCreatingRest;
  const Money asked = rest ? settlement().shortfall : amount();
  asked_minor_ = asked.minor;
  LinkRequest request;
  request.reference = record_.reference;
  request.title =
      fill(services_.strings.link_title,
           {{"merchant", services_.settings.merchant.name}, {"reference", record_.reference}});
  const Currency& currency = services_.settings.currency;
  if (rest) {
    request.lines = {SaleLine{std::string(services_.strings.rest_line_name), 1, asked}};
  } else {
    // The customer's checkout lists what was sold, line by line, and the tip apart.
    for (const store::SaleLineRecord& line : sold_lines(record_, services_.strings)) {
      request.lines.push_back(
          SaleLine{line.name, line.quantity, Money{line.unit_price_minor, currency}});
    }
    if (record_.tip_minor > 0) {
      request.lines.push_back(SaleLine{std::string(services_.strings.tip_line_name), 1,
                                       Money{record_.tip_minor, currency}});
    }
  }
  request.total = asked;
  request.expires_at = services_.clock.now() + services_.settings.link_validity;
  services_.backend.create_link(request, lifetime_.guard([this](BackendResult<PaymentLink> result) {
    on_link_created(std::move(result));
  }));
}

void Sale::on_link_created(BackendResult<PaymentLink> result) {
  if (!result && result.error().uncertain) {
    services_.log.warn("sale " + record_.reference + ": the create may have reached the service (" +
                       result.error().detail + "); looking for its link before trying again");
    move(SaleEvent::kCreateLost);
    return;
  }
  if (!result) {
    const BackendError& error = result.error();
    services_.log.warn("sale " + record_.reference + ": no payment link: " + error.detail);
    create_error_ = error;
    trouble_ = error.failure;
    detail_ = error.detail;
    move(cancel_requested_ ? SaleEvent::kCreateRefusedAfterCancel : SaleEvent::kCreateRefused);
    return;
  }
  made_ = result.value();
  services_.log.info("sale " + record_.reference + ": link " + made_->id + " " + made_->url);
  move(cancel_requested_ ? SaleEvent::kLinkMadeAfterCancel : SaleEvent::kLinkMade);
}

void Sale::find_link() {
  changed_();
  auto found = [this](std::optional<PaymentLink> link) { on_link_found(std::move(link)); };
  auto failed = [this](const BackendError& error) { on_search_failed(error); };
  if (!record_.create_uncertain) {
    // A restart at kStarted: mark the doubt first, as a lost answer does.
    if (!apply(services_.ledger.record_create_uncertain(record_.reference)))
      return;
  }
  search_.until_settled(record_, std::move(found), std::move(failed));
}

void Sale::on_search_failed(const BackendError& error) {
  trouble_ = error.failure;
  if (cancel_requested_ && state_ == State::kFindingLink) {
    // The link closer goes on looking, and closes the link if it turns up.
    search_.stop();
    detail_ = "cancelled while it was unknown whether a link was made";
    move(SaleEvent::kNoLinkFoundAfterCancel);
    return;
  }
  services_.log.warn("sale " + record_.reference +
                     ": cannot look for its link yet: " + error.detail);
  changed_();
}

void Sale::on_link_found(std::optional<PaymentLink> found) {
  trouble_.reset();
  if (found) {
    services_.log.info("sale " + record_.reference + ": found the link its create made");
    made_ = std::move(found);
    if (asked_minor_ == 0)
      asked_minor_ =
          state_ == State::kFindingRest ? settlement().shortfall.minor : record_.amount_minor;
    move(cancel_requested_ ? SaleEvent::kLinkFoundAfterCancel : SaleEvent::kLinkFound);
    return;
  }
  if (cancel_requested_) {
    detail_ = "cancelled; no link had been made";
    move(SaleEvent::kNoLinkFoundAfterCancel);
  } else if (std::exchange(after_restart_, false)) {
    detail_ = "interrupted before its payment link was created";
    move(SaleEvent::kNoLinkFoundAfterRestart);
  } else {
    move(SaleEvent::kNoLinkFound);  // none exists: now a new create cannot make a second link
  }
}

// Waiting for the customer.

void Sale::wait_for_payment() {
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
    move(SaleEvent::kTimeout);
    return;
  }
  changed_();
  tick_timer_ = services_.clock.after(kTick, [this] { tick(); });
  // A sale resumed after a restart looks at once; a new link waits for the customer.
  if (resumed_ && !made_) {
    poll();
  } else {
    poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
  }
}

void Sale::tick() {
  if (time_left() == 0s) {
    move(SaleEvent::kTimeout);
    return;
  }
  changed_();
  tick_timer_ = services_.clock.after(kTick, [this] { tick(); });
}

void Sale::poll() {
  if (poll_in_flight_)
    return;
  poll_in_flight_ = true;
  services_.backend.get_status(link(), lifetime_.guard([this](BackendResult<LinkReport> result) {
    on_polled(std::move(result));
  }));
}

void Sale::on_polled(BackendResult<LinkReport> result) {
  poll_in_flight_ = false;
  if (state_ != State::kWaitingForPayment)
    return;  // closing makes its own last check
  if (!result) {
    services_.log.warn("sale " + record_.reference + ": poll failed: " + result.error().detail);
    if (trouble_ != result.error().failure) {
      trouble_ = result.error().failure;
      changed_();
    }
    poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
    return;
  }
  const bool had_trouble = std::exchange(trouble_, std::nullopt).has_value();
  const LinkReport& status = result.value();
  if (!keep_payments(status.payments))
    return;
  const bool link_final = status.state != LinkState::kPending;
  const auto event = payments_event(link_final);
  if (link_final && event && event != SaleEvent::kPaidInFull && !record_.link_closed) {
    // It takes no more, so what it took is all there is.
    if (!apply(services_.ledger.record_link_closed(record_.reference)))
      return;
  }
  if (event) {
    move(*event);
    return;
  }
  if (status.state == LinkState::kExpired) {
    move(SaleEvent::kTimeout);
    return;
  }
  if (status.state == LinkState::kPaid && status.payments.empty()) {
    // Paid, yet no payment listed: the service is still catching up. Look again; never end a
    // sale on this.
    services_.log.warn("sale " + record_.reference +
                       ": the link says PAID but lists no payment yet");
  } else if (status.state == LinkState::kInactive && record_.payments.empty()) {
    if (!apply(services_.ledger.record_link_closed(record_.reference)))
      return;
    end_with(SaleEvent::kClosedElsewhere, "link closed outside the terminal, no payment on it");
    return;
  }
  if (had_trouble || !status.payments.empty())
    changed_();
  poll_timer_ = services_.clock.after(services_.settings.poll_interval, [this] { poll(); });
}

bool Sale::keep_payments(const std::vector<Payment>& payments) {
  if (payments.empty())
    return true;
  const std::vector<store::PaymentRecord> before = record_.payments;
  if (!apply(services_.ledger.record_payments(
          record_.reference, as_records(payments, to_unix_ms(services_.clock.now()))))) {
    return false;
  }
  for (const Payment& payment : payments) {
    const bool known = std::any_of(before.begin(), before.end(), [&](const auto& kept) {
      return kept.payment_id == payment.id && kept.amount_thousandths == payment.thousandths;
    });
    if (known)
      continue;
    if (!payment.readable()) {
      // Logged with its id, and kept: an entry this terminal cannot read is still money.
      services_.log.warn("sale " + record_.reference + ": a payment entry (id " + payment.id +
                         ") cannot be read: " + payment.problem);
    } else if (record_.stage >= SaleStage::kPaid) {
      services_.log.warn("sale " + record_.reference + ": another payment " + payment.id + " of " +
                         format_exact(*payment.thousandths, services_.settings.currency) +
                         " on its link after it was paid: it needs a refund");
    }
  }
  return true;
}

std::optional<SaleEvent> Sale::payments_event(bool link_final) const {
  if (record_.stage >= SaleStage::kPaid)
    return std::nullopt;
  if (settlement().paid())
    return SaleEvent::kPaidInFull;
  const auto waiting = [](bool readable) {
    return [readable](const store::PaymentRecord& payment) {
      return uncounted(payment) && payment.amount_thousandths.has_value() == readable;
    };
  };
  if (std::any_of(record_.payments.begin(), record_.payments.end(), waiting(false)))
    return SaleEvent::kPaymentUnreadable;
  if (std::any_of(record_.payments.begin(), record_.payments.end(), waiting(true)) && link_final)
    return SaleEvent::kUnderpaid;
  return std::nullopt;  // part paid on a link that still takes payments (a checkout in parts)
}

void Sale::close_link() {
  changed_();
  close_then_look(services_.backend, link(), lifetime_.guard([this](ClosedLink closed) {
    on_link_closed(std::move(closed));
  }));
}

void Sale::on_link_closed(ClosedLink closed) {
  if (closed.confirmed && !apply(services_.ledger.record_link_closed(record_.reference)))
    return;
  if (closed.last_look && !keep_payments(closed.last_look.value().payments))
    return;
  // Money taken is never dropped: with payments the sale moves on them, even when the last look
  // failed (an underpaid sale's link is then closed in the background).
  if (const auto event = payments_event(/*link_final=*/true)) {
    move(*event);
    return;
  }
  // The link closes because the cashier pressed CANCEL, or because time ran out.
  std::string detail = cancel_requested_ ? "cancelled by the cashier" : "payment timeout";
  if (closed.close_failure) {
    services_.log.warn("sale " + record_.reference +
                       ": link not confirmed closed: " + closed.close_failure->detail);
    detail += "; the link was not confirmed closed";
  }
  if (!closed.last_look)
    detail += "; last check failed: " + closed.last_look.error().detail;
  end_with(
      cancel_requested_ ? SaleEvent::kNothingPaidAfterCancel : SaleEvent::kNothingPaidAfterTimeout,
      detail);
}

void Sale::close_in_background() {
  // A Wix link can take more than one payment: stop it at once. If the service cannot be
  // reached now, the terminal's link closer keeps trying after the sale has ended.
  if (record_.link_closed || record_.link_id.empty())
    return;
  close_then_look(services_.backend, link(), lifetime_.guard([this](ClosedLink closed) {
    on_closed_in_background(std::move(closed));
  }));
}

void Sale::on_closed_in_background(ClosedLink closed) {
  if (!closed.confirmed) {
    services_.log.warn(
        "sale " + record_.reference + ": link still open after payment: " +
        (closed.close_failure ? closed.close_failure->detail : closed.last_look.error().detail));
    return;  // the last look is the link closer's, later
  }
  if (!keep_payments(closed.last_look.value().payments))
    return;
  if (!apply(services_.ledger.record_link_closed(record_.reference)))
    return;
  // Waiting on the cashier, a payment that landed before the close may settle the sale.
  if (state_ == State::kUnderpaid || state_ == State::kCheckingPayment) {
    const auto event = payments_event(/*link_final=*/true);
    if (event == SaleEvent::kPaidInFull ||
        (event == SaleEvent::kPaymentUnreadable && state_ == State::kUnderpaid)) {
      move(*event);
      return;
    }
  }
  changed_();
}

// Paid: the receipt.

void Sale::issue_receipts() {
  changed_();
  issued_.clear();
  issue_next_receipt(0);
}

void Sale::issue_next_receipt(std::size_t index) {
  // One receipt per payment the sale counted, one after the other.
  while (index < record_.payments.size() && !record_.payments[index].counted)
    ++index;
  if (index == record_.payments.size()) {
    move(SaleEvent::kReceiptsIssued);
    return;
  }
  const Payment payment = as_payment(record_.payments[index]);
  services_.backend.issue_receipt(
      payment, lifetime_.guard([this, index, id = payment.id](BackendResult<std::string> result) {
        if (result && !result.value().empty()) {
          issued_.emplace_back(id, result.value());
        } else if (!result) {
          // The customer's paper receipt matters more than the service's copy: print without it.
          services_.log.warn("sale " + record_.reference + ": no backend receipt for payment " +
                             id + ": " + result.error().detail);
        }
        issue_next_receipt(index + 1);
      }));
}

void Sale::print() {
  if (!apply(services_.ledger.record_print_started(record_.reference)))
    return;
  print_error_.reset();
  changed_();
  const auto copy = reprint_ ? ReceiptCopy::kReprintAfterPowerLoss : ReceiptCopy::kOriginal;
  services_.printer.print(layout_receipt(record_, services_.settings, services_.strings, copy),
                          lifetime_.guard([this](std::optional<hal::PrintError> error) {
                            on_printed(std::move(error));
                          }));
}

void Sale::on_printed(std::optional<hal::PrintError> error) {
  if (error) {
    services_.log.warn("sale " + record_.reference + ": receipt not printed: " + error->detail);
    detail_ = error->detail;
    print_error_ = std::move(error);
    move(SaleEvent::kPrinterFailed);
    return;
  }
  move(SaleEvent::kPrintedOk);
}

void Sale::end_with(SaleEvent event, std::string detail) {
  detail_ = std::move(detail);
  move(event);
}

}  // namespace linkpos::app
