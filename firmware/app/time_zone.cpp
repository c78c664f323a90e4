#include "app/time_zone.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

namespace linkpos::app {

bool time_zone_known(const std::string& name) {
  // A name, not a path: TZ would take "/etc/passwd" or "../x" as a file to read.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos)
    return false;
  struct stat info {};
  return ::stat(("/usr/share/zoneinfo/" + name).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool use_time_zone(const std::string& name) {
  if (!time_zone_known(name))
    return false;
  ::setenv("TZ", (":" + name).c_str(), /*overwrite=*/1);
  ::tzset();
  return true;
}

}  // namespace linkpos::app
