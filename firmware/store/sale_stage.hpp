#pragma once

// The stages a sale goes through in the ledger, and how it ends. store/sale_table.hpp says
// which moves between them a sale may make.
namespace linkpos::store {

// How far a sale got. Each stage is committed before the step after it begins.
enum class SaleStage {
  kStarted,        // reference and amount known; no link yet
  kLinkCreated,    // the backend made a link; the customer may be paying
  kUnderpaid,      // the link is closed with less than the total paid: the cashier decides
  kCheckPayment,   // a payment could not be read and the rest do not reach the total
  kPaid,           // the payments reach the total (or the cashier accepted less); receipt number
  kReceiptIssued,  // the backend's receipts exist (or the backend has none)
  kPrinted,        // the original receipt came out of the printer
  kEnded,          // nothing more to do
};

enum class SaleEnd {
  kCompleted,   // paid and printed
  kCancelled,   // the cashier cancelled before payment
  kExpired,     // no payment before the timeout
  kFailed,      // the link could not be made
  kUnresolved,  // a payment could not be read; the cashier gave up on it: every payment refunded
};

}  // namespace linkpos::store
