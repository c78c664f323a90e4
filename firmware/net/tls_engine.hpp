#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <boost/system/error_code.hpp>

#include "net/tls_context.hpp"

namespace linkpos::net::detail {

// One TLS connection's Mbed TLS state, driven through memory buffers instead of a socket: Mbed
// TLS reads the peer's ciphertext from input the caller committed (answering WANT_READ when it
// runs dry) and appends what it sends to an output buffer the caller writes out. It does no I/O,
// so TlsStream's composed operations do the socket work around it.
class TlsEngine {
 public:
  enum class Status {
    kDone,       // finished; `bytes` says how many plaintext bytes moved
    kWantRead,   // commit more input, then call the same step again
    kWantWrite,  // write the output out, then call the same step again
    kFailed,     // `error` says why; the connection is unusable from now on
  };
  struct Result {
    Status status = Status::kDone;
    std::size_t bytes = 0;
    boost::system::error_code error;
  };

  explicit TlsEngine(std::shared_ptr<const TlsContext> context);
  ~TlsEngine();
  TlsEngine(TlsEngine&&) noexcept;
  TlsEngine& operator=(TlsEngine&&) noexcept;

  bool is_client() const;

  // Client only: the name sent as SNI and checked against the server's certificate.
  boost::system::error_code set_hostname(std::string_view host);

  Result handshake();
  Result read(std::span<unsigned char> plaintext);
  Result write(std::span<const unsigned char> plaintext);
  Result close_notify();

  // Ciphertext for the peer: take_output() hands over everything pending; the span stays valid
  // until the next take_output().
  bool has_output() const;
  std::span<const unsigned char> take_output();

  // Ciphertext from the peer: fill some of input_space(), then commit_input(how much).
  std::span<unsigned char> input_space();
  void commit_input(std::size_t size);

  // Mbed TLS's words for the last failure, for logs.
  const std::string& last_error_detail() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkpos::net::detail
