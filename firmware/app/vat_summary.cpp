#include "app/vat_summary.hpp"

#include <map>

namespace linkpos::app {

std::vector<VatGroup> vat_by_rate(const std::vector<store::SaleLineRecord>& lines,
                                  std::optional<std::int32_t> merchant_rate,
                                  std::int64_t received_minor, std::int64_t total_minor) {
  std::map<std::int32_t, std::int64_t> gross_by_rate;
  for (const store::SaleLineRecord& line : lines) {
    const auto rate = line.vat_basis_points ? line.vat_basis_points : merchant_rate;
    if (rate)
      gross_by_rate[*rate] += line.unit_price_minor * line.quantity;
  }
  std::vector<VatGroup> groups;
  for (const auto& [rate, sold] : gross_by_rate) {
    std::int64_t gross = sold;
    if (total_minor > 0 && received_minor < total_minor) {
      // received / total of each rate, without a product that could overflow on a 32-bit board:
      // amounts stay far below 2^31 minor units per line and sale.
      gross =
          static_cast<std::int64_t>(static_cast<long double>(sold) * received_minor / total_minor);
    }
    groups.push_back(VatGroup{rate, split_vat(gross, rate)});
  }
  return groups;
}

std::string rate_text(std::int32_t basis_points, std::string_view decimal_point) {
  std::string text = to_decimal(Money{basis_points, Currency{"", 2, ""}});  // "20.00", "7.70"
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  const auto point = text.find('.');
  if (point != std::string::npos)
    text.replace(point, 1, decimal_point);
  return text;
}

}  // namespace linkpos::app
