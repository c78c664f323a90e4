#pragma once

#include <string>

namespace linkpos::app {

// Whether the system knows the IANA time zone `name` ("Europe/Paris").
bool time_zone_known(const std::string& name);

// Local times (the business day, receipts, the day's reports) follow `name` from now on, through
// TZ and tzset(): GCC 12 has no std::chrono::locate_zone. Answers false, changing nothing, for a
// name the system does not know.
bool use_time_zone(const std::string& name);

}  // namespace linkpos::app
