#pragma once

#include <functional>
#include <vector>

#include "app/backoff.hpp"
#include "app/lifetime.hpp"
#include "app/link_closing.hpp"
#include "app/link_search.hpp"
#include "app/sale_services.hpp"

namespace linkpos::app {

// Closes, in the background, every link the ledger has not seen confirmed closed after its sale
// ended (the network was down at the time, or the terminal lost power), then looks once more
// for payments on it: any found go on the refund list. First it settles sales that ended while
// a create's outcome was unknown, by searching for their link. It keeps trying, backing off,
// until the service confirms.
class LinkCloser {
 public:
  LinkCloser(SaleServices& services, std::function<void()> refund_found);
  LinkCloser(const LinkCloser&) = delete;
  LinkCloser& operator=(const LinkCloser&) = delete;

  // Looks at the ledger soon: at boot, and whenever a sale has ended.
  void wake();

 private:
  void run_pass();
  void settle_next();
  void on_settled(const store::SaleRecord& sale, std::optional<PaymentLink> found);
  void close_next();
  void on_closed(const store::SaleRecord& sale, ClosedLink closed);
  void on_pass_done();
  // Writes to the ledger; a failure counts as this pass failing.
  bool commit(store::LedgerResult<store::SaleRecord> written);

  SaleServices& services_;
  std::function<void()> refund_found_;
  LinkSearch search_;
  std::vector<store::SaleRecord> uncertain_;
  std::vector<store::SaleRecord> queue_;
  bool running_ = false;
  bool woken_during_pass_ = false;  // a wake() while running_: run again once this pass is done
  bool failed_this_pass_ = false;
  Backoff backoff_;
  hal::Timer timer_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
