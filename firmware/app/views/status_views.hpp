#pragma once

#include <string>

#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// A copy of the last receipt printing (screen "printing"): no key does anything meanwhile.
class ReprintView final : public View {
 public:
  ReprintView(SaleServices& services, Money amount) : services_(services), amount_(amount) {}

  Next press(hal::Key) override { return {}; }
  ui::Screen screen() const override;

 private:
  SaleServices& services_;
  Money amount_;
};

// The Wix site takes payments in another currency than terminal.currency (screen "error"): no
// sale can be taken; MENU still opens the menu for a technician.
class WrongCurrencyView final : public View {
 public:
  WrongCurrencyView(SaleServices& services, std::string site_currency)
      : services_(services), site_currency_(std::move(site_currency)) {}

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  SaleServices& services_;
  std::string site_currency_;
};

}  // namespace linkpos::app
