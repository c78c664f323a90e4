#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/failure_text.hpp"
#include "app/lifetime.hpp"
#include "app/link_closing.hpp"
#include "app/link_search.hpp"
#include "app/money.hpp"
#include "app/order.hpp"
#include "app/payment_backend.hpp"
#include "app/sale_endings.hpp"
#include "app/sale_services.hpp"
#include "app/settlement.hpp"
#include "store/ledger.hpp"
#include "store/sale_table.hpp"

namespace linkpos::app {

// One sale, from its payment link to its printed receipt, run from the sale table
// (store/sale_table.hpp): each answer of the backend, the printer or the cashier becomes an
// event, the table names the next state and the ledger write, and the write is committed before
// the state's work begins. A sale built from a ledger record after a power cut carries on where
// it stopped.
class Sale {
 public:
  using State = store::SaleState;

  // `changed` runs after anything the screen shows about the sale has changed.
  Sale(SaleServices& services, Order order, std::function<void()> changed);
  Sale(SaleServices& services, store::SaleRecord resumed, std::function<void()> changed);
  ~Sale();
  Sale(const Sale&) = delete;
  Sale& operator=(const Sale&) = delete;

  // Begins a new sale, or resumes a ledger record at its stage.
  void start();

  // The cashier's keys. CANCEL is honoured while the link is made or the QR code is up (a
  // payment that races it still wins); CHARGE and CANCEL decide an underpaid sale (sell the
  // rest, or accept what was paid) and a payment to check (look again, or give up); CHARGE
  // prints again after a printer fault.
  void cancel();
  // kChoosingTip: the customer's choice, an index into tip_choices().
  void choose_tip(std::size_t choice);
  void charge_rest();
  void accept_underpaid();
  void look_again();
  void give_up();
  void retry_print();

  State state() const { return state_; }
  const store::SaleRecord& record() const { return record_; }
  Money amount() const { return Money{record_.amount_minor, services_.settings.currency}; }
  // What the sale sells (its lines; the tip is the customer's to choose again), to try again.
  Order order() const;
  // What the current link asks for: the total, or the rest of an underpaid sale.
  Money link_amount() const;
  // The payments the sale has received against its total, as they stand now.
  Settlement settlement() const;
  // The tips offered (terminal.tips), as amounts on what was sold.
  std::vector<Money> tip_choices() const;
  bool cancel_requested() const { return cancel_requested_; }
  std::chrono::seconds time_left() const;
  // Why the last call to the payment service failed, while the sale keeps trying.
  const std::optional<BackendFailure>& trouble() const { return trouble_; }
  // kCheckingPayment: the service is being asked again.
  bool looking_again() const { return looking_again_; }
  // How the sale ended (kSaleEndings), once it has.
  const SaleEnding* ending() const;
  // Why the link could not be made (kCreateFailed).
  const std::optional<BackendError>& create_error() const { return create_error_; }
  // Why the receipt is not out (kPrintFailed).
  const std::optional<hal::PrintError>& print_error() const { return print_error_; }
  // The ledger could not be written: the sale stops where it is, nothing more is sent.
  const std::optional<store::LedgerFailure>& ledger_failure() const { return ledger_failure_; }

 private:
  // Makes the table's move for `event` from the current state: commits its ledger write, then
  // enters the next state. False when the ledger failed (the sale has stopped).
  bool move(store::SaleEvent event);
  bool commit(const store::SaleMove& move);
  // The ledger's answer to a write: the sale as it now is, or a failure that stops the sale.
  bool apply(store::LedgerResult<store::SaleRecord> written);
  void enter(State state);
  void stop_timers();

  // Named steps, each the answer to one request.
  void create_link();
  void on_link_created(BackendResult<PaymentLink> result);
  void find_link();
  void on_link_found(std::optional<PaymentLink> found);
  void on_search_failed(const BackendError& error);
  void wait_for_payment();
  void tick();
  void poll();
  void on_polled(BackendResult<LinkReport> result);
  void close_link();
  void on_link_closed(ClosedLink closed);
  void close_in_background();
  void on_closed_in_background(ClosedLink closed);
  void on_looked_again(BackendResult<LinkReport> result);
  // Keeps every payment the service listed; false when the ledger failed.
  bool keep_payments(const std::vector<Payment>& payments);
  // The event the sale's payments make, once there are any: paid in full, underpaid (only once
  // the link takes no more), or a payment to check; nullopt while nothing is decided.
  std::optional<store::SaleEvent> payments_event(bool link_final) const;
  void issue_receipts();
  void issue_next_receipt(std::size_t index);
  void print();
  void on_printed(std::optional<hal::PrintError> error);
  void end_with(store::SaleEvent event, std::string detail);

  PaymentLink link() const;

  SaleServices& services_;
  std::function<void()> changed_;
  store::SaleRecord record_;
  bool resumed_;
  State state_ = State::kCreatingLink;
  std::optional<store::LedgerFailure> ledger_failure_;

  // What the next ledger write needs, set by the step that fires its event.
  std::optional<PaymentLink> made_;
  std::int64_t asked_minor_ = 0;  // what the link being made asks for
  std::int64_t tip_minor_ = 0;    // the tip chosen
  std::int64_t written_off_thousandths_ = 0;
  std::vector<std::pair<std::string, std::string>> issued_;  // payment id, Wix receipt id
  std::string detail_;                                       // for an ending, or a print failure

  std::optional<store::SaleEvent> ended_by_;
  // The search for a lost create's link began at a restart: if none was made, the sale is not
  // started again (the cashier keys it again).
  bool after_restart_ = false;
  bool cancel_requested_ = false;
  std::optional<BackendFailure> trouble_;
  bool poll_in_flight_ = false;
  bool looking_again_ = false;
  // This sale's receipt must say it is a reprint: a print was cut off before its end was recorded.
  bool reprint_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  std::optional<BackendError> create_error_;
  std::optional<hal::PrintError> print_error_;
  LinkSearch search_;
  hal::Timer tick_timer_;
  hal::Timer poll_timer_;
  hal::Timer print_retry_timer_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
