#pragma once

#include <string>

#include "tools/wixsim/model/rfc3339.hpp"

namespace linkpos::tools::wixsim {

// HTTP's date form (RFC 9110 IMF-fixdate, always GMT), as the Date and Retry-After headers carry
// it: "Tue, 21 Jan 2025 09:18:11 GMT". Whole seconds: the fraction is dropped.
std::string format_http_date(TimePoint time);

}  // namespace linkpos::tools::wixsim
