#pragma once

#include "app/settings.hpp"
#include "app/strings.hpp"
#include "hal/receipt.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

enum class ReceiptCopy {
  kOriginal,
  kCopy,                   // asked for from the menu
  kReprintAfterPowerLoss,  // the original may have come out before the power went
};

// The customer's receipt for a paid sale, from what the ledger keeps about it, so an original,
// a reprint and a receipt printed after a power cut all say the same.
hal::ReceiptDocument layout_receipt(const store::SaleRecord& sale, const Settings& settings,
                                    const Strings& strings, ReceiptCopy copy);

}  // namespace linkpos::app
