#include "net/tls_error.hpp"

#include <string>

namespace linkpos::net {
namespace {

// Boost 1.74's error_category has a protected non-virtual destructor, which -Wnon-virtual-dtor
// flags in every derived category although nothing deletes one through the base.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
class TlsCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "linkpos.tls"; }

  std::string message(int value) const override {
    switch (static_cast<TlsError>(value)) {
      case TlsError::kUntrustedChain:
        return "the certificate is not signed by a trusted authority";
      case TlsError::kCertificateExpired:
        return "the certificate has expired";
      case TlsError::kCertificateNotYetValid:
        return "the certificate is not valid yet";
      case TlsError::kHostnameMismatch:
        return "the certificate is for another host name";
      case TlsError::kHandshakeTimeout:
        return "the TLS handshake timed out";
      case TlsError::kPeerClosedDuringHandshake:
        return "the peer closed the connection during the TLS handshake";
      case TlsError::kStreamTruncated:
        return "the peer closed the connection without a TLS close_notify";
      case TlsError::kTlsFailed:
        return "TLS failure";
    }
    return "unknown TLS error " + std::to_string(value);
  }
};
#pragma GCC diagnostic pop

}  // namespace

const boost::system::error_category& tls_category() noexcept {
  static const TlsCategory category;
  return category;
}

boost::system::error_code make_error_code(TlsError error) noexcept {
  return {static_cast<int>(error), tls_category()};
}

}  // namespace linkpos::net
