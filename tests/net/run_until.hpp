#pragma once

#include <utility>

#include <chrono>

#include <boost/asio/io_context.hpp>

namespace linkpos::net::testing {

// Drives the loop until `done()` holds, the loop runs out of work, or `limit` passes (a safety
// net against a hung test, not a synchronisation); returns whether `done()` holds.
template <class Predicate>
bool run_until(boost::asio::io_context& io, Predicate done,
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

}  // namespace linkpos::net::testing
