#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/currency.hpp"
#include "app/money.hpp"

// Wix's decimal amounts allow three decimals whatever the currency ("12.500" EUR, "1250.0" JPY,
// and after a checkout discount "11.733" EUR). What a customer paid is kept exactly, as integer
// thousandths of the currency's unit, beside the whole minor units the terminal sells in.
namespace linkpos::app {

// A Wix amount ("12.5", "12.500", "1250", "0.125") in thousandths of the unit; nullopt for a
// sign, an exponent, grouping, more than three decimals or an amount that does not fit.
std::optional<std::int64_t> parse_wix_amount(std::string_view text);

// How many thousandths one minor unit holds: 10 for EUR, 1000 for JPY, 1 for KWD.
std::int64_t thousandths_per_minor(const Currency& currency);

std::int64_t to_thousandths(const Money& money);

// The whole minor units inside an exact amount, rounded down: a receipt never states more
// money than was received.
Money whole_minor_units(std::int64_t thousandths, const Currency& currency);

// "€12.50", or "€11.733" when the amount has digits past the currency's minor unit, in the
// active table's money style like format_money() ("11,733 €" in French).
std::string format_exact(std::int64_t thousandths, const Currency& currency);

}  // namespace linkpos::app
