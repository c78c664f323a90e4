#pragma once

#include <string>
#include <vector>

#include "app/sale.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// The sale in progress, whatever its state: creating, qr, cancelling, underpaid, check-payment,
// paid, printing, the printer's trouble, or the ledger's.
class SaleView final : public View {
 public:
  SaleView(SaleServices& services, Sale& sale);

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

  // The sale has just become paid and PAID has not been shown yet: the terminal shows it before
  // anything else, the one screen a cashier must not miss.
  bool paid_to_show();
  // PAID has been seen (a key, or a --once run): the terminal shows the receipt printing.
  void acknowledge_paid() { paid_acknowledged_ = true; }
  // The sale has ended: whether PAID still waits for the cashier's key.
  bool holds_paid() const { return paid_shown_ && !paid_acknowledged_; }

 private:
  std::vector<std::string> paid_refund_lines() const;

  SaleServices& services_;
  Sale& sale_;
  bool paid_shown_ = false;
  bool paid_acknowledged_ = false;
};

}  // namespace linkpos::app
