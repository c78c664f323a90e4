#pragma once

#include <memory>

#include "app/sale_services.hpp"

namespace linkpos::app {

// Keeps the ledger small on a board's flash: ended sales past Settings::keep_ended_sales are
// pruned at start and once a day (the ledger keeps what is still owed, and receipt numbers).
class Housekeeping {
 public:
  explicit Housekeeping(SaleServices& services) : services_(services) {}

  void start();

 private:
  void prune();

  SaleServices& services_;
  hal::Timer daily_;
};

}  // namespace linkpos::app
