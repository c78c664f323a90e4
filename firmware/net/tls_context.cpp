#include "net/tls_context.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/pk.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

namespace linkpos::net {

struct TlsContext::Impl {
  Impl() {
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    mbedtls_ssl_config_init(&config);
    mbedtls_x509_crt_init(&certificates);
    mbedtls_pk_init(&key);
  }
  ~Impl() {
    mbedtls_pk_free(&key);
    mbedtls_x509_crt_free(&certificates);
    mbedtls_ssl_config_free(&config);
    mbedtls_ctr_drbg_free(&drbg);
    mbedtls_entropy_free(&entropy);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Role role = Role::kClient;
  mbedtls_entropy_context entropy;
  mbedtls_ctr_drbg_context drbg;
  mbedtls_ssl_config config;
  mbedtls_x509_crt certificates;  // the trusted CAs (client) or our own chain (server)
  mbedtls_pk_context key;         // server only
};

namespace {

std::string mbedtls_text(int error) {
  char text[160];
  mbedtls_strerror(error, text, sizeof text);
  return text;
}

TlsSetupError setup_error(TlsSetupFailure failure, std::string detail) {
  return {failure, std::move(detail)};
}

// The file's bytes with a NUL appended, as Mbed TLS's PEM parsers want.
struct FileText {
  std::vector<unsigned char> bytes;
  ~FileText() { mbedtls_platform_zeroize(bytes.data(), bytes.size()); }

  bool contains(std::string_view needle) const {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return text.find(needle) != std::string_view::npos;
  }
};

std::optional<TlsSetupError> read_file(const std::string& path, std::string_view what,
                                       FileText& out) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return setup_error(TlsSetupFailure::kFileMissing,
                       std::string(what) + " file not found: " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return setup_error(TlsSetupFailure::kFileUnreadable,
                       std::string(what) + " file cannot be read: " + path);
  }
  out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return setup_error(TlsSetupFailure::kFileUnreadable,
                       std::string(what) + " file cannot be read: " + path);
  }
  out.bytes.push_back('\0');
  return std::nullopt;
}

// Parses every certificate of a PEM file. With allow_some_bad, certificates Mbed TLS cannot
// parse are skipped as long as one parses (system bundles hold a few it does not support).
std::optional<TlsSetupError> load_certificates(const std::string& path, std::string_view what,
                                               bool allow_some_bad, mbedtls_x509_crt& out) {
  FileText text;
  if (auto error = read_file(path, what, text))
    return error;
  if (!text.contains("-----BEGIN CERTIFICATE-----")) {
    return setup_error(TlsSetupFailure::kNotPem,
                       std::string(what) + " file holds no PEM certificate: " + path);
  }
  const int result = mbedtls_x509_crt_parse(&out, text.bytes.data(), text.bytes.size());
  if (result < 0 || (result > 0 && !allow_some_bad) || out.version == 0) {
    return setup_error(TlsSetupFailure::kBadCertificate,
                       std::string(what) + " file has a certificate that does not parse (" +
                           (result < 0 ? mbedtls_text(result) : std::to_string(result) + " bad") +
                           "): " + path);
  }
  return std::nullopt;
}

std::optional<TlsSetupError> load_key(const std::string& path, mbedtls_pk_context& out) {
  FileText text;
  if (auto error = read_file(path, "private key", text))
    return error;
  if (!text.contains("-----BEGIN") || !text.contains("PRIVATE KEY-----")) {
    return setup_error(TlsSetupFailure::kNotPem,
                       "private key file holds no PEM private key: " + path);
  }
  const int result = mbedtls_pk_parse_key(&out, text.bytes.data(), text.bytes.size(), nullptr, 0);
  if (result == MBEDTLS_ERR_PK_PASSWORD_REQUIRED) {
    return setup_error(TlsSetupFailure::kBadKey,
                       "private key file is encrypted (an unencrypted key is needed): " + path);
  }
  if (result != 0) {
    return setup_error(TlsSetupFailure::kBadKey,
                       "private key does not parse (" + mbedtls_text(result) + "): " + path);
  }
  return std::nullopt;
}

std::optional<TlsSetupError> prepare(TlsContext::Role role, mbedtls_entropy_context& entropy,
                                     mbedtls_ctr_drbg_context& drbg, mbedtls_ssl_config& config) {
  static constexpr unsigned char kPersonalisation[] = "linkpos tls";
  int result = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, kPersonalisation,
                                     sizeof kPersonalisation);
  if (result != 0) {
    return setup_error(TlsSetupFailure::kInternal,
                       "cannot seed the TLS random generator: " + mbedtls_text(result));
  }
  result = mbedtls_ssl_config_defaults(
      &config, role == TlsContext::Role::kClient ? MBEDTLS_SSL_IS_CLIENT : MBEDTLS_SSL_IS_SERVER,
      MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
  if (result != 0) {
    return setup_error(TlsSetupFailure::kInternal,
                       "cannot set up the TLS configuration: " + mbedtls_text(result));
  }
  mbedtls_ssl_conf_rng(&config, mbedtls_ctr_drbg_random, &drbg);
  mbedtls_ssl_conf_min_version(&config, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
  return std::nullopt;
}

}  // namespace

TlsContextResult TlsContext::for_client(const std::string& ca_file) {
  auto impl = std::make_unique<Impl>();
  impl->role = Role::kClient;
  if (auto error = load_certificates(ca_file, "CA", true, impl->certificates))
    return *error;
  if (auto error = prepare(impl->role, impl->entropy, impl->drbg, impl->config))
    return *error;
  mbedtls_ssl_conf_authmode(&impl->config, MBEDTLS_SSL_VERIFY_REQUIRED);
  mbedtls_ssl_conf_ca_chain(&impl->config, &impl->certificates, nullptr);
  return std::shared_ptr<const TlsContext>(new TlsContext(std::move(impl)));
}

TlsContextResult TlsContext::for_server(const std::string& cert_chain_file,
                                        const std::string& key_file) {
  auto impl = std::make_unique<Impl>();
  impl->role = Role::kServer;
  if (auto error = load_certificates(cert_chain_file, "certificate", false, impl->certificates)) {
    return *error;
  }
  if (auto error = load_key(key_file, impl->key))
    return *error;
  if (mbedtls_pk_check_pair(&impl->certificates.pk, &impl->key) != 0) {
    return setup_error(
        TlsSetupFailure::kKeyMismatch,
        "private key " + key_file + " does not belong to certificate " + cert_chain_file);
  }
  if (auto error = prepare(impl->role, impl->entropy, impl->drbg, impl->config))
    return *error;
  const int result = mbedtls_ssl_conf_own_cert(&impl->config, &impl->certificates, &impl->key);
  if (result != 0) {
    return setup_error(TlsSetupFailure::kInternal,
                       "cannot use the certificate and key: " + mbedtls_text(result));
  }
  return std::shared_ptr<const TlsContext>(new TlsContext(std::move(impl)));
}

TlsContext::TlsContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TlsContext::~TlsContext() = default;

TlsContext::Role TlsContext::role() const {
  return impl_->role;
}

const mbedtls_ssl_config* TlsContext::native_config() const {
  return &impl_->config;
}

}  // namespace linkpos::net
