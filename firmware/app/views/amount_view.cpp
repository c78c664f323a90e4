#include "app/views/amount_view.hpp"

#include "app/screens.hpp"

namespace linkpos::app {

AmountView::AmountView(SaleServices& services, Cart& cart) : services_(services), cart_(cart) {}

Next AmountView::press(hal::Key key) {
  refusal_.clear();
  if (waiting_ && key != hal::Key::kCancel)
    return {};
  if (const int number = hal::key_function(key); number > 0) {
    add_quick_key(number);
    return {};
  }
  switch (key) {
    case hal::Key::kCancel:
      cart_.clear();
      return Next{Next::Go::kIdle};
    case hal::Key::kCharge:
      return charge();
    case hal::Key::kMenu:
      return Next{Next::Go::kItems};
    case hal::Key::kBackspace:
      if (cart_.keyed().minor() == 0) {
        cart_.remove_last();
        return {};
      }
      break;
    case hal::Key::kClear:
      if (cart_.keyed().minor() == 0) {
        cart_.clear();
        return {};
      }
      break;
    default:
      break;
  }
  cart_.keyed().apply(key);
  return {};
}

void AmountView::add_quick_key(int number) {
  const CatalogueItem* item = item_at_key(services_.settings, number);
  if (item == nullptr) {
    refusal_ = fill(services_.strings.cart_no_item, {{"key", "F" + std::to_string(number)}});
    return;
  }
  cart_.add_item(*item, cart_.take_quantity());
}

Next AmountView::charge() {
  const Settings& settings = services_.settings;
  const std::int64_t keyed = cart_.keyed().minor();
  if (keyed <= 0 && cart_.empty()) {
    refusal_ = std::string(services_.strings.amount_zero);
    return {};
  }
  if (cart_.total_minor() + keyed > settings.max_amount_minor) {
    refusal_ = fill(services_.strings.amount_too_high,
                    {{"max", format_money(Money{settings.max_amount_minor, settings.currency})}});
    return {};
  }
  if (keyed > 0) {
    cart_.add_amount(keyed, std::string(services_.strings.sale_line_name));
    cart_.keyed().clear();
  }
  Next next{Next::Go::kCharge, cart_.order()};
  cart_.clear();
  return next;
}

ui::Screen AmountView::screen() const {
  const Strings& s = services_.strings;
  const Currency& currency = services_.settings.currency;
  if (waiting_) {
    const std::string note(s.idle_checking_site);
    const Money total{waiting_->total_minor(), currency};
    if (waiting_->lines.size() == 1 && waiting_->lines.front().name == s.sale_line_name)
      return screens::amount(s, total, note);
    return screens::cart(s, waiting_->lines, total, 0, note);
  }
  if (cart_.empty())
    return screens::amount(s, Money{cart_.keyed().minor(), currency}, refusal_);
  return screens::cart(s, cart_.lines(), Money{cart_.total_minor(), currency},
                       cart_.keyed().minor(), refusal_);
}

}  // namespace linkpos::app
