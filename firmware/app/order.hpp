#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/amount_entry.hpp"
#include "app/money.hpp"
#include "app/settings.hpp"

namespace linkpos::app {

// One line of what is sold: an item of the catalogue times its quantity, or a keyed amount
// ("Sale"), or the tip.
struct OrderLine {
  std::string name;
  int quantity = 1;
  std::int64_t unit_price_minor = 0;
  // VAT included in the price, in basis points; none: no VAT (a tip, or a merchant without it).
  std::optional<std::int32_t> vat_rate_basis_points;

  std::int64_t total_minor() const { return unit_price_minor * quantity; }
};

// What a sale sells: its lines, then the tip the customer chose.
struct Order {
  std::vector<OrderLine> lines;
  std::int64_t tip_minor = 0;

  std::int64_t total_minor() const;
};

// What the cashier rings up before CHARGE: items by quick key or from the menu (each a line,
// quantities adding to a line of the same item), and keyed amounts as lines "Sale". Digits keyed
// are held until they become an amount (CHARGE) or a quantity (an item).
class Cart {
 public:
  explicit Cart(const Settings& settings) : settings_(settings) {}

  AmountEntry& keyed() { return keyed_; }
  const AmountEntry& keyed() const { return keyed_; }
  // The digits keyed as a quantity (1 when none), and cleared.
  int take_quantity();

  void add_item(const CatalogueItem& item, int quantity);
  // A keyed amount, as a line of its own (VAT at the merchant's rate).
  void add_amount(std::int64_t minor, const std::string& name);
  void remove_last();
  void clear() {
    lines_.clear();
    keyed_.clear();
  }

  bool empty() const { return lines_.empty(); }
  const std::vector<OrderLine>& lines() const { return lines_; }
  std::int64_t total_minor() const;
  Order order() const { return Order{lines_, 0}; }

 private:
  const Settings& settings_;
  std::vector<OrderLine> lines_;
  AmountEntry keyed_;
};

// The item a quick key (1 to 4 for F1 to F4) adds, or nullptr.
const CatalogueItem* item_at_key(const Settings& settings, int quick_key);

}  // namespace linkpos::app
