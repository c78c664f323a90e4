#pragma once

#include <stdexcept>
#include <utility>

#include "store/ledger.hpp"

namespace linkpos::testing {

// What a ledger write answered. A write that failed fails the test where it stands (gtest
// reports the exception with the ledger's message).
template <class T>
T must(store::LedgerResult<T> written) {
  if (!written)
    throw std::runtime_error("ledger write failed: " + written.error().message);
  return std::move(written.value());
}

}  // namespace linkpos::testing
