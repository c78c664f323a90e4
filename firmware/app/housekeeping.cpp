#include "app/housekeeping.hpp"

#include "app/local_time.hpp"

namespace linkpos::app {

void Housekeeping::start() {
  prune();
}

void Housekeeping::prune() {
  if (services_.settings.keep_ended_sales.count() > 0) {
    const auto cutoff = services_.clock.now() - services_.settings.keep_ended_sales;
    try {
      const int pruned = services_.ledger.prune_ended_before(to_unix_ms(cutoff));
      if (pruned > 0)
        services_.log.info("ledger: pruned " + std::to_string(pruned) + " ended sale(s)");
    } catch (const store::LedgerError& error) {
      services_.log.error(error.what());
    }
  }
  daily_ = services_.clock.after(std::chrono::hours(24), [this] { prune(); });
}

}  // namespace linkpos::app
