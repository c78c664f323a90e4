#pragma once

#include <type_traits>

#include <boost/system/error_code.hpp>

namespace linkpos::net {

// Why a TLS operation failed. These are boost::system error codes of tls_category(); the
// stream keeps Mbed TLS's own words for the log (TlsStream::last_error_detail()).
enum class TlsError {
  kUntrustedChain = 1,         // the peer's chain does not lead to a CA we trust
  kCertificateExpired,         // the peer's certificate (or its CA) is past its validity
  kCertificateNotYetValid,     // the peer's certificate (or its CA) is not valid yet
  kHostnameMismatch,           // the certificate is not for the host name we asked for
  kHandshakeTimeout,           // no complete handshake before the deadline
  kPeerClosedDuringHandshake,  // the peer closed the connection mid-handshake
  kStreamTruncated,            // the peer closed TCP without a TLS close_notify
  kTlsFailed,                  // any other TLS failure
};

const boost::system::error_category& tls_category() noexcept;

boost::system::error_code make_error_code(TlsError error) noexcept;

}  // namespace linkpos::net

template <>
struct boost::system::is_error_code_enum<linkpos::net::TlsError> : std::true_type {};
