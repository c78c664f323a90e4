#pragma once

#include <string>
#include <string_view>

namespace linkpos::net {

// What went wrong with an HTTP exchange, by what a technician would check.
enum class NetFailure {
  kBadSettings,                // the client's settings are unusable (URL, CA file, plain http)
  kDnsFailed,                  // the host name does not resolve
  kConnectionRefused,          // the host answered but nothing listens on the port
  kConnectFailed,              // no TCP connection (unreachable, timed out)
  kTlsUntrustedChain,          // the server's certificate is not from a trusted CA
  kTlsCertificateExpired,      // ... has expired (or the clock is wrong)
  kTlsCertificateNotYetValid,  // ... is not valid yet (or the clock is wrong)
  kTlsHostnameMismatch,        // ... is for another host
  kTlsHandshakeTimeout,        // connected, but no TLS handshake in time
  kTlsFailed,                  // any other TLS failure
  kTimeout,                    // no complete response in time
  kConnectionClosed,           // the connection broke before a complete response
  kResponseTooLarge,           // the response's headers or body exceed the limits
  kBadResponse,                // the response is not valid HTTP
};

// A short stable name for logs and tests ("dns_failed", "tls_untrusted_chain", ...).
std::string_view to_string(NetFailure failure);

struct NetError {
  NetFailure failure = NetFailure::kConnectFailed;
  std::string detail;  // one line a technician understands; never holds request headers
  // The request may have reached the server, so its effect (a created link) may exist: the
  // caller must reconcile before repeating it. False when it certainly was not sent.
  bool may_have_been_sent = false;
};

}  // namespace linkpos::net
