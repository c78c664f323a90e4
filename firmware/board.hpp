#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/log.hpp"
#include "app/payment_backend.hpp"
#include "app/strings.hpp"
#include "config/config.hpp"
#include "drivers/sim/key_script.hpp"
#include "hal/clock.hpp"
#include "hal/display.hpp"
#include "hal/keypad.hpp"
#include "hal/printer.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos {

// What the command line adds to the config's choice of drivers.
struct BoardOptions {
  // --keys: a scripted keypad instead of the keyboard
  std::optional<std::vector<drivers::sim::ScriptStep>> key_script;
  std::optional<std::string> snapshots_dir;  // --snapshots: every frame as a PNG
  std::optional<std::string> receipts_dir;   // --receipts: overrides printer.dir
  std::optional<int> panel_port;             // --panel: the browser panel on this loopback port
  // --report: the printer and the payment service only, no display, keypad or panel.
  bool headless = false;
  // When this firmware was built: a clock before it is wrong, whatever TLS says.
  std::chrono::system_clock::time_point build_time{};
};

// The terminal's hardware and payment service as the config names them: the composition root's
// one place that knows concrete drivers. Construction fails with std::runtime_error carrying a
// message for the technician (a printer setting the driver cannot use).
class Board {
 public:
  Board(const config::Config& config, const BoardOptions& options, boost::asio::io_context& io,
        hal::Clock& clock, app::Log& log);
  ~Board();
  Board(const Board&) = delete;
  Board& operator=(const Board&) = delete;

  hal::Display& display();
  hal::Keypad& keypad();
  hal::Printer& printer();
  app::PaymentBackend& backend();
  std::string backend_name() const;

  // The parts, public by name only, so the file's own helpers can build them.
  struct Parts;

 private:
  std::unique_ptr<Parts> parts_;
};

// A start that failed before the board was built (the config, the key, the ledger, a device):
// the display the config names shows the out-of-service frame with `detail`, so the counter does
// not keep the last picture. A display that cannot be opened is left as it is.
void show_start_failure(const config::DisplayConfig& display, const app::Strings& strings,
                        const std::string& detail);

}  // namespace linkpos
