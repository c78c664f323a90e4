#include "wix/wix_error.hpp"

#include "wix/http_date.hpp"
#include "wix/server_text.hpp"
#include "wix/wire.hpp"

namespace linkpos::wix {
namespace {

WixErrorKind kind_of(unsigned status) {
  switch (status) {
    case 400:
      return WixErrorKind::kInvalidRequest;
    case 401:
    case 403:
      return WixErrorKind::kRejectedKey;
    case 404:
      return WixErrorKind::kNotFound;
    case 409:
      return WixErrorKind::kConflict;
    case 428:
      return WixErrorKind::kPrecondition;
    case 429:
      return WixErrorKind::kBusy;
    default:
      return status >= 500 ? WixErrorKind::kServerError : WixErrorKind::kOtherStatus;
  }
}

}  // namespace

WixError error_from_response(unsigned status, std::string_view body, std::string_view retry_after,
                             std::chrono::system_clock::time_point server_now) {
  WixError error;
  error.kind = kind_of(status);
  error.http_status = status;
  const ErrorBody parsed = parse_error_body(body);
  error.code = parsed.code;
  // What Wix said, as one piece of server text: its parts are tamed, and so is the whole.
  std::string said;
  if (!parsed.code.empty() && parsed.code != parsed.message)
    said += " " + parsed.code;
  if (!parsed.message.empty())
    said += ": " + parsed.message;
  for (const auto& violation : parsed.field_violations) {
    if (said.size() > 4 * kServerTextMaxChars)
      break;
    said += "; " + violation;
  }
  error.message = "Wix answered HTTP " + std::to_string(status) + tame_server_text(said);
  if (error.kind == WixErrorKind::kRejectedKey)
    error.message += " (API key rejected)";
  error.retry_after = retry_after_wait(retry_after, server_now);
  return error;
}

}  // namespace linkpos::wix
