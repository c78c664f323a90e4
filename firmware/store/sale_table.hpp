#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "store/sale_stage.hpp"

// One sale's life in one table: every state it can be in, every event that moves it, the state
// it moves to and what is committed to the ledger on the way. app/sale.cpp runs from it, the
// ledger refuses any stage change it does not list, and tools/sale_diagram draws it
// (docs/sale-states.dot).
namespace linkpos::store {

// Where a sale is. Each state lies at one ledger stage: that is what a restart finds.
enum class SaleState {
  kChoosingTip,        // the customer chooses a tip before the link is made
  kCreatingLink,       // asking the payment service for the link
  kFindingLink,        // a create's answer was lost: searching for the link it may have made
  kWaitingForPayment,  // the QR code is up; polling
  kClosingLink,        // cancelled or timed out: closing the link, then a last look for payments
  kUnderpaid,          // the link took less than the total: the cashier chooses
  kCreatingRest,       // asking for a link for what is still owed
  kFindingRest,        // that create's answer was lost: searching for its link
  kCheckingPayment,    // a payment could not be read: the cashier checks it in the dashboard
  kIssuingReceipts,    // paid; the service issues its receipts
  kPrinting,           // the receipt is printing
  kPrintFailed,        // the receipt waits for the printer
  kPrinted,            // the receipt is out
  kEnded,
};

// What happens to a sale.
enum class SaleEvent {
  kTipChosen,            // the customer chose a tip (or none)
  kCancelBeforeLink,     // the cashier pressed CANCEL before a link was asked for
  kLinkMade,             // the create answered with the link
  kLinkMadeAfterCancel,  // ... after the cashier had pressed CANCEL
  kCreateLost,           // the create may have reached the service; its answer did not come
  kCreateRefused,        // no link: the service refused or could not be reached
  kCreateRefusedAfterCancel,
  kLinkFound,  // the search found the link a lost create made
  kLinkFoundAfterCancel,
  kNoLinkFound,  // the search settled it: no link was made; make one now
  kNoLinkFoundAfterCancel,
  kNoLinkFoundAfterRestart,  // a restart cut the sale off before its link existed
  kPaidInFull,               // its payments reach the total
  kUnderpaid,                // less than the total, and the link takes no more
  kPaymentUnreadable,        // an entry cannot be read and the rest do not reach the total
  kCancel,                   // the cashier pressed CANCEL
  kTimeout,                  // the payment timeout passed (or the link expired)
  kClosedElsewhere,          // the link was deactivated outside the terminal, nothing paid
  kNothingPaidAfterCancel,   // the last look after a cancel found no payment
  kNothingPaidAfterTimeout,  // the last look after the timeout found no payment
  kChargeRest,               // underpaid: the cashier sells what is still owed
  kAcceptUnderpaid,          // underpaid: the cashier accepts what was paid
  kGiveUp,                   // a payment could not be read: the cashier gives the sale up
  kReceiptsIssued,           // the service's receipts are issued (or could not be)
  kPrintedOk,
  kPrinterFailed,
  kPrintAgain,  // the printer is back (or the cashier pressed CHARGE)
  kDone,        // the receipt is out: nothing more to do
};

// What a move commits to the ledger: a stage change (or, for kNone, nothing).
enum class LedgerWrite {
  kNone,
  kTip,              // record_tip: the tip, added to the total
  kLinkCreated,      // record_link_created: the link's id, URL, expiry, amount
  kCreateUncertain,  // record_create_uncertain: a create is out; a restart looks for its link
  kCreateSettled,    // record_create_settled: no link was made
  kUnderpaid,        // record_underpaid
  kCheckPayment,     // record_check_payment
  kPaid,             // record_paid: the payments counted, the receipt number, refunds, write-off
  kReceiptIssued,    // record_receipt_issued: the service's receipt ids
  kPrintStarted,     // record_print_started: a print is out
  kPrintFailed,      // record_print_failed: the printer's refusal
  kPrinted,          // record_printed (the original; later ones are copies, noted)
  kEnded,            // record_ended, with the move's end
  // Notes (see kLedgerNotes) rather than moves of the sale:
  kPayments,    // record_payments: what the service listed for the sale's links
  kLinkClosed,  // record_link_closed: the service confirmed the link takes no more
  kLateLink,    // record_late_link: a lost create's link, found after the sale ended
};

struct SaleMove {
  SaleState from;
  SaleEvent event;
  SaleState to;
  LedgerWrite write;
  std::optional<SaleEnd> end = std::nullopt;  // for kEnded
};

// Every move a sale can make. A pair (state, event) not listed is a programming error.
inline constexpr auto kSaleMoves = [] {
  using S = SaleState;
  using E = SaleEvent;
  using W = LedgerWrite;
  return std::array{
      // The tip, when the terminal offers one.
      SaleMove{S::kChoosingTip, E::kTipChosen, S::kCreatingLink, W::kTip},
      SaleMove{S::kChoosingTip, E::kCancelBeforeLink, S::kEnded, W::kEnded, SaleEnd::kCancelled},
      // The first link.
      SaleMove{S::kCreatingLink, E::kLinkMade, S::kWaitingForPayment, W::kLinkCreated},
      SaleMove{S::kCreatingLink, E::kLinkMadeAfterCancel, S::kClosingLink, W::kLinkCreated},
      SaleMove{S::kCreatingLink, E::kCreateLost, S::kFindingLink, W::kCreateUncertain},
      SaleMove{S::kCreatingLink, E::kCreateRefused, S::kEnded, W::kEnded, SaleEnd::kFailed},
      SaleMove{S::kCreatingLink, E::kCreateRefusedAfterCancel, S::kEnded, W::kEnded,
               SaleEnd::kCancelled},
      SaleMove{S::kFindingLink, E::kLinkFound, S::kWaitingForPayment, W::kLinkCreated},
      SaleMove{S::kFindingLink, E::kLinkFoundAfterCancel, S::kClosingLink, W::kLinkCreated},
      SaleMove{S::kFindingLink, E::kNoLinkFound, S::kCreatingLink, W::kCreateSettled},
      SaleMove{S::kFindingLink, E::kNoLinkFoundAfterCancel, S::kEnded, W::kEnded,
               SaleEnd::kCancelled},
      SaleMove{S::kFindingLink, E::kNoLinkFoundAfterRestart, S::kEnded, W::kEnded,
               SaleEnd::kFailed},
      // Waiting for the customer.
      SaleMove{S::kWaitingForPayment, E::kPaidInFull, S::kIssuingReceipts, W::kPaid},
      SaleMove{S::kWaitingForPayment, E::kUnderpaid, S::kUnderpaid, W::kUnderpaid},
      SaleMove{S::kWaitingForPayment, E::kPaymentUnreadable, S::kCheckingPayment, W::kCheckPayment},
      SaleMove{S::kWaitingForPayment, E::kCancel, S::kClosingLink, W::kNone},
      SaleMove{S::kWaitingForPayment, E::kTimeout, S::kClosingLink, W::kNone},
      SaleMove{S::kWaitingForPayment, E::kClosedElsewhere, S::kEnded, W::kEnded,
               SaleEnd::kCancelled},
      SaleMove{S::kClosingLink, E::kPaidInFull, S::kIssuingReceipts, W::kPaid},
      SaleMove{S::kClosingLink, E::kUnderpaid, S::kUnderpaid, W::kUnderpaid},
      SaleMove{S::kClosingLink, E::kPaymentUnreadable, S::kCheckingPayment, W::kCheckPayment},
      SaleMove{S::kClosingLink, E::kNothingPaidAfterCancel, S::kEnded, W::kEnded,
               SaleEnd::kCancelled},
      SaleMove{S::kClosingLink, E::kNothingPaidAfterTimeout, S::kEnded, W::kEnded,
               SaleEnd::kExpired},
      // Less than the total.
      SaleMove{S::kUnderpaid, E::kChargeRest, S::kCreatingRest, W::kCreateUncertain},
      SaleMove{S::kUnderpaid, E::kAcceptUnderpaid, S::kIssuingReceipts, W::kPaid},
      SaleMove{S::kUnderpaid, E::kPaidInFull, S::kIssuingReceipts, W::kPaid},
      SaleMove{S::kUnderpaid, E::kPaymentUnreadable, S::kCheckingPayment, W::kCheckPayment},
      SaleMove{S::kCreatingRest, E::kLinkMade, S::kWaitingForPayment, W::kLinkCreated},
      SaleMove{S::kCreatingRest, E::kLinkMadeAfterCancel, S::kClosingLink, W::kLinkCreated},
      SaleMove{S::kCreatingRest, E::kCreateLost, S::kFindingRest, W::kNone},
      SaleMove{S::kCreatingRest, E::kCreateRefused, S::kUnderpaid, W::kCreateSettled},
      SaleMove{S::kCreatingRest, E::kCreateRefusedAfterCancel, S::kUnderpaid, W::kCreateSettled},
      SaleMove{S::kFindingRest, E::kLinkFound, S::kWaitingForPayment, W::kLinkCreated},
      SaleMove{S::kFindingRest, E::kLinkFoundAfterCancel, S::kClosingLink, W::kLinkCreated},
      SaleMove{S::kFindingRest, E::kNoLinkFound, S::kUnderpaid, W::kCreateSettled},
      SaleMove{S::kFindingRest, E::kNoLinkFoundAfterCancel, S::kUnderpaid, W::kCreateSettled},
      SaleMove{S::kFindingRest, E::kNoLinkFoundAfterRestart, S::kUnderpaid, W::kCreateSettled},
      // A payment that cannot be read.
      SaleMove{S::kCheckingPayment, E::kPaidInFull, S::kIssuingReceipts, W::kPaid},
      SaleMove{S::kCheckingPayment, E::kUnderpaid, S::kUnderpaid, W::kUnderpaid},
      SaleMove{S::kCheckingPayment, E::kGiveUp, S::kEnded, W::kEnded, SaleEnd::kUnresolved},
      // Paid: the receipt.
      SaleMove{S::kIssuingReceipts, E::kReceiptsIssued, S::kPrinting, W::kReceiptIssued},
      SaleMove{S::kPrinting, E::kPrintedOk, S::kPrinted, W::kPrinted},
      SaleMove{S::kPrinting, E::kPrinterFailed, S::kPrintFailed, W::kPrintFailed},
      SaleMove{S::kPrintFailed, E::kPrintAgain, S::kPrinting, W::kNone},
      SaleMove{S::kPrinted, E::kDone, S::kEnded, W::kEnded, SaleEnd::kCompleted},
  };
}();

// The ledger stage a state lies at.
constexpr SaleStage stage_of(SaleState state) {
  switch (state) {
    case SaleState::kChoosingTip:
    case SaleState::kCreatingLink:
    case SaleState::kFindingLink:
      return SaleStage::kStarted;
    case SaleState::kWaitingForPayment:
    case SaleState::kClosingLink:
      return SaleStage::kLinkCreated;
    case SaleState::kUnderpaid:
    case SaleState::kCreatingRest:
    case SaleState::kFindingRest:
      return SaleStage::kUnderpaid;
    case SaleState::kCheckingPayment:
      return SaleStage::kCheckPayment;
    case SaleState::kIssuingReceipts:
      return SaleStage::kPaid;
    case SaleState::kPrinting:
    case SaleState::kPrintFailed:
      return SaleStage::kReceiptIssued;
    case SaleState::kPrinted:
      return SaleStage::kPrinted;
    case SaleState::kEnded:
      break;
  }
  return SaleStage::kEnded;
}

// Where a sale read back from the ledger after a restart picks up. A create may have reached the
// service before the power went: a sale at kStarted looks for its link first, and one that had
// asked for a link for the rest (create_uncertain) looks for that.
constexpr SaleState resume_state(SaleStage stage, bool create_uncertain) {
  switch (stage) {
    case SaleStage::kStarted:
      return SaleState::kFindingLink;
    case SaleStage::kLinkCreated:
      return SaleState::kWaitingForPayment;
    case SaleStage::kUnderpaid:
      return create_uncertain ? SaleState::kFindingRest : SaleState::kUnderpaid;
    case SaleStage::kCheckPayment:
      return SaleState::kCheckingPayment;
    case SaleStage::kPaid:
      return SaleState::kIssuingReceipts;
    case SaleStage::kReceiptIssued:
      return SaleState::kPrinting;
    case SaleStage::kPrinted:
      return SaleState::kPrinted;
    case SaleStage::kEnded:
      break;
  }
  return SaleState::kEnded;
}

// The move `event` makes from `state`, or nullptr when the table has none.
constexpr const SaleMove* find_move(SaleState state, SaleEvent event) {
  for (const SaleMove& move : kSaleMoves) {
    if (move.from == state && move.event == event)
      return &move;
  }
  return nullptr;
}

// Ledger writes that note something about a sale without moving it, and the stages (a range,
// in stage order) they are allowed at, whoever makes them: the sale, the link closer, a reprint.
struct LedgerNote {
  LedgerWrite write;
  SaleStage first;
  SaleStage last;
};

inline constexpr std::array kLedgerNotes = {
    // A customer may pay, and a link be confirmed closed, at any stage once the link exists,
    // after the sale has ended too.
    LedgerNote{LedgerWrite::kPayments, SaleStage::kLinkCreated, SaleStage::kEnded},
    LedgerNote{LedgerWrite::kLinkClosed, SaleStage::kLinkCreated, SaleStage::kEnded},
    // Copies of a receipt, and each attempt at printing one.
    LedgerNote{LedgerWrite::kPrintStarted, SaleStage::kReceiptIssued, SaleStage::kEnded},
    LedgerNote{LedgerWrite::kPrintFailed, SaleStage::kPrinted, SaleStage::kEnded},
    LedgerNote{LedgerWrite::kPrinted, SaleStage::kPrinted, SaleStage::kEnded},
    // The link closer settles what ended sales left uncertain.
    LedgerNote{LedgerWrite::kCreateSettled, SaleStage::kEnded, SaleStage::kEnded},
    LedgerNote{LedgerWrite::kLateLink, SaleStage::kEnded, SaleStage::kEnded},
};

// The stage a sale at `from` is at after `write` (with `end`, for kEnded): the table's move, or
// `from` itself for a note; nullopt when the tables allow neither. The ledger's one check.
constexpr std::optional<SaleStage> stage_after(SaleStage from, LedgerWrite write,
                                               std::optional<SaleEnd> end = std::nullopt) {
  for (const SaleMove& move : kSaleMoves) {
    if (move.write == write && stage_of(move.from) == from && move.end == end)
      return stage_of(move.to);
  }
  for (const LedgerNote& note : kLedgerNotes) {
    if (note.write == write && note.first <= from && from <= note.last)
      return from;
  }
  return std::nullopt;
}

// Names for logs, errors and the diagram.
std::string_view state_name(SaleState state);
std::string_view event_name(SaleEvent event);
std::string_view write_name(LedgerWrite write);

}  // namespace linkpos::store
