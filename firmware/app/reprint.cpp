#include "app/reprint.hpp"

#include <utility>

#include "app/receipt_layout.hpp"

namespace linkpos::app {

void reprint_copy(SaleServices& services, const store::SaleRecord& sale, std::weak_ptr<int> alive,
                  std::function<void(std::optional<hal::PrintError>)> done) {
  services.printer.print(
      layout_receipt(sale, services.settings, services.strings, ReceiptCopy::kCopy),
      [&services, reference = sale.reference, alive = std::move(alive),
       done = std::move(done)](std::optional<hal::PrintError> error) {
        if (!alive.lock())
          return;
        if (error) {
          services.log.warn("reprint of " + reference + " failed: " + error->detail);
        } else {
          try {
            services.ledger.record_printed(reference);
          } catch (const std::exception& ledger_error) {
            services.log.error(ledger_error.what());
          }
        }
        done(std::move(error));
      });
}

}  // namespace linkpos::app
