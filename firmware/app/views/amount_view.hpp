#pragma once

#include <string>

#include "app/amount_entry.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// Keying an amount (screen "amount"): digits shift in as minor units; CHARGE sells it unless it
// is zero or over the most one sale may take, CANCEL goes back.
class AmountView final : public View {
 public:
  AmountView(SaleServices& services, std::int64_t minor = 0);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

  // The sale waits for the Wix site's answer before it starts: said under the amount.
  void wait_for_site() { waiting_for_site_ = true; }

 private:
  SaleServices& services_;
  AmountEntry entry_;
  std::string refusal_;  // why CHARGE was refused, under the amount
  bool waiting_for_site_ = false;
};

}  // namespace linkpos::app
