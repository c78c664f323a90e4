#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/outcome/std_result.hpp>

#include "store/sale_stage.hpp"
#include "store/sale_table.hpp"

struct sqlite3;

namespace linkpos::store {

// Why money is owed back from a payment.
enum class RefundReason {
  kNone,
  kOverpaid,    // the sale's payments went past its total
  kAfterSale,   // the payment came in after the sale had ended or was paid
  kUnreadable,  // the entry could not be read; its amount is the Wix dashboard's to tell
  kUnresolved,  // the sale ended unresolved, so none of its payments paid for anything
};

// One payment record of a sale's links, as Wix listed it.
struct PaymentRecord {
  std::string payment_id;
  std::string link_id;
  // Exact, in thousandths of the currency's unit (Wix amounts have up to three decimals);
  // nullopt when the entry could not be read, `problem` saying why.
  std::optional<std::int64_t> amount_thousandths;
  std::string problem;
  std::string kind;  // "REGULAR", "GIFT_CARD", ...
  std::string payer;
  std::string card;
  std::string backend_receipt_id;
  std::int64_t seen_at_ms = 0;
  // Part of the sale: it paid for what was sold and is listed on the receipt.
  bool counted = false;
  RefundReason refund_reason = RefundReason::kNone;
  // Exact, like the amount; nullopt with a reason: the amount is unknown (unreadable).
  std::optional<std::int64_t> refund_thousandths;
  std::optional<std::int64_t> refund_cleared_at_ms;

  bool refund_owed() const { return refund_reason != RefundReason::kNone && !refund_cleared_at_ms; }
};

// One line of what a sale sold.
struct SaleLineRecord {
  std::string name;
  int quantity = 1;
  std::int64_t unit_price_minor = 0;
  // VAT included, in basis points; none: the merchant's rate (as sales kept before lines were).
  std::optional<std::int32_t> vat_basis_points;
};

struct SaleRecord {
  std::string reference;              // "<terminal id>-<ULID>"
  std::string business_day;           // "2026-11-25": the local day the sale belongs to
  std::int64_t started_at_ms = 0;     // Unix time in milliseconds
  std::string currency;               // ISO 4217 code
  std::int64_t amount_minor = 0;      // the sale's total: its lines and its tip
  std::vector<SaleLineRecord> lines;  // what was sold; empty means one line of the total
  std::int64_t tip_minor = 0;

  SaleStage stage = SaleStage::kStarted;

  std::string link_id;  // the current link; empty until kLinkCreated
  std::string link_url;
  std::int64_t link_expires_at_ms = 0;
  // What the current link asks: the total, or for a link made after an underpaid checkout, the
  // rest.
  std::int64_t link_amount_minor = 0;

  std::int64_t paid_at_ms = 0;
  std::int64_t receipt_number = 0;  // 0 until kPaid; 1, 2, 3... without gaps per ledger
  // What the cashier accepted as not paid (exact thousandths), when an underpaid sale was
  // completed with what it had.
  std::int64_t written_off_thousandths = 0;
  int prints = 0;  // receipts printed for this sale, original and copies

  std::optional<SaleEnd> end;  // set at kEnded
  std::string end_detail;      // why, in words, for the technician
  std::int64_t ended_at_ms = 0;

  // The backend confirmed the link takes no more payments (deactivated, expired or paid out).
  bool link_closed = false;
  // A print began and its end was never recorded: the power went while it printed, so what
  // comes out next must say it is a reprint.
  bool print_pending = false;
  // A create may have reached the service without its answer reaching the terminal: a link
  // for this sale may exist that the ledger does not know yet.
  bool create_uncertain = false;

  // Every payment seen on the sale's links, in the order seen.
  std::vector<PaymentRecord> payments;
  // Every link the sale has had, oldest first (the current one last).
  std::vector<std::string> links;

  // The payments that paid for the sale, exact, summed.
  std::int64_t counted_thousandths() const;
  // Every link this sale has had (its links, its payments' links and the current one).
  std::vector<std::string> known_links() const;
};

// A Z report: the day closed, numbered without gaps, kept for ever; what it says is the JSON the
// app wrote (the report's totals), so a copy prints the same.
struct ZReportRecord {
  std::int64_t number = 0;
  std::int64_t from_ms = 0;  // the end of the previous Z (0 for the first)
  std::int64_t to_ms = 0;
  std::int64_t made_at_ms = 0;
  std::string report;  // JSON
  int prints = 0;
  // A print began and its end was never recorded: the next print says it is a reprint.
  bool print_pending = false;
};

// A refund the merchant owes: the payment to refund from, and its sale.
struct RefundDue {
  std::string reference;
  std::string currency;
  PaymentRecord payment;
};

// A ledger that cannot be opened, read or written: the message names the file and the cause.
class LedgerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws a LedgerError naming the folder of the ledger at `path` and the fix when linkpos may not
// write there (a read-only file system, another owner): SQLite makes its log beside the file.
void check_ledger_folder(const std::string& path);

// A write that did not reach the disk (a full or failing disk, a file made read-only): nothing
// of it was committed, and the message says what and where.
struct LedgerFailure {
  std::string message;
};

template <class T>
using LedgerResult = BOOST_OUTCOME_V2_NAMESPACE::std_checked<T, LedgerFailure>;

// The sale ledger: one SQLite file (WAL, synchronous=FULL), so a power cut at any instant leaves
// every sale at its last committed stage. Each record_* call is one transaction, committed when
// it returns, that moves the sale as store/sale_table.hpp allows (or notes something the table
// allows at its stage), appends an event to its history and answers the sale as it now is. A
// failing write is a LedgerFailure value; a call the sale tables do not allow is a bug: it is
// reported to the refusal log and throws std::logic_error. Reads throw LedgerError.
class Ledger {
 public:
  // Opens the ledger at `path`, creating it (and its schema) when absent. Start-up failures
  // throw LedgerError.
  explicit Ledger(const std::string& path);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Where a refused stage change is told, with the sale's reference and both stages, before
  // the logic_error is thrown.
  void set_refusal_log(std::function<void(std::string_view)> log);

  // Uses reference, business_day, started_at_ms, currency, amount_minor and lines of `sale`.
  LedgerResult<SaleRecord> record_started(const SaleRecord& sale);
  // The customer chose a tip: it is added to the sale's total, before any link is made.
  LedgerResult<SaleRecord> record_tip(const std::string& reference, std::int64_t tip_minor);
  // A link for the sale: its first (from kStarted), or one for the rest of an underpaid sale
  // (from kUnderpaid, whose link is closed), asking `amount_minor`.
  LedgerResult<SaleRecord> record_link_created(const std::string& reference,
                                               const std::string& link_id,
                                               const std::string& link_url,
                                               std::int64_t expires_at_ms,
                                               std::int64_t amount_minor);
  // Keeps every payment not kept yet (by sale and payment id), and reads again an entry kept
  // unreadable and not settled yet that now has its amount. Before the sale is paid they wait to
  // be counted; once it is paid or ended, a new one is owed back in full (kAfterSale).
  LedgerResult<SaleRecord> record_payments(const std::string& reference,
                                           const std::vector<PaymentRecord>& payments);
  // The payments kept so far pay for the sale: the readable ones are counted (listed on the
  // receipt), unreadable ones owed back (kUnreadable), `overpaid` shares (exact thousandths)
  // owed back from the payments they name, and `written_off_thousandths` accepted as not paid.
  // The sale gets the ledger's next receipt number.
  LedgerResult<SaleRecord> record_paid(
      const std::string& reference, std::int64_t paid_at_ms,
      const std::vector<std::pair<std::string, std::int64_t>>& overpaid,
      std::int64_t written_off_thousandths = 0);
  // Less than the total was paid and the link takes (or should take) no more.
  LedgerResult<SaleRecord> record_underpaid(const std::string& reference);
  // A payment could not be read and the readable ones do not reach the total.
  LedgerResult<SaleRecord> record_check_payment(const std::string& reference);
  // Wix's receipts: payment id -> receipt id, for those that have one.
  LedgerResult<SaleRecord> record_receipt_issued(
      const std::string& reference,
      const std::vector<std::pair<std::string, std::string>>& receipts);
  // Marks a print as begun, before the first byte goes to the printer.
  LedgerResult<SaleRecord> record_print_started(const std::string& reference);
  // Counts one receipt out of the printer; the first moves the sale to kPrinted, later ones are
  // copies and leave the stage alone.
  LedgerResult<SaleRecord> record_printed(const std::string& reference);
  // The printer reported it did not print (paper out, offline). Kept in the history; the sale
  // stays print_pending until a print succeeds.
  LedgerResult<SaleRecord> record_print_failed(const std::string& reference,
                                               const std::string& detail);
  // Ending kUnresolved owes back every payment the sale kept.
  // `ended_at_ms`: the terminal's clock (reports cover sales by it); the system's when absent.
  LedgerResult<SaleRecord> record_ended(const std::string& reference, SaleEnd end,
                                        const std::string& detail,
                                        std::optional<std::int64_t> ended_at_ms = std::nullopt);

  // A create request for the sale may have made a link whose answer was lost.
  LedgerResult<SaleRecord> record_create_uncertain(const std::string& reference);
  // A search settled it: no link was made (a link that was made is recorded as created).
  LedgerResult<SaleRecord> record_create_settled(const std::string& reference);
  // A link made by a create whose answer was lost, found after the sale had already ended
  // unpaid: it gets closed like any open link, and any payment on it is refunded.
  LedgerResult<SaleRecord> record_late_link(const std::string& reference,
                                            const std::string& link_id, const std::string& link_url,
                                            std::int64_t expires_at_ms);
  // The backend confirmed the sale's link takes no more payments.
  LedgerResult<SaleRecord> record_link_closed(const std::string& reference);
  // A technician refunded it (or saw to it) in the Wix dashboard: it leaves the refund list.
  LedgerResult<SaleRecord> clear_refund(const std::string& reference, const std::string& payment_id,
                                        std::int64_t at_ms);

  std::optional<SaleRecord> find(const std::string& reference) const;
  // Sales not yet ended, oldest first.
  std::vector<SaleRecord> unfinished() const;
  // The most recent sale with a printed receipt.
  std::optional<SaleRecord> last_printed() const;
  // The newest `limit` sales, newest first.
  std::vector<SaleRecord> recent(int limit) const;
  // Sales that no longer wait for a payment but whose link is not confirmed closed: they need
  // deactivating (and a last look for payments), whatever happened to the terminal meanwhile.
  std::vector<SaleRecord> links_to_close() const;
  // Ended sales whose create is still uncertain: the service must be searched for their link.
  std::vector<SaleRecord> uncertain_creates() const;
  // The refund list: money owed back and not yet cleared, oldest first.
  std::vector<RefundDue> refunds_owed() const;
  // Sales that ended at or after `from_ms` and before `to_ms`, oldest first: what a report covers.
  std::vector<SaleRecord> ended_between(std::int64_t from_ms, std::int64_t to_ms) const;
  // The sales of one business day ("2026-12-05"), newest first, whatever their stage.
  std::vector<SaleRecord> sales_of_day(const std::string& business_day) const;

  // Closes the day: the next Z number (the highest plus one), from the end of the last Z to
  // `to_ms`, with what the report says. Committed before the report prints.
  LedgerResult<ZReportRecord> record_z_report(std::int64_t to_ms, std::int64_t made_at_ms,
                                              const std::string& report_json);
  // A Z's print begins, and ends (out of the printer).
  LedgerResult<ZReportRecord> record_z_print_started(std::int64_t number);
  LedgerResult<ZReportRecord> record_z_printed(std::int64_t number);
  std::optional<ZReportRecord> last_z_report() const;
  // Where the next Z begins: the end of the last one (the first millisecond it did not cover),
  // or 0.
  std::int64_t z_period_start() const;

  // Deletes ended sales that started before `cutoff_ms`, with their history, unless something
  // is still owed on them (a link not confirmed closed, a refund not cleared). Receipt
  // numbers carry on from the highest ever given. Answers how many sales went.
  LedgerResult<int> prune_ended_before(std::int64_t cutoff_ms);

  // The next paid sale's receipt number is at least floor + 1 (for a ledger rebuilt from a
  // damaged one, so numbers never repeat). Start-up: throws LedgerError.
  void raise_receipt_number_floor(std::int64_t floor);
  // Puts a sale read from a damaged ledger into this one as it was. Start-up: throws.
  void import_sale(const SaleRecord& sale, const std::string& why);

  // Small named numbers kept across restarts in ledger_counters (the PIN lockout's, say); 0 for
  // one never set.
  std::int64_t counter(std::string_view name) const;
  // Sets every (name, value) in one transaction: all of them are kept, or none. The receipt
  // number floor is not set this way (raise_receipt_number_floor): naming it is a bug and throws
  // std::logic_error.
  LedgerResult<void> set_counters(
      const std::vector<std::pair<std::string, std::int64_t>>& counters);

  int schema_version() const;

 private:
  // One write of a sale, in one transaction: reads the sale, checks `write` (with `end`) against
  // the sale tables, runs `body` on it, moves its stage as the tables say, commits, and answers
  // the sale as it now is.
  template <class Body>
  LedgerResult<SaleRecord> write(const std::string& reference, LedgerWrite what,
                                 std::optional<SaleEnd> end, Body&& body);
  // Keeps one payment of a sale (or reads an unreadable one again); false when nothing changed.
  bool keep_payment(const std::string& reference, const PaymentRecord& payment, bool after_sale);
  // The tables' one check: throws (after telling the refusal log) when they do not allow it.
  SaleStage check(const SaleRecord& sale, LedgerWrite what, std::optional<SaleEnd> end) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  std::function<void(std::string_view)> refusal_log_;
};

}  // namespace linkpos::store
