#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/money.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

// The VAT inside what was sold at one rate.
struct VatGroup {
  std::int32_t rate_basis_points = 0;
  VatSplit split;
};

// The VAT inside a sale's lines, by rate, lowest rate first. A line without its own rate takes
// `merchant_rate`; with neither it carries none, as the tip never does. When less than the total
// was received (`received_minor` below `total_minor`), each rate's gross is what was received of
// it, in proportion, rounded down: VAT is declared on money taken.
std::vector<VatGroup> vat_by_rate(const std::vector<store::SaleLineRecord>& lines,
                                  std::optional<std::int32_t> merchant_rate,
                                  std::int64_t received_minor, std::int64_t total_minor);

// "20", "7.7": a rate as receipts and reports print it, with the language's decimal point
// (Strings::money_decimal_point: "7,7" in French).
std::string rate_text(std::int32_t basis_points, std::string_view decimal_point);

}  // namespace linkpos::app
