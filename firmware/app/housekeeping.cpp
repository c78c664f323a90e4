#include "app/housekeeping.hpp"

#include "app/local_time.hpp"
#include "app/sale.hpp"

namespace linkpos::app {

void Housekeeping::start() {
  prune();
}

void Housekeeping::prune() {
  if (services_.settings.keep_ended_sales.count() > 0) {
    const auto cutoff = services_.clock.now() - services_.settings.keep_ended_sales;
    const auto pruned = services_.ledger.prune_ended_before(to_unix_ms(cutoff));
    if (!pruned) {
      services_.log.error(pruned.error().message);
    } else if (pruned.value() > 0) {
      services_.log.info("ledger: pruned " + std::to_string(pruned.value()) + " ended sale(s)");
    }
  }
  daily_ = services_.clock.after(std::chrono::hours(24), [this] { prune(); });
}

}  // namespace linkpos::app
