#include "app/views/items_view.hpp"

#include "app/screens.hpp"

namespace linkpos::app {

ItemsView::ItemsView(SaleServices& services, Cart& cart) : services_(services), cart_(cart) {}

Next ItemsView::press(hal::Key key) {
  const auto& catalogue = services_.settings.catalogue;
  if (key == hal::Key::kCancel || key == hal::Key::kMenu)
    return Next{cart_.empty() && cart_.keyed().minor() == 0 ? Next::Go::kIdle : Next::Go::kOrder};
  if (key == hal::Key::kCharge) {
    const std::size_t pages = (catalogue.size() + kPerPage - 1) / kPerPage;
    page_ = pages == 0 ? 0 : (page_ + 1) % pages;
    return {};
  }
  const auto digit = hal::key_digit(key);
  if (!digit || *digit == 0)
    return {};
  const std::size_t index = page_ * kPerPage + static_cast<std::size_t>(*digit - 1);
  if (index >= catalogue.size())
    return {};
  cart_.add_item(catalogue[index], cart_.take_quantity());
  return Next{Next::Go::kOrder};
}

ui::Screen ItemsView::screen() const {
  const auto& catalogue = services_.settings.catalogue;
  const std::size_t first = page_ * kPerPage;
  const std::size_t last = std::min(catalogue.size(), first + kPerPage);
  std::vector<std::string> lines;
  for (std::size_t i = first; i < last; ++i) {
    lines.push_back(fill(
        services_.strings.items_line,
        {{"digit", std::to_string(i - first + 1)},
         {"name", catalogue[i].name},
         {"price", format_money(Money{catalogue[i].price_minor, services_.settings.currency})}}));
  }
  const int quantity = cart_.keyed().minor() > 0 ? static_cast<int>(cart_.keyed().minor()) : 0;
  return screens::items(services_.strings, lines, quantity,
                        catalogue.size() > kPerPage ? static_cast<int>(page_ + 1) : 0);
}

}  // namespace linkpos::app
