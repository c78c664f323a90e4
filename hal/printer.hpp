#pragma once

#include <functional>
#include <optional>
#include <string>

#include "hal/receipt.hpp"

namespace linkpos::hal {

enum class PrinterFault {
  kOffline,  // not connected, not powered, or the link to it failed
  kPaperOut,
  kCoverOpen,
  kJobFailed,  // the job was refused or interrupted for another reason
};

struct PrintError {
  PrinterFault fault;
  std::string detail;  // for the technician's log; the cashier sees the fault's own message
};

// Called once per job: no error means the printer took the whole receipt.
using PrintDone = std::function<void(std::optional<PrintError>)>;

// The receipt printer. Implementations print one document per call, asynchronously, and call
// `done` exactly once on the event loop, never from inside print(). A job that may be partly
// printed is reported as an error, never as success.
class Printer {
 public:
  virtual ~Printer() = default;

  virtual void print(const ReceiptDocument& document, PrintDone done) = 0;
};

}  // namespace linkpos::hal
