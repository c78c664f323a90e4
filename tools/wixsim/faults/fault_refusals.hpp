#pragma once

#include <string_view>

#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/model/rfc3339.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"

namespace linkpos::tools::wixsim {

// What a fault that answers in the route's stead (500, 502, 503, 429, 403, 404: the route does
// not run) answers for a request to `route` at `now` (wixsim's clock): 5xx and 429 with
// an empty body, as Wix sends system errors, and Retry-After when the rule gives one — seconds,
// or the HTTP-date now + retry_after, rounded up to the whole second so it is never earlier;
// 403 PERMISSION_DENIED naming the permission the route needs ("Read site, business, and email
// details" for site-properties, "Manage Paylinks" for the others); 404 NOT_FOUND; both with
// Wix's error body.
HttpResponse refusal_response(const RequestFault& fault, std::string_view route, TimePoint now);

}  // namespace linkpos::tools::wixsim
