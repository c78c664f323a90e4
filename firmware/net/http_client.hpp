#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <boost/outcome/std_result.hpp>

#include "net/net_error.hpp"
#include "net/tls_context.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::net {

struct HttpClientSettings {
  std::string base_url;           // "https://host[:port]", or "http://host:port" if allowed below
  bool allow_plain_http = false;  // only for local test servers: plain http has no security
  std::string ca_file = std::string(kSystemCaFile);   // PEM bundle of the CAs to trust
  std::chrono::milliseconds connect_timeout{10'000};  // DNS + TCP connect + TLS handshake
  std::chrono::milliseconds request_timeout{20'000};  // sending a request until its last byte back
  std::size_t max_header_bytes = 16 * 1024;           // a longer response head fails the request
  std::size_t max_body_bytes = 1024 * 1024;           // a longer response body fails the request
  std::string user_agent = "linkpos";
  // When this firmware was built: a clock reading earlier than this is certainly wrong, which
  // turns a certificate date failure into "set the clock". Zero (the epoch) disables the check.
  std::chrono::system_clock::time_point build_time{};
};

enum class HttpMethod { kGet, kHead, kPost, kPut, kPatch, kDelete };

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string target;                          // origin form: "/path?query"
  std::map<std::string, std::string> headers;  // Host, User-Agent, Content-Length are added
  std::string body;
  // Safe to send twice (GET, a query, a deactivate): then a kept-alive connection that turns
  // out dead is retried once on a fresh one. Leave false for creates.
  bool idempotent = false;
};

struct HttpResponse {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names in lower case; repeats joined with ", "
  std::string body;
};

using HttpResult = BOOST_OUTCOME_V2_NAMESPACE::std_checked<HttpResponse, NetError>;

// An HTTP/1.1 client for one host, over TLS (Mbed TLS) unless plain http is explicitly allowed.
// It keeps one connection alive and sends every request over it, one at a time in the order
// given; it connects (DNS, TCP, TLS) when needed and again after the server closed it. A TLS
// connection it closes on purpose ends with close_notify, never blocking the loop.
// Any HTTP status is a response; NetError is for everything that prevented one.
// The client never logs: request headers carry the API key, and NetError::detail never does.
class HttpClient {
 public:
  using Callback = std::function<void(HttpResult)>;

  // A client, or kBadSettings when the URL is unusable, plain http is not allowed, or the CA
  // file cannot be loaded. Nothing connects until the first request.
  static BOOST_OUTCOME_V2_NAMESPACE::std_checked<std::unique_ptr<HttpClient>, NetError> create(
      boost::asio::io_context& io, HttpClientSettings settings);

  // Cancels everything: pending requests' callbacks are dropped without being called. An idle
  // TLS connection is closed with close_notify, which goes out on the event loop (its socket is
  // closed after at most 2 s); one with an exchange under way is cut.
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Queues a request. `done` is called exactly once (unless the client is destroyed first), on
  // the event loop, never from inside request(). The callback may destroy the client.
  void request(HttpRequest request, Callback done);

  // Completed TLS handshakes (connections, for plain http) since creation: reuse shows as few.
  std::size_t handshake_count() const;

 private:
  class Impl;
  explicit HttpClient(std::shared_ptr<Impl> impl);

  std::shared_ptr<Impl> impl_;
};

}  // namespace linkpos::net
