#include "net/net_error.hpp"

namespace linkpos::net {

std::string_view to_string(NetFailure failure) {
  switch (failure) {
    case NetFailure::kBadSettings:
      return "bad_settings";
    case NetFailure::kDnsFailed:
      return "dns_failed";
    case NetFailure::kConnectionRefused:
      return "connection_refused";
    case NetFailure::kConnectFailed:
      return "connect_failed";
    case NetFailure::kTlsUntrustedChain:
      return "tls_untrusted_chain";
    case NetFailure::kTlsCertificateExpired:
      return "tls_certificate_expired";
    case NetFailure::kTlsCertificateNotYetValid:
      return "tls_certificate_not_yet_valid";
    case NetFailure::kTlsHostnameMismatch:
      return "tls_hostname_mismatch";
    case NetFailure::kTlsHandshakeTimeout:
      return "tls_handshake_timeout";
    case NetFailure::kTlsFailed:
      return "tls_failed";
    case NetFailure::kTimeout:
      return "timeout";
    case NetFailure::kConnectionClosed:
      return "connection_closed";
    case NetFailure::kResponseTooLarge:
      return "response_too_large";
    case NetFailure::kBadResponse:
      return "bad_response";
  }
  return "unknown";
}

}  // namespace linkpos::net
