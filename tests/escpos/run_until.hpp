#pragma once

#include <utility>

#include <boost/asio/io_context.hpp>

#include <chrono>

namespace linkpos::tests::escpos {

// Runs `io` handler by handler until `done()` holds. False when it still does not after
// `limit` (a hung driver fails its test instead of hanging the suite) or when nothing is left
// to run. Timers advance as the loop runs them; nothing sleeps.
template <typename Done>
bool run_until(boost::asio::io_context& io, Done done,
               std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (io.stopped()) {
      io.restart();
    }
    if (io.run_one_until(deadline) == 0) {
      return done();
    }
  }
  return true;
}

}  // namespace linkpos::tests::escpos
