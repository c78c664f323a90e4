#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// The refund list (screen "refunds"): money the merchant owes back, one entry at a time, with
// the payment to refund it from and why (paid too much, paid after the sale, a payment that could
// not be read, a sale given up). Anyone may look from MENU; only the technician's menu, behind
// its PIN, clears an entry once it is refunded in the Wix dashboard.
class RefundList final : public View {
 public:
  RefundList(SaleServices& services, bool may_clear);

  // Reads the list from the ledger again and shows its first entry.
  void open();
  // Goes back to idle once the list is left.
  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  void reload();

  SaleServices& services_;
  bool may_clear_;
  std::vector<store::RefundDue> refunds_;
  std::size_t index_ = 0;
  std::string note_;
};

// Why a refund is owed, in the cashier's words.
std::string_view refund_reason_text(store::RefundReason reason, const Strings& strings);

}  // namespace linkpos::app
