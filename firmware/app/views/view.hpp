#pragma once

#include <optional>
#include "app/order.hpp"

#include "hal/keypad.hpp"
#include "ui/screen.hpp"

namespace linkpos::app {

// What a key pressed on a view asks the terminal to do next.
struct Next {
  enum class Go {
    kStay,  // the view handled it (or ignored it)
    kIdle,
    kIdleReceiptPending,  // back to idle, a paid sale's receipt left for the printer
    kOrder,               // ring up a sale (pressing `key` first, when it is one)
    kCharge,              // sell `order`
    kItems,               // the catalogue
    kMenu,
    kInfo,
    kTechnician,
    kRefunds,
    kSales,
    kReports,
    kReprintLast,
  };
  Go go = Go::kStay;
  Order order{};
  std::optional<hal::Key> key{};
};

// One screen of the terminal and the keys it takes. The terminal shows one view at a time and
// follows what its keys ask (Next); the view draws itself as words (ui::Screen).
class View {
 public:
  virtual ~View() = default;
  virtual Next press(hal::Key key) = 0;
  virtual ui::Screen screen() const = 0;
};

}  // namespace linkpos::app
