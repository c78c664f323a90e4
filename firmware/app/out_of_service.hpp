#pragma once

#include <string>

#include "app/strings.hpp"
#include "hal/display.hpp"
#include "ui/screen.hpp"

namespace linkpos::app {

// Why the terminal stopped taking sales and is about to end (systemd restarts it).
enum class OutOfService {
  kStorage,   // the ledger could not be written or read: exit 5
  kInternal,  // a programming error reached the event loop: exit 70
  kStart,     // the config, the key, the ledger or a device kept it from starting: exit 78
};

// The frame "out-of-service": left on the display when the process ends on a failure, so the
// counter shows why instead of the last picture (a stale QR code, or PAID). `detail` is the
// technician's line (the error's text); it never holds a secret.
ui::Screen out_of_service_screen(OutOfService why, const std::string& detail, const Strings& s);

// Paints that frame and presents it.
void show_out_of_service(hal::Display& display, OutOfService why, const std::string& detail,
                         const Strings& s);

}  // namespace linkpos::app
