#include "net/tls_engine.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <mbedtls/error.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509.h>
#include <mbedtls/x509_crt.h>
#include <boost/asio/error.hpp>

#include "net/tls_error.hpp"

namespace linkpos::net::detail {
namespace {

// Room for one whole TLS record (16 KiB of payload plus header, MAC and padding).
constexpr std::size_t kInputChunk = 17 * 1024;

std::string mbedtls_text(int error) {
  char text[160];
  mbedtls_strerror(error, text, sizeof text);
  return text;
}

// Mbed TLS's description of verify flags, one line per flag, folded into one line.
std::string verify_text(std::uint32_t flags) {
  char text[512];
  const int length = mbedtls_x509_crt_verify_info(text, sizeof text, "", flags);
  std::string line(text, length > 0 ? static_cast<std::size_t>(length) : 0);
  while (!line.empty() && line.back() == '\n')
    line.pop_back();
  std::replace(line.begin(), line.end(), '\n', ';');
  return line;
}

// The most telling reason first: an untrusted chain matters whatever else is wrong with it, and
// a clock problem explains a name check that was never reached.
TlsError verify_error(std::uint32_t flags) {
  if (flags & MBEDTLS_X509_BADCERT_NOT_TRUSTED)
    return TlsError::kUntrustedChain;
  if (flags & MBEDTLS_X509_BADCERT_FUTURE)
    return TlsError::kCertificateNotYetValid;
  if (flags & MBEDTLS_X509_BADCERT_EXPIRED)
    return TlsError::kCertificateExpired;
  if (flags & MBEDTLS_X509_BADCERT_CN_MISMATCH)
    return TlsError::kHostnameMismatch;
  return TlsError::kTlsFailed;
}

}  // namespace

struct TlsEngine::Impl {
  explicit Impl(std::shared_ptr<const TlsContext> shared_context)
      : context(std::move(shared_context)) {
    mbedtls_ssl_init(&ssl);
    const int result = mbedtls_ssl_setup(&ssl, context->native_config());
    if (result != 0) {
      mbedtls_ssl_free(&ssl);
      throw std::runtime_error("cannot set up a TLS connection: " + mbedtls_text(result));
    }
    mbedtls_ssl_set_bio(&ssl, this, &Impl::send, &Impl::receive, nullptr);
  }
  ~Impl() { mbedtls_ssl_free(&ssl); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Mbed TLS's transport: sending always succeeds into memory; receiving answers WANT_READ when
  // the committed input is used up.
  static int send(void* self, const unsigned char* data, size_t size) {
    auto& out = static_cast<Impl*>(self)->output;
    out.insert(out.end(), data, data + size);
    return static_cast<int>(size);
  }
  static int receive(void* self, unsigned char* data, size_t size) {
    auto& impl = *static_cast<Impl*>(self);
    const std::size_t available = impl.input_end - impl.input_begin;
    if (available == 0)
      return MBEDTLS_ERR_SSL_WANT_READ;
    const std::size_t count = std::min(available, size);
    std::memcpy(data, impl.input.data() + impl.input_begin, count);
    impl.input_begin += count;
    return static_cast<int>(count);
  }

  Result fail(boost::system::error_code error, std::string text) {
    failed = true;
    detail = std::move(text);
    return {Status::kFailed, 0, error};
  }

  Result fail_mbedtls(int result) {
    if (result == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
      const std::uint32_t flags = mbedtls_ssl_get_verify_result(&ssl);
      return fail(verify_error(flags), verify_text(flags));
    }
    if (result == MBEDTLS_ERR_SSL_CONN_EOF && !handshake_done) {
      return fail(TlsError::kPeerClosedDuringHandshake, mbedtls_text(result));
    }
    return fail(TlsError::kTlsFailed, mbedtls_text(result));
  }

  // Shared by every step: in-progress answers, then success, then failure.
  Result settle(int result) {
    if (result == MBEDTLS_ERR_SSL_WANT_READ)
      return {Status::kWantRead, 0, {}};
    if (result == MBEDTLS_ERR_SSL_WANT_WRITE)
      return {Status::kWantWrite, 0, {}};
    if (result >= 0)
      return {Status::kDone, static_cast<std::size_t>(result), {}};
    return fail_mbedtls(result);
  }

  Result refuse_if_unusable() {
    if (failed)
      return {Status::kFailed, 0, TlsError::kTlsFailed};
    if (!handshake_done)
      return fail(TlsError::kTlsFailed, "no TLS handshake yet");
    return {Status::kDone, 0, {}};
  }

  std::shared_ptr<const TlsContext> context;
  mbedtls_ssl_context ssl;
  std::vector<unsigned char> input;  // [input_begin, input_end) is unread ciphertext
  std::size_t input_begin = 0;
  std::size_t input_end = 0;
  std::vector<unsigned char> output;     // ciphertext Mbed TLS produced, not yet taken
  std::vector<unsigned char> in_flight;  // ciphertext being written to the socket
  std::string detail;
  bool hostname_set = false;
  bool handshake_done = false;
  bool failed = false;
};

TlsEngine::TlsEngine(std::shared_ptr<const TlsContext> context)
    : impl_(std::make_unique<Impl>(std::move(context))) {}

TlsEngine::~TlsEngine() = default;
TlsEngine::TlsEngine(TlsEngine&&) noexcept = default;
TlsEngine& TlsEngine::operator=(TlsEngine&&) noexcept = default;

bool TlsEngine::is_client() const {
  return impl_->context->role() == TlsContext::Role::kClient;
}

boost::system::error_code TlsEngine::set_hostname(std::string_view host) {
  const std::string name(host);
  const int result = mbedtls_ssl_set_hostname(&impl_->ssl, name.c_str());
  if (result != 0) {
    impl_->detail = "cannot use host name '" + name + "': " + mbedtls_text(result);
    return TlsError::kTlsFailed;
  }
  impl_->hostname_set = true;
  return {};
}

TlsEngine::Result TlsEngine::handshake() {
  if (impl_->failed)
    return {Status::kFailed, 0, TlsError::kTlsFailed};
  if (impl_->handshake_done)
    return {Status::kDone, 0, {}};
  // Without a name Mbed TLS would accept a valid certificate for any host.
  if (is_client() && !impl_->hostname_set) {
    return impl_->fail(TlsError::kTlsFailed, "no host name to verify the server against");
  }
  const Result result = impl_->settle(mbedtls_ssl_handshake(&impl_->ssl));
  if (result.status == Status::kDone)
    impl_->handshake_done = true;
  return result;
}

TlsEngine::Result TlsEngine::read(std::span<unsigned char> plaintext) {
  if (Result refusal = impl_->refuse_if_unusable(); refusal.status == Status::kFailed) {
    return refusal;
  }
  if (plaintext.empty())
    return {Status::kDone, 0, {}};
  const int result = mbedtls_ssl_read(&impl_->ssl, plaintext.data(), plaintext.size());
  if (result == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
    return {Status::kFailed, 0, boost::asio::error::eof};
  }
  if (result == 0)
    return impl_->fail(TlsError::kStreamTruncated, "transport closed");
  return impl_->settle(result);
}

TlsEngine::Result TlsEngine::write(std::span<const unsigned char> plaintext) {
  if (Result refusal = impl_->refuse_if_unusable(); refusal.status == Status::kFailed) {
    return refusal;
  }
  if (plaintext.empty())
    return {Status::kDone, 0, {}};
  return impl_->settle(mbedtls_ssl_write(&impl_->ssl, plaintext.data(), plaintext.size()));
}

TlsEngine::Result TlsEngine::close_notify() {
  if (impl_->failed || !impl_->handshake_done)
    return {Status::kDone, 0, {}};
  return impl_->settle(mbedtls_ssl_close_notify(&impl_->ssl));
}

bool TlsEngine::has_output() const {
  return !impl_->output.empty();
}

std::span<const unsigned char> TlsEngine::take_output() {
  impl_->in_flight.swap(impl_->output);
  impl_->output.clear();
  return impl_->in_flight;
}

std::span<unsigned char> TlsEngine::input_space() {
  Impl& impl = *impl_;
  if (impl.input_begin == impl.input_end)
    impl.input_begin = impl.input_end = 0;
  if (impl.input.size() - impl.input_end < kInputChunk)
    impl.input.resize(impl.input_end + kInputChunk);
  return std::span<unsigned char>(impl.input).subspan(impl.input_end);
}

void TlsEngine::commit_input(std::size_t size) {
  impl_->input_end = std::min(impl_->input_end + size, impl_->input.size());
}

const std::string& TlsEngine::last_error_detail() const {
  return impl_->detail;
}

}  // namespace linkpos::net::detail
