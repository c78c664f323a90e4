#include "wix/backend_error.hpp"

namespace linkpos::wix {
namespace {

using app::BackendFailure;

BackendFailure network_failure(const WixError& error, std::chrono::system_clock::time_point now,
                               std::chrono::system_clock::time_point build_time) {
  if (!error.net_failure)
    return BackendFailure::kUnreachable;
  switch (*error.net_failure) {
    case net::NetFailure::kTlsCertificateExpired:
    case net::NetFailure::kTlsCertificateNotYetValid:
      return now < build_time ? BackendFailure::kClockWrong : BackendFailure::kSecurity;
    case net::NetFailure::kTlsUntrustedChain:
    case net::NetFailure::kTlsHostnameMismatch:
    case net::NetFailure::kTlsFailed:
    case net::NetFailure::kBadSettings:
      return BackendFailure::kSecurity;
    case net::NetFailure::kBadResponse:
    case net::NetFailure::kResponseTooLarge:
      return BackendFailure::kBadReply;
    default:
      return BackendFailure::kUnreachable;
  }
}

BackendFailure failure_of(const WixError& error, std::chrono::system_clock::time_point now,
                          std::chrono::system_clock::time_point build_time) {
  switch (error.kind) {
    case WixErrorKind::kNetwork:
      return network_failure(error, now, build_time);
    case WixErrorKind::kRejectedKey:
      return BackendFailure::kRejectedKey;
    case WixErrorKind::kBusy:
      return BackendFailure::kBusy;
    case WixErrorKind::kServerError:
      return BackendFailure::kServerError;
    case WixErrorKind::kBadReply:
      return BackendFailure::kBadReply;
    case WixErrorKind::kInvalidRequest:
    case WixErrorKind::kNotFound:
    case WixErrorKind::kConflict:
    case WixErrorKind::kPrecondition:
    case WixErrorKind::kOtherStatus:
      return BackendFailure::kRefused;
  }
  return BackendFailure::kRefused;
}

}  // namespace

app::BackendError to_backend_error(const WixError& error, std::chrono::system_clock::time_point now,
                                   std::chrono::system_clock::time_point build_time) {
  return app::BackendError{failure_of(error, now, build_time), error.message,
                           error.may_have_been_sent};
}

app::BackendError create_failure(const WixError& error, std::chrono::system_clock::time_point now,
                                 std::chrono::system_clock::time_point build_time) {
  app::BackendError failure = to_backend_error(error, now, build_time);
  if (error.kind == WixErrorKind::kServerError)
    failure.uncertain = true;
  return failure;
}

}  // namespace linkpos::wix
