#include "tools/wixsim/model/rfc3339.hpp"

#include <cstdio>

namespace linkpos::tools::wixsim {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

// Reads exactly `width` digits at `position`, advancing it.
std::optional<int> read_digits(std::string_view text, std::size_t& position, std::size_t width) {
  if (position + width > text.size())
    return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[position + i];
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + (c - '0');
  }
  position += width;
  return value;
}

bool read_char(std::string_view text, std::size_t& position, std::string_view allowed) {
  if (position >= text.size() || allowed.find(text[position]) == std::string_view::npos)
    return false;
  ++position;
  return true;
}

}  // namespace

std::string format_rfc3339(TimePoint time) {
  const auto since_epoch = std::chrono::duration_cast<milliseconds>(time.time_since_epoch());
  auto day = std::chrono::floor<days>(since_epoch);
  const std::chrono::year_month_day date{std::chrono::sys_days{day}};
  const std::chrono::hh_mm_ss clock{since_epoch - day};
  char text[32];
  std::snprintf(
      text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
      static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return text;
}

std::optional<TimePoint> parse_rfc3339(std::string_view text) {
  std::size_t at = 0;
  const auto year = read_digits(text, at, 4);
  if (!year || !read_char(text, at, "-"))
    return std::nullopt;
  const auto month = read_digits(text, at, 2);
  if (!month || !read_char(text, at, "-"))
    return std::nullopt;
  const auto day = read_digits(text, at, 2);
  if (!day || !read_char(text, at, "Tt"))
    return std::nullopt;
  const auto hour = read_digits(text, at, 2);
  if (!hour || !read_char(text, at, ":"))
    return std::nullopt;
  const auto minute = read_digits(text, at, 2);
  if (!minute || !read_char(text, at, ":"))
    return std::nullopt;
  const auto second = read_digits(text, at, 2);
  if (!second)
    return std::nullopt;

  std::chrono::nanoseconds fraction{0};
  if (read_char(text, at, ".")) {
    long long nanos = 0;
    int digits = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (digits < 9) {
        nanos = nanos * 10 + (text[at] - '0');
        ++digits;
      }
      ++at;
    }
    if (digits == 0)
      return std::nullopt;
    for (int i = digits; i < 9; ++i)
      nanos *= 10;
    fraction = std::chrono::nanoseconds(nanos);
  }

  std::chrono::minutes offset{0};
  if (!read_char(text, at, "Zz")) {
    if (at >= text.size() || (text[at] != '+' && text[at] != '-'))
      return std::nullopt;
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    const auto offset_hours = read_digits(text, at, 2);
    if (!offset_hours || !read_char(text, at, ":"))
      return std::nullopt;
    const auto offset_minutes = read_digits(text, at, 2);
    if (!offset_minutes || *offset_hours > 23 || *offset_minutes > 59)
      return std::nullopt;
    offset = std::chrono::minutes(sign * (*offset_hours * 60 + *offset_minutes));
  }
  if (at != text.size())
    return std::nullopt;

  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  // A leap second (":60") is read as the next second, as most systems do.
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  const auto local = std::chrono::sys_days{date} + std::chrono::hours(*hour) +
                     std::chrono::minutes(*minute) + std::chrono::seconds(*second) + fraction;
  return std::chrono::time_point_cast<TimePoint::duration>(local - offset);
}

}  // namespace linkpos::tools::wixsim
