#pragma once

#include <functional>
#include <optional>

#include "app/backoff.hpp"
#include "app/lifetime.hpp"
#include "app/payment_backend.hpp"
#include "app/sale_services.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

// Settles a create whose answer was lost (there is no idempotency key): searches the links the
// service made since the sale began for the one carrying its reference, other than the links
// the sale has already. Used by the sale while it waits, and by the link closer for sales that
// ended so.
class LinkSearch {
 public:
  using Found = std::function<void(std::optional<PaymentLink>)>;
  using Failed = std::function<void(const BackendError&)>;

  explicit LinkSearch(SaleServices& services);

  // Searches once: `found` with the link or nullopt (none was made), or `failed`.
  void once(const store::SaleRecord& sale, Found found, Failed failed);
  // Searches until the service answers, telling `trouble` of each failure and waiting longer
  // after each: `found` once settled.
  void until_settled(const store::SaleRecord& sale, Found found, Failed trouble);
  // Waiting to try again: tries now instead (the cashier pressed CANCEL).
  void try_now();
  void stop();

 private:
  void search();
  void on_answer(BackendResult<std::optional<PaymentLink>> answer);

  SaleServices& services_;
  std::optional<store::SaleRecord> sale_;
  Found found_;
  Failed failed_;
  bool keep_trying_ = false;
  Backoff backoff_;
  hal::Timer retry_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
