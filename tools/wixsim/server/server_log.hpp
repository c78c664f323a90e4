#pragma once

#include <string_view>

namespace linkpos::tools::wixsim {

// wixsim's log on stderr: one "wixsim: …" line per event, written whole so lines never mix. It is
// given no secrets: requests are logged by method, path, status and route, never their headers.
class ServerLog {
 public:
  void line(std::string_view text);
  // "METHOD PATH STATUS (route)", then " [fault: …]" when a fault applied; status 0 (nothing was
  // answered) shows as "-".
  void request(std::string_view method, std::string_view path, int status, std::string_view route,
               std::string_view fault = {});
};

}  // namespace linkpos::tools::wixsim
