#include "app/views/amount_view.hpp"

#include "app/screens.hpp"

namespace linkpos::app {

AmountView::AmountView(SaleServices& services, std::int64_t minor) : services_(services) {
  entry_.set(minor);
}

Next AmountView::press(hal::Key key) {
  refusal_.clear();
  if (waiting_for_site_ && key != hal::Key::kCancel)
    return {};
  const Money amount{entry_.minor(), services_.settings.currency};
  switch (key) {
    case hal::Key::kCancel:
      return Next{Next::Go::kIdle};
    case hal::Key::kCharge:
      if (amount.minor <= 0) {
        refusal_ = std::string(services_.strings.amount_zero);
      } else if (amount.minor > services_.settings.max_amount_minor) {
        refusal_ = fill(services_.strings.amount_too_high,
                        {{"max", format_money(Money{services_.settings.max_amount_minor,
                                                    services_.settings.currency})}});
      } else {
        return Next{Next::Go::kCharge, amount};
      }
      return {};
    default:
      entry_.apply(key);
      return {};
  }
}

ui::Screen AmountView::screen() const {
  return screens::amount(
      services_.strings, Money{entry_.minor(), services_.settings.currency},
      waiting_for_site_ ? std::string(services_.strings.idle_checking_site) : refusal_);
}

}  // namespace linkpos::app
