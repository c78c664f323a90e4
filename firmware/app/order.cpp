#include "app/order.hpp"

#include <algorithm>

namespace linkpos::app {

std::int64_t Order::total_minor() const {
  std::int64_t total = tip_minor;
  for (const OrderLine& line : lines)
    total += line.total_minor();
  return total;
}

void Cart::add_item(const CatalogueItem& item, int quantity) {
  const auto vat = item.vat_rate_basis_points ? item.vat_rate_basis_points
                                              : settings_.merchant.vat_rate_basis_points;
  // Two espressos keyed apart are one line of two: the receipt reads as the customer ordered.
  if (!lines_.empty() && lines_.back().name == item.name &&
      lines_.back().unit_price_minor == item.price_minor) {
    lines_.back().quantity += quantity;
    return;
  }
  lines_.push_back(OrderLine{item.name, quantity, item.price_minor, vat});
}

void Cart::add_amount(std::int64_t minor, const std::string& name) {
  lines_.push_back(OrderLine{name, 1, minor, settings_.merchant.vat_rate_basis_points});
}

int Cart::take_quantity() {
  // Quantities beyond what a counter sells are a slip of the finger, not an order.
  constexpr std::int64_t kMostOfOneItem = 999;
  const std::int64_t keyed = keyed_.minor();
  keyed_.clear();
  return keyed <= 0 ? 1 : static_cast<int>(std::min(keyed, kMostOfOneItem));
}

void Cart::remove_last() {
  if (!lines_.empty())
    lines_.pop_back();
}

std::int64_t Cart::total_minor() const {
  return Order{lines_, 0}.total_minor();
}

const CatalogueItem* item_at_key(const Settings& settings, int quick_key) {
  for (const CatalogueItem& item : settings.catalogue) {
    if (quick_key != 0 && item.quick_key == quick_key)
      return &item;
  }
  return nullptr;
}

}  // namespace linkpos::app
