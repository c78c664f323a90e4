#pragma once

#include <vector>

#include "app/strings.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

// What a sale sold, line by line: its lines, or for a sale kept before lines were (one keyed
// amount), one line "Sale" of its total less the tip.
std::vector<store::SaleLineRecord> sold_lines(const store::SaleRecord& sale,
                                              const Strings& strings);

}  // namespace linkpos::app
