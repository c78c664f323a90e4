#pragma once

#include <string_view>

namespace linkpos::drivers::sim {

// Writes all of `bytes` to `fd`. The keypad may have made a terminal shared with stdout or
// stderr non-blocking, so a full buffer is waited on for a moment; after that the rest is
// dropped (the next frame or line follows anyway).
void write_all(int fd, std::string_view bytes);

}  // namespace linkpos::drivers::sim
