#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace linkpos::store {

// How far a sale got. Each stage is committed before the step after it begins.
enum class SaleStage {
  kStarted,        // reference and amount known; no link yet
  kLinkCreated,    // the backend made a link; the customer may be paying
  kPaid,           // a payment was seen; the sale has its receipt number
  kReceiptIssued,  // the backend's receipt exists (or the backend has none)
  kPrinted,        // the original receipt came out of the printer
  kEnded,          // nothing more to do
};

enum class SaleEnd {
  kCompleted,  // paid and printed
  kCancelled,  // the cashier cancelled before payment
  kExpired,    // no payment before the timeout
  kFailed,     // the link could not be made
};

struct SaleRecord {
  std::string reference;           // "<terminal id>-<ULID>"
  std::string business_day;        // "2026-11-25": the local day the sale belongs to
  std::int64_t started_at_ms = 0;  // Unix time in milliseconds
  std::string currency;            // ISO 4217 code
  std::int64_t amount_minor = 0;

  SaleStage stage = SaleStage::kStarted;

  std::string link_id;  // empty until kLinkCreated
  std::string link_url;
  std::int64_t link_expires_at_ms = 0;

  std::string payment_id;  // empty until kPaid
  std::int64_t paid_amount_minor = 0;
  std::int64_t paid_at_ms = 0;
  std::int64_t receipt_number = 0;  // 0 until kPaid; 1, 2, 3... without gaps per ledger

  std::string backend_receipt_id;  // the Wix receipt id; empty when there is none
  int prints = 0;                  // receipts printed for this sale, original and copies

  std::optional<SaleEnd> end;  // set at kEnded
  std::string end_detail;      // why, in words, for the technician

  // The backend confirmed the link takes no more payments (deactivated, expired or paid out).
  bool link_closed = false;
  // A print began and its end was never recorded: the power went while it printed, so what
  // comes out next must say it is a reprint.
  bool print_pending = false;
  // A create may have reached the service without its answer reaching the terminal: a link
  // for this sale may exist that the ledger does not know yet.
  bool create_uncertain = false;
};

// A payment on a sale's link beyond the one the sale took (a second customer paying the same
// QR code, or a payment landing after the sale was cancelled): the merchant owes a refund.
struct ExtraPayment {
  std::string payment_id;
  std::string reference;
  std::string currency;
  std::int64_t amount_minor = 0;
  std::int64_t seen_at_ms = 0;
  bool acknowledged = false;  // the cashier has seen the refund notice
};

// A ledger that cannot be opened, read or written: the message names the file and the cause.
class LedgerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The sale ledger: one SQLite file (WAL, synchronous=FULL), so a power cut at any instant leaves
// every sale at its last committed stage. Each record_* call is one transaction, committed when
// it returns, that moves the sale forward and appends an event to its history; a call that does
// not follow the stage order throws std::logic_error (a bug, not bad luck). Read and write
// failures throw LedgerError.
class Ledger {
 public:
  // Opens the ledger at `path`, creating it (and its schema) when absent.
  explicit Ledger(const std::string& path);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Uses reference, business_day, started_at_ms, currency and amount_minor of `sale`.
  void record_started(const SaleRecord& sale);
  void record_link_created(const std::string& reference, const std::string& link_id,
                           const std::string& link_url, std::int64_t expires_at_ms);
  // Returns the receipt number the sale now has: the ledger's highest plus one.
  std::int64_t record_paid(const std::string& reference, const std::string& payment_id,
                           std::int64_t paid_amount_minor, std::int64_t paid_at_ms);
  void record_receipt_issued(const std::string& reference, const std::string& backend_receipt_id);
  // Marks a print as begun, before the first byte goes to the printer.
  void record_print_started(const std::string& reference);
  // Counts one receipt out of the printer; the first moves the sale to kPrinted, later ones are
  // copies and leave the stage alone.
  void record_printed(const std::string& reference);
  // The printer reported it did not print (paper out, offline). Kept in the history; the sale
  // stays print_pending until a print succeeds.
  void record_print_failed(const std::string& reference, const std::string& detail);
  void record_ended(const std::string& reference, SaleEnd end, const std::string& detail);

  // A create request for the sale may have made a link whose answer was lost.
  void record_create_uncertain(const std::string& reference);
  // A search settled it: no link was made (a link that was made is recorded as created).
  void record_create_settled(const std::string& reference);
  // A link made by a create whose answer was lost, found after the sale had already ended
  // unpaid: it gets closed like any open link, and any payment on it is refunded.
  void record_late_link(const std::string& reference, const std::string& link_id,
                        const std::string& link_url, std::int64_t expires_at_ms);

  // The backend confirmed the sale's link takes no more payments. Any stage after kStarted.
  void record_link_closed(const std::string& reference);
  // Keeps a payment beyond the sale's own; false when it was already kept.
  bool record_extra_payment(const std::string& reference, const std::string& payment_id,
                            std::int64_t amount_minor, std::int64_t seen_at_ms);
  void acknowledge_extra_payment(const std::string& payment_id);

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
  // Extra payments the cashier has not acknowledged yet, oldest first.
  std::vector<ExtraPayment> unacknowledged_extra_payments() const;
  std::vector<ExtraPayment> extra_payments(const std::string& reference) const;

  // Deletes ended sales that started before `cutoff_ms`, with their history, unless something
  // is still owed on them (a link not confirmed closed, an unacknowledged refund). Receipt
  // numbers carry on from the highest ever given. Returns how many sales went.
  int prune_ended_before(std::int64_t cutoff_ms);

  // The next paid sale's receipt number is at least floor + 1 (for a ledger rebuilt from a
  // damaged one, so numbers never repeat).
  void raise_receipt_number_floor(std::int64_t floor);
  // Puts a sale read from a damaged ledger into this one as it was.
  void import_sale(const SaleRecord& sale, const std::string& why);

  int schema_version() const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace linkpos::store
