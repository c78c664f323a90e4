#pragma once

#include <chrono>

#include <boost/asio/io_context.hpp>

namespace linkpos::testing {

// Runs `io` handler by handler until `done()` holds, the loop runs out of work (then nothing
// left can make it hold), or `limit` passes (a guard against a hung test, not a
// synchronisation); returns whether `done()` holds. A stopped loop is restarted, so a test may
// call it again and again on one io_context. Timers advance as the loop runs them; nothing
// sleeps.
template <class Done>
bool run_until(boost::asio::io_context& io, Done&& done,
               std::chrono::steady_clock::duration limit = std::chrono::seconds(5)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (io.stopped())
      io.restart();
    if (io.run_one_until(deadline) == 0)
      break;
  }
  return done();
}

}  // namespace linkpos::testing
