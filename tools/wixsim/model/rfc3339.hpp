#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

using TimePoint = std::chrono::system_clock::time_point;

// Wix's date-time form: UTC with milliseconds, "2025-01-21T09:18:11.648Z".
std::string format_rfc3339(TimePoint time);

// Reads an RFC 3339 date-time ("2025-06-01T00:00:00Z", any fraction, "Z" or "+02:00");
// nullopt when the text is not one.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

}  // namespace linkpos::tools::wixsim
