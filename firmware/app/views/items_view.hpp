#pragma once

#include <cstddef>

#include "app/order.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// MENU → Items (screen "items"): the catalogue, nine to a page. A digit adds that item to the
// cart, as many as were keyed before (one when none); CHARGE shows the next page; CANCEL goes
// back to the sale being rung up.
class ItemsView final : public View {
 public:
  static constexpr std::size_t kPerPage = 9;

  ItemsView(SaleServices& services, Cart& cart);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  SaleServices& services_;
  Cart& cart_;
  std::size_t page_ = 0;
};

}  // namespace linkpos::app
