#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "net/net_error.hpp"

namespace linkpos::wix {

// Why a Wix call failed, sorted the way Wix documents its errors.
enum class WixErrorKind {
  kNetwork,         // no HTTP answer at all (see net_failure)
  kInvalidRequest,  // 400, with field violations
  kRejectedKey,     // 401/403: the API key or site id is not accepted
  kNotFound,        // 404
  kConflict,        // 409
  kPrecondition,    // 428 (an application error code says which)
  kBusy,            // 429: back off, honouring Retry-After
  kServerError,     // 5xx, usually with an empty body
  kOtherStatus,     // any other non-2xx status
  kBadReply,        // a 2xx whose body this client cannot use
};

struct WixError {
  WixErrorKind kind = WixErrorKind::kNetwork;
  unsigned http_status = 0;
  std::string code;     // Wix's applicationError.code, when it gave one
  std::string message;  // one line for the log and the screen's small print; never the API key
  std::optional<net::NetFailure> net_failure;
  bool may_have_been_sent = false;  // the request may have taken effect (a link may exist)
  std::optional<std::chrono::seconds> retry_after;
};

// The error for a non-2xx status and the body Wix sent with it; `retry_after` is the
// Retry-After header (seconds or an HTTP date, read against `server_now`), empty when absent.
WixError error_from_response(unsigned status, std::string_view body, std::string_view retry_after,
                             std::chrono::system_clock::time_point server_now);

}  // namespace linkpos::wix
