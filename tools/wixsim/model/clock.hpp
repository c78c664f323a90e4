#pragma once

#include <functional>

#include "tools/wixsim/model/rfc3339.hpp"

namespace linkpos::tools::wixsim {

// Where the emulator reads the time: the system clock when it runs, a test's own in tests.
using Clock = std::function<TimePoint()>;

}  // namespace linkpos::tools::wixsim
