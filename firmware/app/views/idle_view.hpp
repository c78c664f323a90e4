#pragma once

#include <string>
#include <vector>

#include "app/connection_watch.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// What the idle screen remembers between sales.
struct IdleFacts {
  std::string last_sale;         // "Last sale: €12.50 paid"
  bool receipt_pending = false;  // a paid sale's receipt waits for the printer
};

// The idle screen (screen "idle"): the merchant, and notes that say whether sales can be taken
// (the payment service answers, the clock is right), how the last sale went, and what is owed
// back. A digit starts an amount, a quick key (F1-F4) an order; MENU opens the menu.
class IdleView final : public View {
 public:
  IdleView(SaleServices& services, const ConnectionWatch& connection, const IdleFacts& facts);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  std::vector<std::string> notes() const;

  SaleServices& services_;
  const ConnectionWatch& connection_;
  const IdleFacts& facts_;
  std::size_t refunds_owed_ = 0;  // counted when the view opens
};

}  // namespace linkpos::app
