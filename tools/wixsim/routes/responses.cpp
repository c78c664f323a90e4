#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {

HttpResponse json_response(int status, const nlohmann::json& body) {
  // Replace, never throw: a byte that is not UTF-8 must not take the server down.
  return HttpResponse{status,
                      "application/json",
                      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                      {}};
}

HttpResponse error_response(const WixError& error) {
  return json_response(error.http_status, error_body(error));
}

HttpResponse html_response(int status, std::string html) {
  return HttpResponse{status, "text/html; charset=utf-8", std::move(html), {}};
}

}  // namespace linkpos::tools::wixsim
