#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace linkpos::app {

// Wall-clock time as the shop reads it, in the system's time zone.
std::string format_local_time(std::chrono::system_clock::time_point time,
                              const char* strftime_format);

// "2026-11-25": the business day a sale started at `time` belongs to.
std::string business_day(std::chrono::system_clock::time_point time);

std::int64_t to_unix_ms(std::chrono::system_clock::time_point time);
std::chrono::system_clock::time_point from_unix_ms(std::int64_t ms);

}  // namespace linkpos::app
