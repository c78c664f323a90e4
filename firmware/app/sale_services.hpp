#pragma once

#include "app/log.hpp"
#include "app/payment_backend.hpp"
#include "app/settings.hpp"
#include "app/strings.hpp"
#include "hal/clock.hpp"
#include "hal/printer.hpp"
#include "store/ledger.hpp"

namespace linkpos::app {

// What a sale needs from the rest of the terminal. All references outlive every sale.
struct SaleServices {
  const Settings& settings;
  const Strings& strings;
  hal::Clock& clock;
  PaymentBackend& backend;
  hal::Printer& printer;
  store::Ledger& ledger;
  Log& log;
};

}  // namespace linkpos::app
