#include "app/reprint.hpp"

#include <utility>

#include "app/receipt_layout.hpp"

namespace linkpos::app {

void reprint_copy(SaleServices& services, const store::SaleRecord& sale,
                  std::function<void(std::optional<hal::PrintError>)> done) {
  services.printer.print(
      layout_receipt(sale, services.settings, services.strings, ReceiptCopy::kCopy),
      [&services, reference = sale.reference,
       done = std::move(done)](std::optional<hal::PrintError> error) {
        if (error) {
          services.log.warn("reprint of " + reference + " failed: " + error->detail);
        } else if (const auto counted = services.ledger.record_printed(reference); !counted) {
          services.log.error(counted.error().message);
        }
        done(std::move(error));
      });
}

}  // namespace linkpos::app
