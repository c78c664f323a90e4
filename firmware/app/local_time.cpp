#include "app/local_time.hpp"

#include <ctime>

namespace linkpos::app {

std::string format_local_time(std::chrono::system_clock::time_point time,
                              const char* strftime_format) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[64];
  const std::size_t length = std::strftime(text, sizeof text, strftime_format, &local);
  return std::string(text, length);
}

std::string business_day(std::chrono::system_clock::time_point time) {
  return format_local_time(time, "%Y-%m-%d");
}

std::int64_t to_unix_ms(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_unix_ms(std::int64_t ms) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::milliseconds(ms)));
}

}  // namespace linkpos::app
