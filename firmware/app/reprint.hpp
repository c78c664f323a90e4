#pragma once

#include <functional>
#include <optional>

#include "app/sale_services.hpp"

namespace linkpos::app {

// Prints a copy (marked COPY) of a completed sale's receipt and counts it in the ledger. `done`
// runs on the loop with the printer's error, if any (guard it with the caller's Lifetime).
void reprint_copy(SaleServices& services, const store::SaleRecord& sale,
                  std::function<void(std::optional<hal::PrintError>)> done);

}  // namespace linkpos::app
