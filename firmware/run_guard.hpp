#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/log.hpp"
#include "app/out_of_service.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos {

// sysexits.h's EX_SOFTWARE.
constexpr int kExitInternalError = 70;

// How a run ended on a failure: the frame to leave on the display and the exit code.
struct RunFailure {
  app::OutOfService why;
  std::string detail;
  int exit_code;
};

// Runs `start` and then the loop until it stops. A ledger error escaping them is a storage
// failure (exit 5); any other exception is a programming error (exit 70): the loop's state is
// not to be trusted, so the run ends there, logged, and systemd starts the terminal again, which
// resumes every sale from its last committed step.
std::optional<RunFailure> run_guarded(boost::asio::io_context& io,
                                      const std::function<void()>& start, app::Log& log);

}  // namespace linkpos
