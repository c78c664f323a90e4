#include "app/views/sale_view.hpp"

#include "app/exact_amount.hpp"
#include "app/sale_reference.hpp"
#include "app/screens.hpp"

namespace linkpos::app {
namespace {

using State = Sale::State;

bool paid_state(State state) {
  return state == State::kIssuingReceipts || state == State::kPrinting;
}

}  // namespace

SaleView::SaleView(SaleServices& services, Sale& sale) : services_(services), sale_(sale) {}

bool SaleView::paid_to_show() {
  if (paid_shown_ || !paid_state(sale_.state()))
    return false;
  paid_shown_ = true;
  return true;
}

Next SaleView::press(hal::Key key) {
  switch (sale_.state()) {
    case State::kChoosingTip:
      if (const auto digit = hal::key_digit(key); digit && *digit > 0) {
        sale_.choose_tip(static_cast<std::size_t>(*digit - 1));
      } else if (key == hal::Key::kCancel) {
        sale_.cancel();
      }
      break;
    case State::kCreatingLink:
    case State::kFindingLink:
    case State::kCreatingRest:
    case State::kFindingRest:
    case State::kWaitingForPayment:
      if (key == hal::Key::kCancel)
        sale_.cancel();
      break;
    case State::kUnderpaid:
      if (key == hal::Key::kCharge) {
        sale_.charge_rest();
      } else if (key == hal::Key::kCancel) {
        sale_.accept_underpaid();
      }
      break;
    case State::kCheckingPayment:
      if (key == hal::Key::kCharge) {
        sale_.look_again();
      } else if (key == hal::Key::kCancel) {
        sale_.give_up();
      }
      break;
    case State::kIssuingReceipts:
    case State::kPrinting:
      paid_acknowledged_ = true;
      break;
    case State::kPrintFailed:
      if (key == hal::Key::kCharge) {
        sale_.retry_print();
      } else if (key == hal::Key::kCancel) {
        // The sale stays paid with its receipt pending; it prints after the next sale or boot.
        return Next{Next::Go::kIdleReceiptPending};
      }
      break;
    case State::kPrinted:
    case State::kEnded:
      return Next{Next::Go::kIdle};
    case State::kClosingLink:
      break;
  }
  return {};
}

std::vector<std::string> SaleView::paid_refund_lines() const {
  std::vector<std::string> lines;
  for (const auto& payment : sale_.record().payments) {
    if (payment.refund_reason == store::RefundReason::kOverpaid && payment.refund_thousandths) {
      lines.push_back(
          fill(services_.strings.paid_refund,
               {{"amount", format_exact(*payment.refund_thousandths, services_.settings.currency)},
                {"payment", payment.payment_id}}));
    }
  }
  return lines;
}

ui::Screen SaleView::screen() const {
  const Strings& s = services_.strings;
  const Money amount = sale_.amount();
  if (sale_.ledger_failure()) {
    return screens::error(std::string(s.ledger_title), {std::string(s.ledger_body)},
                          std::string(s.ledger_hint));
  }
  switch (sale_.state()) {
    case State::kChoosingTip:
      return screens::tip(s, amount, services_.settings.tips, sale_.tip_choices());
    case State::kCreatingLink:
    case State::kFindingLink:
    case State::kCreatingRest:
    case State::kFindingRest:
      return sale_.cancel_requested() ? screens::cancelling(s, amount)
                                      : screens::creating(s, amount, sale_.trouble());
    case State::kWaitingForPayment:
      return screens::qr(s, sale_.link_amount(), sale_.record().link_url,
                         short_reference(sale_.record().reference), sale_.time_left(),
                         sale_.trouble());
    case State::kClosingLink:
      return screens::cancelling(s, amount);
    case State::kUnderpaid: {
      const Settlement now = sale_.settlement();
      std::vector<std::string> notes;
      if (!sale_.record().link_closed)
        notes.push_back(std::string(s.underpaid_link_open));
      if (sale_.trouble())
        notes.push_back(std::string(failure_text(*sale_.trouble(), s)));
      return screens::underpaid(s, format_exact(now.paid_thousandths, amount.currency), amount,
                                now.shortfall, notes);
    }
    case State::kCheckingPayment: {
      std::vector<std::string> unreadable;
      for (const auto& payment : sale_.record().payments) {
        if (!payment.amount_thousandths)
          unreadable.push_back(payment.payment_id);
      }
      std::vector<std::string> notes;
      if (sale_.looking_again()) {
        notes.push_back(std::string(s.check_looking));
      } else if (sale_.trouble()) {
        notes.push_back(std::string(failure_text(*sale_.trouble(), s)));
      }
      return screens::check_payment(s, sale_.record().link_id, unreadable, notes);
    }
    case State::kIssuingReceipts:
    case State::kPrinting:
      if (paid_acknowledged_)
        return screens::printing(s, amount);
      return screens::paid(s, amount, sale_.record().receipt_number, false, paid_refund_lines());
    case State::kPrintFailed:
      return screens::error(std::string(s.printer_title),
                            {std::string(printer_fault_text(sale_.print_error()->fault, s)),
                             fill(s.printer_sale_paid, {{"amount", format_money(amount)}}),
                             std::string(s.printer_retrying)},
                            std::string(s.printer_retry_hint));
    case State::kPrinted:
    case State::kEnded:
      break;
  }
  return screens::paid(s, amount, sale_.record().receipt_number, true, paid_refund_lines());
}

}  // namespace linkpos::app
