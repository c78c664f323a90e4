#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/ledger.hpp"

namespace linkpos::store {

struct OpenedLedger {
  std::unique_ptr<Ledger> ledger;
  // Empty when the file was sound. Otherwise what happened, for the screen and the log: the
  // damaged file was kept aside and what could be read of it carried into a fresh ledger.
  std::string salvage_notice;
};

// Opens the ledger at `path` after an integrity check. A damaged file does not stop the terminal
// from selling: it is renamed to "<path>.damaged-<now_ms>" (with its WAL), every unfinished sale
// and refund still readable in it is carried into a new ledger, and receipt numbers carry on
// above the highest it held. A file from newer firmware is still refused (LedgerError), since
// moving it aside would lose sales the newer firmware understands.
OpenedLedger open_ledger(const std::string& path, std::int64_t now_ms);

}  // namespace linkpos::store
