#pragma once

#include <array>

#include "app/strings.hpp"
#include "store/sale_table.hpp"

namespace linkpos::app {

// Exit codes of a --once run: how its one sale ended, or why it could not.
enum class OnceExit : int {
  kPrinted = 0,
  kCancelled = 1,
  kExpired = 2,
  kFailed = 3,
  kReceiptPending = 4,  // paid, but the printer did not take the receipt
  kLedgerFailed = 5,
  kUnresolved = 6,  // a payment could not be read and the cashier gave up: all to refund
};

// One way a sale ends: the event of the move that ends it, what the ledger keeps, what a --once
// run exits with, and what the cashier is told (a note on the idle screen, or a notice to
// acknowledge; members of Strings, or nullptr). A notice without a body is a link that could
// not be made: the failure says why, and CHARGE tries again.
struct SaleEnding {
  store::SaleEvent event;
  store::SaleEnd ledger_end;
  OnceExit exit;
  std::string_view Strings::*idle_note = nullptr;
  std::string_view Strings::*notice_title = nullptr;
  std::string_view Strings::*notice_body = nullptr;
};

inline constexpr auto kSaleEndings = [] {
  using store::SaleEnd;
  using store::SaleEvent;
  return std::array{
      SaleEnding{SaleEvent::kDone, SaleEnd::kCompleted, OnceExit::kPrinted,
                 &Strings::idle_last_paid},
      SaleEnding{SaleEvent::kCancelBeforeLink, SaleEnd::kCancelled, OnceExit::kCancelled,
                 &Strings::idle_last_cancelled},
      SaleEnding{SaleEvent::kNothingPaidAfterCancel, SaleEnd::kCancelled, OnceExit::kCancelled,
                 &Strings::idle_last_cancelled},
      SaleEnding{SaleEvent::kCreateRefusedAfterCancel, SaleEnd::kCancelled, OnceExit::kCancelled,
                 &Strings::idle_last_cancelled},
      SaleEnding{SaleEvent::kNoLinkFoundAfterCancel, SaleEnd::kCancelled, OnceExit::kCancelled,
                 &Strings::idle_last_cancelled},
      SaleEnding{SaleEvent::kNothingPaidAfterTimeout, SaleEnd::kExpired, OnceExit::kExpired,
                 nullptr, &Strings::timeout_title, &Strings::timeout_body},
      SaleEnding{SaleEvent::kClosedElsewhere, SaleEnd::kCancelled, OnceExit::kCancelled, nullptr,
                 &Strings::closed_elsewhere_title, &Strings::closed_elsewhere_body},
      SaleEnding{SaleEvent::kCreateRefused, SaleEnd::kFailed, OnceExit::kFailed, nullptr,
                 &Strings::create_failed_title},
      SaleEnding{SaleEvent::kNoLinkFoundAfterRestart, SaleEnd::kFailed, OnceExit::kFailed,
                 &Strings::idle_last_interrupted},
      SaleEnding{SaleEvent::kGiveUp, SaleEnd::kUnresolved, OnceExit::kUnresolved, nullptr,
                 &Strings::unresolved_title, &Strings::unresolved_body},
  };
}();

// The ending a move by `event` into kEnded makes, or nullptr.
constexpr const SaleEnding* ending_for(store::SaleEvent event) {
  for (const SaleEnding& ending : kSaleEndings) {
    if (ending.event == event)
      return &ending;
  }
  return nullptr;
}

// Every move into kEnded has its ending here, with the ledger end the sale table commits.
constexpr bool endings_match_the_sale_table() {
  for (const store::SaleMove& move : store::kSaleMoves) {
    if (move.to != store::SaleState::kEnded)
      continue;
    const SaleEnding* ending = ending_for(move.event);
    if (ending == nullptr || !move.end || *move.end != ending->ledger_end)
      return false;
  }
  return true;
}
static_assert(endings_match_the_sale_table());

}  // namespace linkpos::app
