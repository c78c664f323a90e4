#include "tools/wixsim/faults/fault_refusals.hpp"

#include <string>

#include "tools/wixsim/model/http_date.hpp"
#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {
namespace {

// The permission (as Wix's dashboard names it) an API key needs for the route.
std::string_view permission_for(std::string_view route) {
  return route == "site-properties" ? "Read site, business, and email details" : "Manage Paylinks";
}

HttpResponse empty_status(int status, const RequestFault& fault, TimePoint now) {
  HttpResponse response;
  response.status = status;
  if (fault.retry_after) {
    const std::chrono::seconds delay(*fault.retry_after);
    response.headers.emplace_back(
        "Retry-After", fault.retry_after_date
                           ? format_http_date(std::chrono::ceil<std::chrono::seconds>(now) + delay)
                           : std::to_string(*fault.retry_after));
  }
  return response;
}

}  // namespace

HttpResponse refusal_response(const RequestFault& fault, std::string_view route, TimePoint now) {
  switch (fault.fault) {
    case FaultKind::kStatus500:
      return empty_status(500, fault, now);
    case FaultKind::kStatus502:
      return empty_status(502, fault, now);
    case FaultKind::kStatus503:
      return empty_status(503, fault, now);
    case FaultKind::kTooManyRequests:
      return empty_status(429, fault, now);
    case FaultKind::kForbidden:
      return error_response(application_error(
          403, "PERMISSION_DENIED",
          "the API key lacks the permission \"" + std::string(permission_for(route)) + "\""));
    case FaultKind::kNotFound:
      return error_response(application_error(404, "NOT_FOUND", "not found"));
    default:
      return empty_status(500, fault, now);  // not a refusal: never asked for
  }
}

}  // namespace linkpos::tools::wixsim
