#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "app/log.hpp"
#include "app/money.hpp"
#include "app/payment_backend.hpp"
#include "app/settings.hpp"
#include "app/settlement.hpp"
#include "app/strings.hpp"
#include "hal/clock.hpp"
#include "hal/printer.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

// What a sale needs from the rest of the terminal. All references outlive every sale.
struct SaleServices {
  const Settings& settings;
  const Strings& strings;
  hal::Clock& clock;
  PaymentBackend& backend;
  hal::Printer& printer;
  store::Ledger& ledger;
  Log& log;
};

// How a sale ended, as the cashier needs to hear it.
enum class SaleOutcome {
  kCompleted,        // paid, receipt printed
  kCancelled,        // the cashier cancelled before any payment
  kTimedOut,         // nothing paid before the payment timeout
  kClosedElsewhere,  // the link was closed outside the terminal, unpaid
  kCreateFailed,     // no link could be made
  kInterrupted,      // a restart caught the sale before its link existed
  kUnresolved,       // a payment could not be read and the cashier gave up: all refunded
};

// One sale, from its payment link to its printed receipt. Every step that matters is committed
// to the ledger before the next begins, so a sale built from a ledger record after a power cut
// carries on where it stopped.
class Sale {
 public:
  enum class Phase {
    kCreating,     // asking the backend for a payment link
    kWaiting,      // the QR code is up; polling for a payment
    kCancelling,    // closing the link, then one last look for a payment
    kUnderpaid,     // the link took less than the total: CHARGE sells the rest, CANCEL accepts
    kCheckPayment,  // a payment could not be read: CHARGE looks again, CANCEL gives up
    kIssuing,       // paid; the backend issues its receipts
    kPrinting,     // paid; the receipt is printing
    kPrintFailed,  // paid; the receipt waits for the printer
    kEnded,
    kLedgerFailed,  // the ledger could not be written; the sale stops where it is
  };

  // `changed` runs after anything the screen shows about the sale has changed.
  Sale(SaleServices& services, Money amount, std::function<void()> changed);
  Sale(SaleServices& services, store::SaleRecord resumed, std::function<void()> changed);
  ~Sale();
  Sale(const Sale&) = delete;
  Sale& operator=(const Sale&) = delete;

  // Begins a new sale, or resumes a ledger record at its stage.
  void start();
  // The cashier's CANCEL: honoured while creating or waiting; a payment that races it still wins.
  void cancel();
  // After a printer fault has been fixed.
  void retry_print();
  // kUnderpaid: a new link for what is still owed, tied to this sale.
  void charge_rest();
  // kUnderpaid: the cashier accepts what was paid; the rest is written off.
  void accept_underpaid();
  // kCheckPayment: asks the service again about the sale's payments.
  void look_again();
  // kCheckPayment: ends the sale unresolved; every payment it took goes on the refund list.
  void give_up();

  Phase phase() const { return phase_; }
  const store::SaleRecord& record() const { return record_; }
  Money amount() const { return Money{record_.amount_minor, services_.settings.currency}; }
  // What the current link asks for: the total, or the rest of an underpaid sale.
  Money link_amount() const;
  // The payments the sale has received against its total, as they stand now.
  Settlement settlement() const;
  bool cancel_requested() const { return cancel_requested_; }
  std::chrono::seconds time_left() const;
  // Why the last call to the payment service failed, while the sale keeps trying.
  const std::optional<BackendFailure>& trouble() const { return trouble_; }
  std::optional<SaleOutcome> outcome() const { return outcome_; }
  // kCheckPayment: the service is being asked again.
  bool looking_again() const { return looking_again_; }
  // Why the link could not be made (kCreateFailed).
  const std::optional<BackendError>& create_error() const { return create_error_; }
  // Why the receipt is not out (kPrintFailed).
  const std::optional<hal::PrintError>& print_error() const { return print_error_; }

 private:
  enum class Closing { kByCashier, kTimeout };

  void create_link();
  void on_link_created(BackendResult<PaymentLink> result);
  // A create whose answer was lost may have made a link: find it before anything else.
  void settle_uncertain_create(bool create_if_missing);
  void find_link();
  void enter_waiting(bool poll_now);
  void tick();
  void poll();
  void on_polled(BackendResult<LinkStatus> result);
  void begin_closing(Closing why);
  void on_final_status(BackendResult<LinkStatus> result);
  // Keeps every payment the service listed; false when the ledger failed.
  bool keep_payments(const std::vector<Payment>& payments);
  // Moves the sale on from what its payments say, once there are any: paid, underpaid (only
  // once the link takes no more), or a payment to check. False when nothing is decided yet.
  bool settle_payments(bool link_final);
  void on_paid(const Settlement& settlement, std::int64_t written_off_thousandths);
  void enter_underpaid();
  void enter_check_payment();
  void close_paid_link();
  void on_paid_link_closed(BackendResult<LinkStatus> status);
  void issue_receipt();
  void issue_next_receipt(std::size_t index, std::vector<std::pair<std::string, std::string>> issued);
  void print();
  void on_printed(std::optional<hal::PrintError> error);
  void end(SaleOutcome outcome, const std::string& detail);

  // Runs a ledger write and reads the sale back; on failure stops the sale in kLedgerFailed and
  // returns false.
  template <class Write>
  bool commit(Write&& write);
  // Wraps a callback so it does nothing once this sale is gone.
  template <class Callback>
  auto guarded(Callback callback);

  PaymentLink link() const;

  SaleServices& services_;
  std::function<void()> changed_;
  store::SaleRecord record_;
  bool resumed_;
  Phase phase_ = Phase::kCreating;
  bool cancel_requested_ = false;
  std::optional<BackendFailure> trouble_;
  bool poll_in_flight_ = false;
  std::optional<Closing> closing_;
  bool close_unconfirmed_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  hal::Timer tick_timer_;
  hal::Timer poll_timer_;
  hal::Timer print_retry_timer_;
  hal::Timer find_retry_timer_;
  std::chrono::milliseconds find_backoff_{0};
  bool create_if_missing_ = true;
  bool looking_again_ = false;
  // What the link being created asks for, until the ledger has it.
  std::int64_t pending_link_amount_ = 0;
  // This sale's receipt must say it is a reprint: a print was cut off before its end was recorded.
  bool reprint_ = false;
  std::optional<SaleOutcome> outcome_;
  std::optional<BackendError> create_error_;
  std::optional<hal::PrintError> print_error_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

// The backend failure in the cashier's words.
std::string_view describe(BackendFailure failure, const Strings& strings);
std::string_view describe(hal::PrinterFault fault, const Strings& strings);

}  // namespace linkpos::app
