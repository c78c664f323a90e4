#pragma once

#include <utility>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tools/wixsim/responses.hpp"
#include "tools/wixsim/router.hpp"
#include "tools/wixsim/server_log.hpp"

namespace linkpos::tools::wixsim {

inline constexpr std::chrono::seconds kIdleTimeout{30};
inline constexpr std::chrono::seconds kHandshakeTimeout{10};
inline constexpr std::uint64_t kMaxRequestBodyBytes = 1 << 20;

// One client connection: reads HTTP/1.1 requests, hands each to the router and writes its answer,
// for as long as the client keeps the connection alive. Generic over the stream, so one session
// serves plain TCP (beast::tcp_stream) and TLS (net::TlsStream): a stream that has
// async_handshake(timeout, handler) is handshaken first, one that has async_shutdown is closed
// that way. Every response leaves through send().
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream stream, const Router& router, ServerLog& log)
      : stream_(std::move(stream)), router_(router), log_(log) {}

  void start() {
    if constexpr (kHandshakes) {
      stream_.async_handshake(
          kHandshakeTimeout,
          boost::beast::bind_front_handler(&HttpSession::on_handshake, this->shared_from_this()));
    } else {
      read_request();
    }
  }

 private:
  using ErrorCode = boost::system::error_code;
  static constexpr bool kHandshakes = requires(Stream & s) {
    s.async_handshake(kHandshakeTimeout, [](ErrorCode) {});
  };
  static constexpr bool kShutsDown = requires(Stream & s) {
    s.async_shutdown([](ErrorCode) {});
  };

  void arm_timeout() { boost::beast::get_lowest_layer(stream_).expires_after(kIdleTimeout); }

  void on_handshake(ErrorCode error) {
    if (error) {
      std::string reason = error.message();
      if constexpr (requires { stream_.last_error_detail(); }) {
        if (!stream_.last_error_detail().empty())
          reason = stream_.last_error_detail();
      }
      log_.line("TLS handshake failed: " + reason);
      return;
    }
    read_request();
  }

  void read_request() {
    parser_.emplace();
    parser_->body_limit(kMaxRequestBodyBytes);
    arm_timeout();
    boost::beast::http::async_read(
        stream_, buffer_, *parser_,
        boost::beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
  }

  void on_read(ErrorCode error, std::size_t) {
    namespace http = boost::beast::http;
    if (error == http::error::end_of_stream)
      return close();
    if (error == http::error::body_limit) {
      return send("-", "-",
                  {"too-large", error_response(application_error(413, "PAYLOAD_TOO_LARGE",
                                                                 "the request body is too large"))},
                  false);
    }
    if (error && error.category() == http::make_error_code(http::error::bad_target).category()) {
      return send("-", "-",
                  {"bad-request", error_response(application_error(
                                      400, "BAD_REQUEST", "the request is not valid HTTP/1.1"))},
                  false);
    }
    if (error)
      return;  // the client went away or timed out: nothing to answer

    auto request = parser_->release();
    HttpRequest exchange;
    exchange.method = std::string(request.method_string());
    exchange.target = std::string(request.target());
    for (const auto& field : request) {
      exchange.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    exchange.body = std::move(request.body());
    version_ = request.version();
    send(exchange.method, exchange.path(), router_.handle(exchange), request.keep_alive());
  }

  // The one way out for a response: logged, written, then the next request or the close.
  void send(std::string_view method, std::string_view path, RoutedResponse routed,
            bool keep_alive) {
    namespace http = boost::beast::http;
    log_.request(method, path, routed.response.status, routed.route);
    response_ = {};
    response_.version(version_);
    response_.result(static_cast<unsigned>(routed.response.status));
    response_.set(http::field::server, "wixsim");
    if (!routed.response.content_type.empty())
      response_.set(http::field::content_type, routed.response.content_type);
    for (const auto& [name, value] : routed.response.headers)
      response_.set(name, value);
    response_.body() = std::move(routed.response.body);
    response_.keep_alive(keep_alive);
    response_.prepare_payload();
    arm_timeout();
    http::async_write(
        stream_, response_,
        boost::beast::bind_front_handler(&HttpSession::on_write, this->shared_from_this()));
  }

  void on_write(ErrorCode error, std::size_t) {
    if (error)
      return;
    if (!response_.keep_alive())
      return close();
    read_request();
  }

  void close() {
    if constexpr (kShutsDown) {
      arm_timeout();
      stream_.async_shutdown(
          boost::beast::bind_front_handler(&HttpSession::on_shutdown, this->shared_from_this()));
    } else {
      ErrorCode ignored;
      boost::beast::get_lowest_layer(stream_).socket().shutdown(
          boost::asio::ip::tcp::socket::shutdown_send, ignored);
    }
  }

  void on_shutdown(ErrorCode) { boost::beast::get_lowest_layer(stream_).close(); }

  Stream stream_;
  const Router& router_;
  ServerLog& log_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  unsigned version_ = 11;
};

}  // namespace linkpos::tools::wixsim
