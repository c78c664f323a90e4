#include "app/views/status_views.hpp"

#include "app/screens.hpp"

namespace linkpos::app {

ui::Screen ReprintView::screen() const {
  return screens::printing(services_.strings, amount_);
}

Next WrongCurrencyView::press(hal::Key key) {
  return key == hal::Key::kMenu ? Next{Next::Go::kMenu} : Next{};
}

ui::Screen WrongCurrencyView::screen() const {
  const Strings& s = services_.strings;
  return screens::error(std::string(s.currency_title),
                        {fill(s.currency_body, {{"site", site_currency_},
                                                {"terminal", services_.settings.currency.code}}),
                         fill(s.currency_action, {{"site", site_currency_}})},
                        std::string(s.currency_hint));
}

}  // namespace linkpos::app
