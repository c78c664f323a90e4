#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkpos::tools::wixsim {

// One HTTP request as the routes see it, independent of the server that read it.
struct HttpRequest {
  std::string method;  // "GET", "POST" …
  std::string target;  // path and query: "/payment-links/v1/payment-links/abc?x=1"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header of that name (names compare case-insensitively); empty if absent.
  std::string_view header(std::string_view name) const;
  // The target without its query string.
  std::string_view path() const;
};

// One HTTP response, before any server writes it.
struct HttpResponse {
  int status = 200;
  std::string content_type;  // empty: no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type
};

}  // namespace linkpos::tools::wixsim
