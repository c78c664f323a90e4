#pragma once

#include <optional>
#include <string>
#include <utility>

#include "app/order.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// Ringing up a sale: screen "amount" while the cart is empty (digits shift in as minor units,
// as on card terminals), screen "cart" once it holds a line (the lines, their quantities and
// the total). Digits before a quick key (F1-F4) or an item are its quantity; digits before
// CHARGE are an amount sold as a line "Sale". BACKSPACE takes back a digit, or the last line;
// CLEAR the digits, or the whole cart; CHARGE sells; CANCEL empties the cart and goes back.
class AmountView final : public View {
 public:
  AmountView(SaleServices& services, Cart& cart);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

  // `order` waits for the Wix site's answer before it is sold: shown as it was keyed (a keyed
  // amount as an amount, a cart as a cart), with a word under it.
  void wait_for_site(Order order) { waiting_ = std::move(order); }

 private:
  Next charge();
  void add_quick_key(int number);

  SaleServices& services_;
  Cart& cart_;
  std::string refusal_;  // why the last key was refused, under the amount
  std::optional<Order> waiting_;
};

}  // namespace linkpos::app
