#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/lifetime.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// MENU → 6: today's sales, newest first (screen "sales"): time, short reference, amount and
// state, five to a page, CHARGE turning the page. A digit opens one (screen "sale-detail"): its
// lines, payments, link and payment ids; CHARGE there reprints its receipt marked COPY.
class SalesView final : public View {
 public:
  // `changed` runs when a reprint has printed or failed.
  SalesView(SaleServices& services, std::function<void()> changed);
  SalesView(const SalesView&) = delete;
  SalesView& operator=(const SalesView&) = delete;

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  static constexpr std::size_t kPerPage = 5;

  Next press_on_list(hal::Key key);
  void press_on_detail(hal::Key key);
  ui::Screen list_screen() const;
  ui::Screen detail_screen(const store::SaleRecord& sale) const;
  std::string state_word(const store::SaleRecord& sale) const;
  bool reprintable(const store::SaleRecord& sale) const;

  SaleServices& services_;
  std::function<void()> changed_;
  std::vector<store::SaleRecord> sales_;
  std::size_t page_ = 0;
  std::optional<std::size_t> open_;  // the sale whose detail shows
  bool printing_ = false;
  std::string note_;  // the ledger failed, or how the reprint went
  bool note_is_warning_ = false;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
