#include "net/http_client.hpp"

#include <utility>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "net/base_url.hpp"
#include "net/failure_text.hpp"
#include "net/http_response.hpp"
#include "net/tls_stream.hpp"

namespace linkpos::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

http::verb to_verb(HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
      return http::verb::get;
    case HttpMethod::kHead:
      return http::verb::head;
    case HttpMethod::kPost:
      return http::verb::post;
    case HttpMethod::kPut:
      return http::verb::put;
    case HttpMethod::kPatch:
      return http::verb::patch;
    case HttpMethod::kDelete:
      return http::verb::delete_;
  }
  return http::verb::get;
}

// How long a connection closed on purpose may take to send its close_notify before its socket
// is closed anyway: the goodbye is a courtesy, and a peer that stopped reading gets none.
constexpr std::chrono::seconds kGoodbyeDeadline{2};

void on_goodbye_said(TlsStream& stream) {
  // Whatever happened (sent, peer gone, deadline passed), the connection is over.
  stream.next_layer().close();
}

// Sends close_notify on a connection at rest, then closes its socket. The handler owns the
// stream, so the client may connect anew, or be destroyed, while the goodbye goes out.
void say_goodbye(std::shared_ptr<TlsStream> stream) {
  TlsStream& closing = *stream;
  closing.next_layer().expires_after(kGoodbyeDeadline);
  closing.async_shutdown(
      [stream = std::move(stream)](const error_code&) { on_goodbye_said(*stream); });
}

}  // namespace

// Requests run one at a time through a chain of named steps: connect (resolve, TCP, TLS
// handshake) when there is no live connection, then write the request and read the response.
// Every step's handler holds a shared_ptr to the Impl, so a destroyed client's pending handlers
// still find it; shut_down_ tells them to stop. A TLS connection closed on purpose at rest (the
// client destroyed, the server's Connection: close, a kept-alive connection the server is
// closing) says goodbye with close_notify; one cut by a failure or in mid-exchange is just
// closed.
class HttpClient::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(asio::io_context& io, HttpClientSettings settings, BaseUrl url,
       std::shared_ptr<const TlsContext> tls_context)
      : io_(io),
        settings_(std::move(settings)),
        url_(std::move(url)),
        tls_context_(std::move(tls_context)),
        resolver_(io),
        resolve_timer_(io) {}

  void enqueue(HttpRequest request, Callback done) {
    queue_.push_back(Exchange{std::move(request), std::move(done), {}, false, false});
    asio::post(io_, [self = shared_from_this()] { self->start_next(); });
  }

  // Stops everything for good; callbacks not yet called are dropped.
  void shut_down() {
    shut_down_ = true;
    queue_.clear();
    // A pending write may still read the message, so only the callback goes now.
    if (current_)
      current_->done = nullptr;
    resolver_.cancel();
    resolve_timer_.cancel();
    // An exchange or a handshake under way cannot be interrupted by a close_notify: cut it.
    if (current_) {
      drop_connection();
    } else {
      close_connection();
    }
  }

  std::size_t handshake_count() const { return handshakes_; }

 private:
  struct Exchange {
    HttpRequest request;
    Callback done;
    http::request<http::string_body> message;
    bool on_reused_connection;
    bool retried;
  };

  detail::FailureContext failure_context() const {
    return {url_, settings_.ca_file, settings_.connect_timeout, settings_.request_timeout,
            settings_.build_time};
  }

  void start_next() {
    if (shut_down_ || current_ || queue_.empty())
      return;
    current_ = std::move(queue_.front());
    queue_.pop_front();
    current_->message = make_message(current_->request);
    if (connection_is_usable()) {
      current_->on_reused_connection = true;
      return send();
    }
    close_connection();
    connect();
  }

  http::request<http::string_body> make_message(const HttpRequest& request) const {
    http::request<http::string_body> message(to_verb(request.method),
                                             request.target.empty() ? "/" : request.target, 11);
    message.set(http::field::host, url_.authority());
    message.set(http::field::user_agent, settings_.user_agent);
    for (const auto& [name, value] : request.headers)
      message.set(name, value);
    message.body() = request.body;
    message.prepare_payload();
    return message;
  }

  // A kept-alive connection is only worth reusing if the server has not begun closing it: an
  // idle connection has nothing to read, so a byte (its close_notify) or an end of stream
  // waiting means it is going away. Checking first saves a failed send in the common case of a
  // server's idle timeout; the retry in on_exchange_failed covers the race that remains.
  bool connection_is_usable() {
    if (!connected_)
      return false;
    tcp::socket& socket = lowest_layer().socket();
    error_code error;
    socket.non_blocking(true, error);
    if (error)
      return false;
    char byte = 0;
    socket.receive(asio::buffer(&byte, 1), tcp::socket::message_peek, error);
    return error == asio::error::would_block;
  }

  void connect() {
    current_->on_reused_connection = false;
    ++connect_attempt_;
    connect_deadline_ = std::chrono::steady_clock::now() + settings_.connect_timeout;
    resolve_timer_.expires_at(connect_deadline_);
    resolve_timer_.async_wait(
        [self = shared_from_this(), attempt = connect_attempt_](const error_code& error) {
          self->on_resolve_timeout(error, attempt);
        });
    resolve_timed_out_ = false;
    resolver_.async_resolve(
        url_.host, std::to_string(url_.port),
        [self = shared_from_this()](const error_code& error, tcp::resolver::results_type found) {
          self->on_resolve(error, std::move(found));
        });
  }

  // Name resolution has no deadline of its own.
  void on_resolve_timeout(const error_code& error, std::uint64_t attempt) {
    if (error || shut_down_ || attempt != connect_attempt_)
      return;
    resolve_timed_out_ = true;
    resolver_.cancel();
  }

  void on_resolve(const error_code& error, tcp::resolver::results_type found) {
    resolve_timer_.cancel();
    if (shut_down_)
      return;
    if (error)
      return fail(detail::dns_failure(failure_context(), error, resolve_timed_out_));
    if (tls_context_) {
      tls_stream_ = std::make_shared<TlsStream>(tls_context_, io_);
    } else {
      plain_stream_.emplace(io_);
    }
    lowest_layer().expires_at(connect_deadline_);
    lowest_layer().async_connect(
        found, [self = shared_from_this()](const error_code& connect_error, const tcp::endpoint&) {
          self->on_connect(connect_error);
        });
  }

  void on_connect(const error_code& error) {
    if (shut_down_)
      return;
    if (error)
      return fail(detail::connect_failure(failure_context(), error));
    lowest_layer().expires_never();
    if (!tls_stream_) {
      connected_ = true;
      ++handshakes_;
      return send();
    }
    if (const error_code name_error = tls_stream_->set_hostname(url_.host)) {
      return fail(detail::tls_failure(failure_context(), name_error, name_error.message()));
    }
    const auto remaining = std::max(connect_deadline_ - std::chrono::steady_clock::now(),
                                    std::chrono::steady_clock::duration::zero());
    tls_stream_->async_handshake(remaining,
                                 [self = shared_from_this()](const error_code& handshake_error) {
                                   self->on_handshake(handshake_error);
                                 });
  }

  void on_handshake(const error_code& error) {
    if (shut_down_)
      return;
    if (error) {
      return fail(detail::tls_failure(failure_context(), error, tls_stream_->last_error_detail()));
    }
    connected_ = true;
    ++handshakes_;
    send();
  }

  void send() {
    buffer_.clear();
    parser_.emplace();
    apply_limits(*parser_, ResponseLimits{settings_.max_header_bytes, settings_.max_body_bytes},
                 current_->request.method == HttpMethod::kHead);
    lowest_layer().expires_after(settings_.request_timeout);
    with_stream([this](auto& stream) {
      http::async_write(stream, current_->message,
                        [self = shared_from_this()](const error_code& error, std::size_t) {
                          self->on_write(error);
                        });
    });
  }

  // The head is read on its own because Beast 1.74's eager parsing (what async_read does)
  // overlooks the body limit when the head and a Content-Length body arrive together.
  void on_write(const error_code& error) {
    if (shut_down_)
      return;
    if (error)
      return on_exchange_failed(error);
    with_stream([this](auto& stream) {
      http::async_read_header(
          stream, buffer_, *parser_,
          [self = shared_from_this()](const error_code& read_error, std::size_t) {
            self->on_read_header(read_error);
          });
    });
  }

  void on_read_header(const error_code& error) {
    if (shut_down_)
      return;
    if (error)
      return on_exchange_failed(error);
    if (parser_->is_done())
      return on_read(error);
    with_stream([this](auto& stream) {
      http::async_read(stream, buffer_, *parser_,
                       [self = shared_from_this()](const error_code& read_error, std::size_t) {
                         self->on_read(read_error);
                       });
    });
  }

  void on_read(const error_code& error) {
    if (shut_down_)
      return;
    if (error)
      return on_exchange_failed(error);
    lowest_layer().expires_never();
    http::response<http::string_body> message = parser_->release();
    if (!message.keep_alive() || message.need_eof())
      close_connection();
    finish(to_response(std::move(message)));
  }

  // A kept-alive connection can die just as a request goes out (the server's idle timeout).
  // If no byte of a response came back, an idempotent request is sent once more on a fresh
  // connection; any other request may have reached the server, which the caller must learn.
  void on_exchange_failed(const error_code& error) {
    const bool got_response_bytes = buffer_.size() != 0 || (parser_ && parser_->got_some());
    drop_connection();
    if (detail::is_connection_broken(error) && !got_response_bytes &&
        current_->on_reused_connection) {
      if (current_->request.idempotent && !current_->retried) {
        current_->retried = true;
        return connect();
      }
      return finish(NetError{NetFailure::kConnectionClosed,
                             url_.host + ":" + std::to_string(url_.port) +
                                 " closed the kept-alive connection as the request went out; "
                                 "it may have received the request",
                             true});
    }
    finish(detail::exchange_failure(failure_context(), error));
  }

  void fail(NetError error) {
    // A retry's failure to connect does not undo the first attempt, which may have got through.
    if (current_->retried)
      error.may_have_been_sent = true;
    drop_connection();
    finish(std::move(error));
  }

  void finish(HttpResult result) {
    Callback done = std::move(current_->done);
    current_.reset();
    if (done)
      done(std::move(result));
    // The callback may have destroyed the client; the handler's shared_ptr keeps *this alive.
    if (shut_down_)
      return;
    start_next();
  }

  // Closes the connection on purpose, between exchanges: a TLS one says goodbye first, so the
  // server can tell a finished conversation from a cut one.
  void close_connection() {
    if (!connected_ || !tls_stream_)
      return drop_connection();
    connected_ = false;
    say_goodbye(std::move(tls_stream_));
  }

  // Cuts the connection: after a failure, or with an operation under way.
  void drop_connection() {
    connected_ = false;
    if (tls_stream_ || plain_stream_)
      lowest_layer().close();
  }

  beast::tcp_stream& lowest_layer() {
    return tls_stream_ ? tls_stream_->next_layer() : *plain_stream_;
  }

  template <class Action>
  void with_stream(Action&& action) {
    if (tls_stream_) {
      action(*tls_stream_);
    } else {
      action(*plain_stream_);
    }
  }

  asio::io_context& io_;
  const HttpClientSettings settings_;
  const BaseUrl url_;
  const std::shared_ptr<const TlsContext> tls_context_;  // null for plain http
  tcp::resolver resolver_;
  asio::steady_timer resolve_timer_;
  // Shared with say_goodbye(), which keeps a closing stream until its close_notify went out.
  std::shared_ptr<TlsStream> tls_stream_;
  std::optional<beast::tcp_stream> plain_stream_;
  beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::string_body>> parser_;
  std::deque<Exchange> queue_;
  std::optional<Exchange> current_;
  std::chrono::steady_clock::time_point connect_deadline_;
  std::uint64_t connect_attempt_ = 0;
  std::size_t handshakes_ = 0;
  bool connected_ = false;
  bool resolve_timed_out_ = false;
  bool shut_down_ = false;
};

BOOST_OUTCOME_V2_NAMESPACE::std_checked<std::unique_ptr<HttpClient>, NetError> HttpClient::create(
    asio::io_context& io, HttpClientSettings settings) {
  auto url = parse_base_url(settings.base_url);
  if (!url)
    return NetError{NetFailure::kBadSettings, url.error(), false};
  if (!url.value().tls && !settings.allow_plain_http) {
    return NetError{NetFailure::kBadSettings,
                    "plain http is refused for " + settings.base_url +
                        ": use https:// (plain http is for local test servers only, and the "
                        "settings must allow it)",
                    false};
  }
  if (settings.connect_timeout <= std::chrono::milliseconds::zero() ||
      settings.request_timeout <= std::chrono::milliseconds::zero() ||
      settings.max_header_bytes == 0) {
    return NetError{NetFailure::kBadSettings, "timeouts and the header limit must be positive",
                    false};
  }
  std::shared_ptr<const TlsContext> tls_context;
  if (url.value().tls) {
    auto context = TlsContext::for_client(settings.ca_file);
    if (!context) {
      return NetError{NetFailure::kBadSettings,
                      "cannot set up TLS for " + settings.base_url + ": " + context.error().detail,
                      false};
    }
    tls_context = std::move(context).value();
  }
  auto impl = std::make_shared<Impl>(io, std::move(settings), std::move(url).value(),
                                     std::move(tls_context));
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

HttpClient::HttpClient(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpClient::~HttpClient() {
  impl_->shut_down();
}

void HttpClient::request(HttpRequest request, Callback done) {
  impl_->enqueue(std::move(request), std::move(done));
}

std::size_t HttpClient::handshake_count() const {
  return impl_->handshake_count();
}

}  // namespace linkpos::net
