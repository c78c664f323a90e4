#include "app/sold_lines.hpp"

namespace linkpos::app {

std::vector<store::SaleLineRecord> sold_lines(const store::SaleRecord& sale,
                                              const Strings& strings) {
  if (!sale.lines.empty())
    return sale.lines;
  return {store::SaleLineRecord{std::string(strings.sale_line_name), 1,
                                sale.amount_minor - sale.tip_minor, std::nullopt}};
}

}  // namespace linkpos::app
