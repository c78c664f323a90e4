#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "app/sale.hpp"

namespace linkpos::app {

// Closes, in the background, every link the ledger has not seen confirmed closed after its sale
// ended (the network was down at the time, or the terminal lost power), then looks once more
// for payments on it: any found are kept in the ledger as extra payments to refund. First it
// settles sales that ended while a create's outcome was unknown, by searching for their link.
// It keeps trying, backing off, until the service confirms.
class LinkCloser {
 public:
  LinkCloser(SaleServices& services, std::function<void()> extra_payment_found);
  ~LinkCloser();
  LinkCloser(const LinkCloser&) = delete;
  LinkCloser& operator=(const LinkCloser&) = delete;

  // Looks at the ledger soon: at boot, and whenever a sale has ended.
  void wake();

 private:
  void run_pass();
  void settle_next();
  void close_next();
  void on_pass_done(bool all_closed);

  SaleServices& services_;
  std::function<void()> extra_payment_found_;
  std::vector<store::SaleRecord> uncertain_;
  std::vector<store::SaleRecord> queue_;
  bool running_ = false;
  bool failed_this_pass_ = false;
  std::chrono::milliseconds backoff_;
  hal::Timer timer_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace linkpos::app
