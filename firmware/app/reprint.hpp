#pragma once

#include <functional>
#include <optional>

#include "app/sale.hpp"

namespace linkpos::app {

// Prints a copy (marked COPY) of a completed sale's receipt and counts it in the ledger. `done`
// runs on the loop with the printer's error, if any; it is not called if `alive` has expired.
void reprint_copy(SaleServices& services, const store::SaleRecord& sale, std::weak_ptr<int> alive,
                  std::function<void(std::optional<hal::PrintError>)> done);

}  // namespace linkpos::app
