#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <boost/outcome/std_result.hpp>

// Mbed TLS's type, named here so that this header needs none of Mbed TLS's.
struct mbedtls_ssl_config;

namespace linkpos::net {

// Debian's bundle of the public CAs (package ca-certificates).
inline constexpr std::string_view kSystemCaFile = "/etc/ssl/certs/ca-certificates.crt";

enum class TlsSetupFailure {
  kFileMissing,     // a named file does not exist
  kFileUnreadable,  // it exists but cannot be read
  kNotPem,          // it holds no PEM block of the expected kind
  kBadCertificate,  // a certificate in it does not parse
  kBadKey,          // the private key does not parse (or is encrypted)
  kKeyMismatch,     // the private key does not belong to the certificate
  kInternal,        // Mbed TLS could not set up (random generator, memory)
};

struct TlsSetupError {
  TlsSetupFailure failure = TlsSetupFailure::kInternal;
  std::string detail;  // one line for the log, naming the file
};

class TlsContext;
using TlsContextResult =
    BOOST_OUTCOME_V2_NAMESPACE::std_checked<std::shared_ptr<const TlsContext>, TlsSetupError>;

// The Mbed TLS configuration every connection of one role shares: a random generator seeded once,
// TLS 1.2 as the minimum, and the trust anchors (client) or the certificate and key (server).
// Streams hold a shared_ptr to it, so it lives as long as the last connection using it.
class TlsContext {
 public:
  enum class Role { kClient, kServer };

  // A client that requires a valid chain to one of the CAs in ca_file (PEM, any number of
  // certificates; certificates in it that Mbed TLS cannot parse are skipped if others parse).
  static TlsContextResult for_client(const std::string& ca_file = std::string(kSystemCaFile));

  // A server presenting cert_chain_file (PEM: its certificate first, then intermediates) and
  // key_file (PEM, unencrypted). Clients are not asked for certificates.
  static TlsContextResult for_server(const std::string& cert_chain_file,
                                     const std::string& key_file);

  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  Role role() const;
  const mbedtls_ssl_config* native_config() const;

 private:
  struct Impl;
  explicit TlsContext(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace linkpos::net
