#include "store/sale_table.hpp"

namespace linkpos::store {

std::string_view state_name(SaleState state) {
  switch (state) {
    case SaleState::kChoosingTip:
      return "choosing tip";
    case SaleState::kCreatingLink:
      return "creating link";
    case SaleState::kFindingLink:
      return "finding link";
    case SaleState::kWaitingForPayment:
      return "waiting for payment";
    case SaleState::kClosingLink:
      return "closing link";
    case SaleState::kUnderpaid:
      return "underpaid";
    case SaleState::kCreatingRest:
      return "creating rest";
    case SaleState::kFindingRest:
      return "finding rest";
    case SaleState::kCheckingPayment:
      return "checking payment";
    case SaleState::kIssuingReceipts:
      return "issuing receipts";
    case SaleState::kPrinting:
      return "printing";
    case SaleState::kPrintFailed:
      return "print failed";
    case SaleState::kPrinted:
      return "printed";
    case SaleState::kEnded:
      return "ended";
  }
  return "unknown";
}

std::string_view event_name(SaleEvent event) {
  switch (event) {
    case SaleEvent::kTipChosen:
      return "tip chosen";
    case SaleEvent::kCancelBeforeLink:
      return "CANCEL";
    case SaleEvent::kLinkMade:
      return "link made";
    case SaleEvent::kLinkMadeAfterCancel:
      return "link made after CANCEL";
    case SaleEvent::kCreateLost:
      return "create answer lost";
    case SaleEvent::kCreateRefused:
      return "create refused";
    case SaleEvent::kCreateRefusedAfterCancel:
      return "create refused after CANCEL";
    case SaleEvent::kLinkFound:
      return "link found";
    case SaleEvent::kLinkFoundAfterCancel:
      return "link found after CANCEL";
    case SaleEvent::kNoLinkFound:
      return "no link found";
    case SaleEvent::kNoLinkFoundAfterCancel:
      return "no link found after CANCEL";
    case SaleEvent::kNoLinkFoundAfterRestart:
      return "no link found after restart";
    case SaleEvent::kPaidInFull:
      return "paid in full";
    case SaleEvent::kUnderpaid:
      return "underpaid";
    case SaleEvent::kPaymentUnreadable:
      return "payment unreadable";
    case SaleEvent::kCancel:
      return "CANCEL";
    case SaleEvent::kTimeout:
      return "timeout";
    case SaleEvent::kClosedElsewhere:
      return "closed elsewhere";
    case SaleEvent::kNothingPaidAfterCancel:
      return "nothing paid after CANCEL";
    case SaleEvent::kNothingPaidAfterTimeout:
      return "nothing paid after timeout";
    case SaleEvent::kChargeRest:
      return "CHARGE the rest";
    case SaleEvent::kAcceptUnderpaid:
      return "CANCEL: accept";
    case SaleEvent::kGiveUp:
      return "CANCEL: give up";
    case SaleEvent::kReceiptsIssued:
      return "receipts issued";
    case SaleEvent::kPrintedOk:
      return "printed";
    case SaleEvent::kPrinterFailed:
      return "printer failed";
    case SaleEvent::kPrintAgain:
      return "print again";
    case SaleEvent::kDone:
      return "done";
  }
  return "unknown";
}

std::string_view write_name(LedgerWrite write) {
  switch (write) {
    case LedgerWrite::kNone:
      return "";
    case LedgerWrite::kTip:
      return "tip";
    case LedgerWrite::kLinkCreated:
      return "link_created";
    case LedgerWrite::kCreateUncertain:
      return "create_uncertain";
    case LedgerWrite::kCreateSettled:
      return "create_settled";
    case LedgerWrite::kUnderpaid:
      return "underpaid";
    case LedgerWrite::kCheckPayment:
      return "check_payment";
    case LedgerWrite::kPaid:
      return "paid";
    case LedgerWrite::kReceiptIssued:
      return "receipt_issued";
    case LedgerWrite::kPrintStarted:
      return "print_started";
    case LedgerWrite::kPrintFailed:
      return "print_failed";
    case LedgerWrite::kPrinted:
      return "printed";
    case LedgerWrite::kEnded:
      return "ended";
    case LedgerWrite::kPayments:
      return "payments";
    case LedgerWrite::kLinkClosed:
      return "link_closed";
    case LedgerWrite::kLateLink:
      return "late_link";
  }
  return "unknown";
}

}  // namespace linkpos::store
