#pragma once

#include "fakes/temp_dir.hpp"

namespace linkpos::testing {

// A fresh folder for one kill run (ledger, receipts, logs); a failed run keep()s it.
using RunFolder = TempDir;

}  // namespace linkpos::testing
