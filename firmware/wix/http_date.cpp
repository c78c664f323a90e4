#include "wix/http_date.hpp"

#include <charconv>
#include <ctime>
#include <string>

namespace linkpos::wix {

std::optional<WallTime> parse_http_date(std::string_view text) {
  // strptime and timegm read the three forms in the C locale, which is the process's own (linkpos
  // never calls setlocale), so month and day names are English as HTTP wants.
  static constexpr const char* kForms[] = {
      "%a, %d %b %Y %H:%M:%S GMT",  // IMF-fixdate
      "%A, %d-%b-%y %H:%M:%S GMT",  // RFC 850
      "%a %b %e %H:%M:%S %Y",       // asctime
  };
  const std::string copy(text);
  for (const char* form : kForms) {
    std::tm parts{};
    const char* end = ::strptime(copy.c_str(), form, &parts);
    if (end == nullptr || *end != '\0')
      continue;
    const std::time_t seconds = ::timegm(&parts);
    if (seconds == static_cast<std::time_t>(-1))
      return std::nullopt;
    return std::chrono::system_clock::from_time_t(seconds);
  }
  return std::nullopt;
}

std::optional<std::chrono::seconds> retry_after_wait(std::string_view header, WallTime server_now) {
  if (header.empty())
    return std::nullopt;
  std::uint32_t seconds = 0;
  const auto [end, failure] =
      std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (failure == std::errc() && end == header.data() + header.size())
    return std::chrono::seconds(seconds);
  const auto until = parse_http_date(header);
  if (!until)
    return std::nullopt;
  if (*until <= server_now)
    return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(*until - server_now);
}

}  // namespace linkpos::wix
