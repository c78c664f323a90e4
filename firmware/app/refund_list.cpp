#include "app/refund_list.hpp"

#include "app/exact_amount.hpp"
#include "app/local_time.hpp"

namespace linkpos::app {

std::string_view refund_reason_text(store::RefundReason reason, const Strings& s) {
  switch (reason) {
    case store::RefundReason::kOverpaid:
      return s.refunds_reason_overpaid;
    case store::RefundReason::kAfterSale:
      return s.refunds_reason_after_sale;
    case store::RefundReason::kUnreadable:
      return s.refunds_reason_unreadable;
    case store::RefundReason::kUnresolved:
    case store::RefundReason::kNone:
      break;
  }
  return s.refunds_reason_unresolved;
}

RefundList::RefundList(SaleServices& services, bool may_clear)
    : services_(services), may_clear_(may_clear) {
  reload();
}

void RefundList::open() {
  index_ = 0;
  note_.clear();
  reload();
}

void RefundList::reload() {
  try {
    refunds_ = services_.ledger.refunds_owed();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
    refunds_.clear();
  }
  if (index_ >= refunds_.size())
    index_ = 0;
}

Next RefundList::press(hal::Key key) {
  note_.clear();
  switch (key) {
    case hal::Key::kCancel:
    case hal::Key::kMenu:
      return Next{Next::Go::kIdle};
    case hal::Key::kCharge:
      if (!refunds_.empty())
        index_ = (index_ + 1) % refunds_.size();
      return {};
    case hal::Key::kClear:
      if (may_clear_ && !refunds_.empty()) {
        const store::RefundDue due = refunds_[index_];
        const auto cleared = services_.ledger.clear_refund(due.reference, due.payment.payment_id,
                                                           to_unix_ms(services_.clock.now()));
        if (cleared) {
          services_.log.info("refund of payment " + due.payment.payment_id + " (sale " +
                             due.reference + ") cleared by the technician");
          note_ = std::string(services_.strings.refunds_cleared);
        } else {
          services_.log.error(cleared.error().message);
        }
        reload();
      }
      return {};
    default:
      return {};
  }
}

ui::Screen RefundList::screen() const {
  const Strings& s = services_.strings;
  ui::Screen screen{"refunds",
                    std::string(s.refunds_title),
                    {},
                    std::nullopt,
                    std::string(may_clear_ ? s.refunds_clear_hint : s.refunds_hint)};
  auto& body = screen.body;
  const auto line = [&](std::string text, ui::Tone tone = ui::Tone::kNormal,
                        ui::TextStyle style = ui::TextStyle::kNormal) {
    body.push_back(ui::ScreenLine{std::move(text), style, ui::TextAlign::kLeft, tone});
  };
  if (refunds_.empty()) {
    line(std::string(s.refunds_none), ui::Tone::kMuted);
  } else {
    const store::RefundDue& due = refunds_[index_];
    const store::PaymentRecord& payment = due.payment;
    const Currency currency = currency_by_code(due.currency).value_or(services_.settings.currency);
    line(fill(s.refunds_position,
              {{"index", std::to_string(index_ + 1)}, {"count", std::to_string(refunds_.size())}}),
         ui::Tone::kMuted);
    line(payment.refund_thousandths
             ? fill(s.refunds_amount,
                    {{"amount", format_exact(*payment.refund_thousandths, currency)}})
             : std::string(s.refunds_amount_unknown),
         ui::Tone::kWarning, ui::TextStyle::kLarge);
    line(std::string(refund_reason_text(payment.refund_reason, s)));
    line(fill(s.refunds_sale, {{"reference", due.reference}}), ui::Tone::kNormal,
         ui::TextStyle::kSmall);
    line(fill(s.refunds_payment, {{"payment", payment.payment_id}}), ui::Tone::kNormal,
         ui::TextStyle::kSmall);
    if (!payment.payer.empty())
      line(fill(s.refunds_payer, {{"name", payment.payer}}));
    if (!payment.card.empty())
      line(fill(s.refunds_card, {{"card", payment.card}}));
    line(std::string(s.refunds_action), ui::Tone::kMuted);
  }
  if (!note_.empty())
    line(note_, ui::Tone::kGood);
  return screen;
}

}  // namespace linkpos::app
