#pragma once

#include <string>

namespace linkpos {

// `linkpos --config PATH --unlock-menu`: lifts a lock of the PIN pages (too many wrong PINs) by
// clearing its counters in the config's ledger, for a technician who cannot wait for it to end.
// Only root may: a lock that anyone at the terminal's account could lift would stop nobody.
// Answers the exit code: 0 unlocked (or nothing was locked), 77 not root, 78 the config is not
// usable, 5 the ledger cannot be read or written.
int unlock_menu(const std::string& config_path);

}  // namespace linkpos
