#include "test_http_server.hpp"

#include <utility>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <type_traits>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "net/tls_stream.hpp"

namespace linkpos::net::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

class Session {
 public:
  virtual ~Session() = default;
  virtual void close() = 0;
};

}  // namespace

struct TestHttpServer::State {
  State(asio::io_context& context, std::shared_ptr<const TlsContext> tls_context, Script behaviour)
      : io(context), tls(std::move(tls_context)), script(std::move(behaviour)), acceptor(context) {}

  asio::io_context& io;
  std::shared_ptr<const TlsContext> tls;
  Script script;
  tcp::acceptor acceptor;
  std::vector<SeenRequest> requests;
  std::vector<std::weak_ptr<Session>> sessions;
  std::vector<std::shared_ptr<Session>> silent;  // kept alive while they say nothing
  std::size_t connections = 0;
  std::size_t handshakes = 0;
  std::size_t failed_handshakes = 0;
  std::size_t closed = 0;
  std::size_t close_notifies = 0;
  std::size_t goodbyes_sent = 0;
  bool stopped = false;
};

namespace {

template <class Stream>
class StreamSession : public Session, public std::enable_shared_from_this<StreamSession<Stream>> {
 public:
  StreamSession(std::shared_ptr<TestHttpServer::State> state, Stream stream, std::size_t number)
      : state_(std::move(state)), stream_(std::move(stream)), number_(number) {}

  void start() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      stream_.async_handshake(std::chrono::seconds(5),
                              [self = this->shared_from_this()](const error_code& error) {
                                self->on_handshake(error);
                              });
    } else {
      read_request();
    }
  }

  void close() override {
    error_code ignored;
    beast::get_lowest_layer(stream_).socket().close(ignored);
  }

 private:
  void on_handshake(const error_code& error) {
    if (state_->stopped)
      return;
    if (error) {
      ++state_->failed_handshakes;
      return drop();
    }
    ++state_->handshakes;
    read_request();
  }

  void read_request() {
    parser_.emplace();
    parser_->body_limit(64 * 1024 * 1024);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](const error_code& error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(const error_code& error) {
    if (state_->stopped)
      return;
    // Over TLS only close_notify ends the stream (TlsStream's eof, which Beast reports as the
    // end of the stream between requests); a TCP close without one is a truncation.
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      if (error == http::error::end_of_stream)
        ++state_->close_notifies;
    }
    if (error)
      return drop();
    http::request<http::string_body> request = parser_->release();
    SeenRequest seen{std::string(request.method_string()),
                     std::string(request.target()),
                     {},
                     request.body(),
                     number_};
    for (const auto& field : request) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      seen.headers[name] = std::string(field.value());
    }
    state_->requests.push_back(seen);
    reply_ = state_->script(seen, state_->requests.size() - 1);
    switch (reply_.action) {
      case ServerAction::kCloseWithoutAnswer:
        return drop();
      case ServerAction::kNeverAnswer:
        state_->silent.push_back(this->shared_from_this());
        return;
      case ServerAction::kRespond:
      case ServerAction::kRespondThenClose:
      case ServerAction::kRespondThenGoodbye:
        break;
    }
    response_ = {static_cast<http::status>(reply_.status), 11};
    for (const auto& [name, value] : reply_.headers)
      response_.set(name, value);
    response_.body() = reply_.body;
    response_.prepare_payload();
    http::async_write(
        stream_, response_,
        [self = this->shared_from_this()](const error_code& write_error, std::size_t) {
          self->on_write(write_error);
        });
  }

  void on_write(const error_code& error) {
    if (state_->stopped)
      return;
    if (error)
      return drop();
    if (reply_.action == ServerAction::kRespond)
      return read_request();
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      stream_.async_shutdown(
          [self = this->shared_from_this()](const error_code&) { self->on_goodbye_said(); });
    } else {
      drop();
    }
  }

  void on_goodbye_said() {
    if (state_->stopped)
      return;
    if (reply_.action == ServerAction::kRespondThenGoodbye) {
      // The FIN shows the client the connection is going even when it has already read the
      // close_notify along with the answer.
      error_code ignored;
      beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_send, ignored);
      ++state_->goodbyes_sent;
      return read_request();
    }
    ++state_->goodbyes_sent;
    drop();
  }

  void drop() {
    close();
    ++state_->closed;
  }

  std::shared_ptr<TestHttpServer::State> state_;
  Stream stream_;
  std::size_t number_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  ServerReply reply_;
  http::response<http::string_body> response_;
};

void accept_next(const std::shared_ptr<TestHttpServer::State>& state) {
  state->acceptor.async_accept([state](const error_code& error, tcp::socket socket) {
    if (error || state->stopped)
      return;
    const std::size_t number = ++state->connections;
    std::shared_ptr<Session> session;
    if (state->tls) {
      auto tls_session = std::make_shared<StreamSession<TlsStream>>(
          state, TlsStream(state->tls, std::move(socket)), number);
      tls_session->start();
      session = tls_session;
    } else {
      auto plain_session = std::make_shared<StreamSession<beast::tcp_stream>>(
          state, beast::tcp_stream(std::move(socket)), number);
      plain_session->start();
      session = plain_session;
    }
    state->sessions.push_back(session);
    accept_next(state);
  });
}

}  // namespace

TestHttpServer::TestHttpServer(asio::io_context& io, std::shared_ptr<const TlsContext> tls,
                               Script script)
    : state_(std::make_shared<State>(io, std::move(tls), std::move(script))) {
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen();
  accept_next(state_);
}

TestHttpServer::~TestHttpServer() {
  state_->stopped = true;
  error_code ignored;
  state_->acceptor.close(ignored);
  for (const auto& weak : state_->sessions) {
    if (auto session = weak.lock())
      session->close();
  }
  state_->silent.clear();
}

std::uint16_t TestHttpServer::port() const {
  return state_->acceptor.local_endpoint().port();
}
const std::vector<SeenRequest>& TestHttpServer::requests() const {
  return state_->requests;
}
std::size_t TestHttpServer::connections() const {
  return state_->connections;
}
std::size_t TestHttpServer::handshakes() const {
  return state_->handshakes;
}
std::size_t TestHttpServer::failed_handshakes() const {
  return state_->failed_handshakes;
}
std::size_t TestHttpServer::closed_connections() const {
  return state_->closed;
}
std::size_t TestHttpServer::close_notifies() const {
  return state_->close_notifies;
}
std::size_t TestHttpServer::goodbyes_sent() const {
  return state_->goodbyes_sent;
}

}  // namespace linkpos::net::testing
