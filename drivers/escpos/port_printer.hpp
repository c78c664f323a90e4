#pragma once

#include <memory>
#include <optional>

#include "drivers/escpos/mono_image.hpp"
#include "drivers/escpos/port_settings.hpp"
#include "drivers/escpos/printer_settings.hpp"
#include "hal/printer.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::escpos {

// A real ESC/POS printer on a serial, USB or network port. Jobs run one at a time in the order
// print() was called. Each job opens the port if it is not open (so a printer switched on late
// is found), asks DLE EOT status when the port's StatusCheck says so, and sends nothing of the
// job unless the printer is ready. The job goes out in chunks at the speed the port takes it.
// `done` is called on the io_context: nullopt once every byte was handed to the port (for TCP:
// and the printer closed its side or kept quiet for close_timeout), else
//   kOffline    the port cannot be opened, is lost, or the printer does not answer or is off-line;
//   kPaperOut / kCoverOpen  as the printer's status says;
//   kJobFailed  the printer stopped taking data for stall_timeout.
// The detail names the printer and, once job bytes went out, says how many of how many.
// Jobs still queued when the printer is destroyed are dropped without a call to `done`.
class PortPrinter final : public hal::Printer {
 public:
  // Throws std::invalid_argument when `port` or `settings` are unusable (check_port_settings,
  // check_printer_settings) or the logo is wider than the paper. `io` must outlive the printer.
  PortPrinter(boost::asio::io_context& io, const PortSettings& port,
              const PrinterSettings& settings, std::optional<MonoImage> logo = std::nullopt);
  ~PortPrinter() override;

  PortPrinter(const PortPrinter&) = delete;
  PortPrinter& operator=(const PortPrinter&) = delete;

  void print(const hal::ReceiptDocument& document, hal::PrintDone done) override;

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;  // shared with its pending handlers, which may outlive the printer
};

}  // namespace linkpos::drivers::escpos
