#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/order.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// Something the cashier must acknowledge (screen "error"): a sale that timed out, a link closed
// elsewhere, a link that could not be made (CHARGE tries again with the same amount), a damaged
// ledger set aside, a printer fault on a reprint. Any key goes back to idle.
class NoticeView final : public View {
 public:
  NoticeView(std::string title, std::vector<std::string> lines, std::string hint,
             std::optional<Order> retry = std::nullopt);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  std::string title_;
  std::vector<std::string> lines_;
  std::string hint_;
  std::optional<Order> retry_;  // CHARGE sells this again
};

}  // namespace linkpos::app
