#pragma once

#include <string_view>

#include "app/payment_backend.hpp"
#include "app/strings.hpp"
#include "hal/printer.hpp"

namespace linkpos::app {

// A payment service failure in the cashier's words: what happened and what to do.
std::string_view failure_text(BackendFailure failure, const Strings& strings);
// A printer fault in the cashier's words.
std::string_view printer_fault_text(hal::PrinterFault fault, const Strings& strings);

}  // namespace linkpos::app
