#pragma once

#include <string>

#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// MENU (screen "menu"): 1 reprint the last receipt, 2 terminal info, 3 technician, 4 refunds,
// 5 items, 6 the day's sales, 7 reports.
class MenuView final : public View {
 public:
  MenuView(SaleServices& services, std::string note = {});

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  SaleServices& services_;
  std::string note_;  // why the last choice did nothing ("No receipt printed yet")
};

// MENU → 2 (screen "menu"): the terminal's id, version and payment service. Any key goes back.
class InfoView final : public View {
 public:
  InfoView(SaleServices& services, std::string version, std::string backend_name);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  SaleServices& services_;
  std::string version_;
  std::string backend_name_;
};

}  // namespace linkpos::app
