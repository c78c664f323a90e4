#pragma once

#include <string_view>

namespace linkpos::tools::wixsim {

// wixsim's log on stderr: one "wixsim: …" line per event, written whole so lines never mix. It is
// given no secrets: requests are logged by method, path, status and route, never their headers.
class ServerLog {
 public:
  void line(std::string_view text);
  void request(std::string_view method, std::string_view path, int status, std::string_view route);
};

}  // namespace linkpos::tools::wixsim
