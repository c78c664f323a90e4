#pragma once

#include <utility>

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tools/wixsim/faults/fault_bodies.hpp"
#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/faults/fault_refusals.hpp"
#include "tools/wixsim/model/clock.hpp"
#include "tools/wixsim/model/http_date.hpp"
#include "tools/wixsim/routes/responses.hpp"
#include "tools/wixsim/routes/router.hpp"
#include "tools/wixsim/server/server_log.hpp"

namespace linkpos::tools::wixsim {

inline constexpr std::chrono::seconds kIdleTimeout{30};
inline constexpr std::chrono::seconds kHandshakeTimeout{10};
inline constexpr std::uint64_t kMaxRequestBodyBytes = 1 << 20;

// One client connection: reads HTTP/1.1 requests, hands each to the router and writes its answer,
// for as long as the client keeps the connection alive. Generic over the stream, so one session
// serves plain TCP (beast::tcp_stream) and TLS (net::TlsStream): a stream that has
// async_handshake(timeout, handler) is handshaken first, one that has async_shutdown is closed
// that way. Every answer leaves through answer(), which applies the request's fault (FaultPlan);
// whole responses through send(). Every answer is dated by `clock`, wixsim's own (which
// --clock-offset may set apart from the terminal's).
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream stream, const Router& router, FaultPlan& faults, ServerLog& log, Clock clock)
      : stream_(std::move(stream)),
        router_(router),
        faults_(faults),
        log_(log),
        clock_(std::move(clock)),
        timer_(stream_.get_executor()) {}

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
  // What follows a write of raw bytes (a mangled answer).
  enum class AfterRaw { kClose, kReset, kNextChunk };

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
    request_ = {};
    request_.method = request_.target = "-";
    keep_alive_ = false;
    if (error == http::error::body_limit) {
      return send("too-large", error_response(application_error(413, "PAYLOAD_TOO_LARGE",
                                                                "the request body is too large")));
    }
    if (error && error.category() == http::make_error_code(http::error::bad_target).category()) {
      return send("bad-request", error_response(application_error(
                                     400, "BAD_REQUEST", "the request is not valid HTTP/1.1")));
    }
    if (error)
      return;  // the client went away or timed out: nothing to answer

    auto request = parser_->release();
    request_.method = std::string(request.method_string());
    request_.target = std::string(request.target());
    for (const auto& field : request) {
      request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request_.body = std::move(request.body());
    version_ = request.version();
    keep_alive_ = request.keep_alive();
    routed_ = router_.dispatch(request_);
    fault_ = faults_.take(routed_.route);
    if (fault_ && fault_->latency.count() > 0) {
      // A timer, not a sleep: other connections are served meanwhile.
      timer_.expires_after(fault_->latency);
      return timer_.async_wait(
          boost::beast::bind_front_handler(&HttpSession::on_latency, this->shared_from_this()));
    }
    answer();
  }

  void on_latency(ErrorCode error) {
    if (!error)
      answer();
  }

  // The request's answer, as its fault has it. Only the faults that refuse the request leave
  // its route unrun.
  void answer() {
    const FaultKind fault = fault_ ? fault_->fault : FaultKind::kLatency;
    switch (fault) {
      case FaultKind::kLatency:
        return send(routed_.route, routed_.respond());
      case FaultKind::kStatus500:
      case FaultKind::kStatus502:
      case FaultKind::kStatus503:
      case FaultKind::kTooManyRequests:
      case FaultKind::kForbidden:
      case FaultKind::kNotFound:
        return send(routed_.route, refusal_response(*fault_, routed_.route, clock_()));
      case FaultKind::kCloseBeforeAnswer:
        log_request(0);
        return close();
      case FaultKind::kCommitThenDrop:
        log_request(routed_.respond().status);
        return close();
      case FaultKind::kMalformedJson: {
        HttpResponse response = routed_.respond();
        response.status = 200;
        response.content_type = "application/json";
        response.body = broken_json(response.body);
        return send(routed_.route, std::move(response));
      }
      case FaultKind::kTruncatedBody:
      case FaultKind::kResetMidBody:
        return send_part_of(routed_.respond(), fault == FaultKind::kTruncatedBody
                                                   ? AfterRaw::kClose
                                                   : AfterRaw::kReset);
      case FaultKind::kEndlessBody:
        return send_endless(routed_.respond());
    }
  }

  void log_request(int status) {
    log_.request(request_.method, request_.path(), status, routed_.route,
                 fault_ ? fault_text(*fault_) : std::string());
  }

  // Fills response_ from an answer, its Content-Length from the body.
  void prepare(HttpResponse response) {
    namespace http = boost::beast::http;
    response_ = {};
    response_.version(version_);
    response_.result(static_cast<unsigned>(response.status));
    response_.set(http::field::server, "wixsim");
    response_.set(http::field::date, format_http_date(clock_()));
    if (!response.content_type.empty())
      response_.set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers)
      response_.set(name, value);
    response_.body() = std::move(response.body);
    response_.keep_alive(keep_alive_);
    response_.prepare_payload();
  }

  // The one way out for a whole response: logged, written, then the next request or the close.
  void send(std::string_view route, HttpResponse response) {
    log_.request(request_.method, request_.path(), response.status, route,
                 fault_ ? fault_text(*fault_) : std::string());
    prepare(std::move(response));
    arm_timeout();
    boost::beast::http::async_write(
        stream_, response_,
        boost::beast::bind_front_handler(&HttpSession::on_write, this->shared_from_this()));
  }

  void on_write(ErrorCode error, std::size_t) {
    fault_.reset();
    if (error)
      return;
    if (!response_.keep_alive())
      return close();
    read_request();
  }

  // The head as it would go out, promising the whole body, and only part of that body.
  void send_part_of(HttpResponse response, AfterRaw after) {
    if (response.body.empty())
      response.body = "{}";
    log_request(response.status);
    keep_alive_ = false;
    prepare(std::move(response));
    raw_ = head() + response_.body().substr(0, partial_length(response_.body().size()));
    write_raw(after);
  }

  // The route's head with a chunked body that goes on until the client gives up (or stops
  // reading for kIdleTimeout); one static chunk is written over and over.
  void send_endless(HttpResponse response) {
    log_request(response.status);
    keep_alive_ = false;
    if (response.content_type.empty())
      response.content_type = "application/json";
    response.body.clear();
    prepare(std::move(response));
    response_.chunked(true);
    raw_ = head();
    write_raw(AfterRaw::kNextChunk);
  }

  std::string head() const {
    std::ostringstream text;
    text << response_.base();
    return text.str();
  }

  void write_raw(AfterRaw after) {
    after_raw_ = after;
    arm_timeout();
    boost::asio::async_write(
        stream_, boost::asio::buffer(raw_),
        boost::beast::bind_front_handler(&HttpSession::on_raw_write, this->shared_from_this()));
  }

  void on_raw_write(ErrorCode error, std::size_t) {
    if (error)
      return;  // the client is gone: so is the session
    switch (after_raw_) {
      case AfterRaw::kClose:
        return close();
      case AfterRaw::kReset:
        return reset();
      case AfterRaw::kNextChunk:
        if (fault_->interval.count() == 0)
          return write_chunk();
        timer_.expires_after(fault_->interval);
        return timer_.async_wait(
            boost::beast::bind_front_handler(&HttpSession::on_chunk_due, this->shared_from_this()));
    }
  }

  void on_chunk_due(ErrorCode error) {
    if (!error)
      write_chunk();
  }

  void write_chunk() {
    arm_timeout();
    const std::string& chunk = endless_chunk();
    boost::asio::async_write(
        stream_, boost::asio::buffer(chunk),
        boost::beast::bind_front_handler(&HttpSession::on_raw_write, this->shared_from_this()));
  }

  // An abortive close: SO_LINGER 0 makes close() send a TCP RST instead of a FIN.
  void reset() {
    auto& tcp = boost::beast::get_lowest_layer(stream_);
    ErrorCode ignored;
    tcp.socket().set_option(boost::asio::socket_base::linger(true, 0), ignored);
    tcp.close();
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
  FaultPlan& faults_;
  ServerLog& log_;
  Clock clock_;
  boost::asio::steady_timer timer_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  HttpRequest request_;  // the request being answered; routed_.respond() reads it
  RoutedRequest routed_;
  std::optional<RequestFault> fault_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  std::string raw_;
  AfterRaw after_raw_ = AfterRaw::kClose;
  unsigned version_ = 11;
  bool keep_alive_ = false;
};

}  // namespace linkpos::tools::wixsim
