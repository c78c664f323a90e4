#include "app/views/menu_view.hpp"

#include <utility>

#include "app/screens.hpp"

namespace linkpos::app {

MenuView::MenuView(SaleServices& services, std::string note)
    : services_(services), note_(std::move(note)) {}

Next MenuView::press(hal::Key key) {
  switch (key) {
    case hal::Key::k1:
      return Next{Next::Go::kReprintLast};
    case hal::Key::k2:
      return Next{Next::Go::kInfo};
    case hal::Key::k3:
      return Next{Next::Go::kTechnician};
    case hal::Key::k4:
      return Next{Next::Go::kRefunds};
    case hal::Key::k5:
      return Next{Next::Go::kItems};
    case hal::Key::k6:
      return Next{Next::Go::kSales};
    case hal::Key::k7:
      return Next{Next::Go::kReports};
    case hal::Key::kCancel:
    case hal::Key::kMenu:
      return Next{Next::Go::kIdle};
    default:
      return {};
  }
}

ui::Screen MenuView::screen() const {
  return screens::menu(services_.strings, note_);
}

InfoView::InfoView(SaleServices& services, std::string version, std::string backend_name)
    : services_(services), version_(std::move(version)), backend_name_(std::move(backend_name)) {}

Next InfoView::press(hal::Key) {
  return Next{Next::Go::kMenu};
}

ui::Screen InfoView::screen() const {
  const Strings& s = services_.strings;
  return screens::info(s, {fill(s.info_terminal, {{"id", services_.settings.terminal_id}}),
                           fill(s.info_version, {{"version", version_}}),
                           fill(s.info_backend, {{"backend", backend_name_}})});
}

}  // namespace linkpos::app
