#pragma once

#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::testing {

// Reads an HTTP IMF-fixdate ("Tue, 21 Jan 2025 09:18:11 GMT") the way a test checks wixsim's
// Date and Retry-After headers: on its own, not through wixsim's writer. nullopt when `text` is
// not one.
inline std::optional<std::chrono::sys_seconds> read_http_date(const std::string& text) {
  char weekday[4] = {};
  char month[4] = {};
  unsigned day = 0;
  int year = 0;
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  char zone[4] = {};
  if (std::sscanf(text.c_str(), "%3s, %u %3s %d %d:%d:%d %3s", weekday, &day, month, &year, &hours,
                  &minutes, &seconds, zone) != 8 ||
      text.size() != 29 || std::string_view(zone) != "GMT") {
    return std::nullopt;
  }
  constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  unsigned number = 0;
  while (number < kMonths.size() && kMonths[number] != month)
    ++number;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{number + 1},
                                         std::chrono::day{day}};
  if (number == kMonths.size() || !date.ok())
    return std::nullopt;
  return std::chrono::sys_days{date} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds};
}

}  // namespace linkpos::testing
