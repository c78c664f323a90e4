#pragma once

#include <chrono>

#include "app/payment_backend.hpp"
#include "wix/wix_error.hpp"

namespace linkpos::wix {

// The sale's view of a failed Wix call: which kind of failure it is to the cashier, and whether
// the request may have taken effect (uncertain). A certificate date failure while `now` is
// before `build_time` is blamed on the terminal's clock rather than on the certificate.
app::BackendError to_backend_error(const WixError& error, std::chrono::system_clock::time_point now,
                                   std::chrono::system_clock::time_point build_time);

// The same for a failed create, which is also uncertain after a server error: Wix may have
// stored the link before failing.
app::BackendError create_failure(const WixError& error, std::chrono::system_clock::time_point now,
                                 std::chrono::system_clock::time_point build_time);

}  // namespace linkpos::wix
