#include "drivers/sim/web/http_connection.hpp"

#include <chrono>

#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "drivers/sim/web/origin_check.hpp"
#include "drivers/sim/web/panel_page.hpp"
#include "drivers/sim/web/panel_protocol.hpp"
#include "drivers/sim/web/panel_server.hpp"
#include "drivers/sim/web/websocket_session.hpp"

namespace linkpos::drivers::sim::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;

constexpr std::chrono::seconds kIdleTimeout{30};
constexpr std::uint32_t kMaxHeaderBytes = 8 * 1024;

// The page loads nothing from anywhere, talks only to its own origin and may not be framed
// (another site could overlay it and trick clicks on the keys).
constexpr std::string_view kPagePolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Beast 1.74 has its own string_view.
std::string_view view(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

std::string_view path_of(boost::beast::string_view target) {
  return view(target).substr(0, view(target).find('?'));
}

}  // namespace

HttpConnection::HttpConnection(boost::asio::ip::tcp::socket socket,
                               std::shared_ptr<PanelServer> server)
    : stream_(std::move(socket)), server_(std::move(server)) {}

void HttpConnection::start() {
  read_request();
}

void HttpConnection::close() {
  if (!upgraded_)
    stream_.close();
}

void HttpConnection::read_request() {
  parser_.emplace();
  parser_->header_limit(kMaxHeaderBytes);
  stream_.expires_after(kIdleTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpConnection::on_read, shared_from_this()));
}

void HttpConnection::on_read(beast::error_code error, std::size_t) {
  if (server_->stopped())
    return;
  if (error == http::error::end_of_stream) {
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, error);
    return;
  }
  if (error && error.category() == http::make_error_code(http::error::bad_target).category()) {
    return respond(http::status::bad_request, "text/plain", "not a valid HTTP/1.1 request\n",
                   false);
  }
  if (error)
    return;  // gone or timed out: nobody to answer
  answer(parser_->release());
}

void HttpConnection::answer(Request request) {
  const std::string_view host = view(request[http::field::host]);
  if (!host_allowed(host)) {
    return respond(http::status::forbidden, "text/plain",
                   "open the panel by IP address (http://127.0.0.1:PORT/), not by a host name\n",
                   false);
  }
  if (!server_->token_accepted(view(request.target()))) {
    return respond(http::status::forbidden, "text/plain",
                   "open the panel with the URL the terminal logged at start, token included\n",
                   false);
  }
  if (beast::websocket::is_upgrade(request))
    return upgrade(std::move(request));
  const bool keep_alive = request.keep_alive();
  if (request.method() != http::verb::get) {
    return respond(http::status::method_not_allowed, "text/plain", "only GET\n", keep_alive);
  }
  if (path_of(request.target()) != "/") {
    return respond(http::status::not_found, "text/plain", "not found\n", keep_alive);
  }
  respond(http::status::ok, "text/html; charset=utf-8", std::string(panel_page()), keep_alive);
}

void HttpConnection::upgrade(Request request) {
  if (path_of(request.target()) != "/ws") {
    return respond(http::status::not_found, "text/plain", "not found\n", false);
  }
  const auto origin_field = request.find(http::field::origin);
  const std::optional<std::string_view> origin =
      origin_field == request.end() ? std::nullopt
                                    : std::optional<std::string_view>(view(origin_field->value()));
  if (!origin_allowed(view(request[http::field::host]), origin)) {
    server_->log_line("linkpos: browser panel: refused a WebSocket from the web page at " +
                      log_safe(*origin) + ": only the panel's own page may press keys");
    return respond(http::status::forbidden, "text/plain", "cross-origin WebSocket refused\n",
                   false);
  }
  if (!server_->has_room_for_page()) {
    return respond(http::status::service_unavailable, "text/plain",
                   "too many panels open at once\n", false);
  }
  upgraded_ = true;
  stream_.expires_never();
  std::make_shared<WebSocketSession>(stream_.release_socket(), server_)->accept(std::move(request));
}

void HttpConnection::respond(http::status status, std::string_view content_type, std::string body,
                             bool keep_alive) {
  response_ = {};
  response_.version(11);
  response_.result(status);
  response_.set(http::field::server, "linkpos");
  response_.set(http::field::content_type,
                boost::beast::string_view(content_type.data(), content_type.size()));
  response_.set(http::field::cache_control, "no-store");
  response_.set("X-Content-Type-Options", "nosniff");
  response_.set("X-Frame-Options", "DENY");
  response_.set("Referrer-Policy", "no-referrer");
  response_.set("Content-Security-Policy",
                boost::beast::string_view(kPagePolicy.data(), kPagePolicy.size()));
  if (status == http::status::method_not_allowed)
    response_.set(http::field::allow, "GET");
  response_.body() = std::move(body);
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  stream_.expires_after(kIdleTimeout);
  http::async_write(stream_, response_,
                    beast::bind_front_handler(&HttpConnection::on_write, shared_from_this()));
}

void HttpConnection::on_write(beast::error_code error, std::size_t) {
  if (error || server_->stopped())
    return;
  if (!response_.keep_alive()) {
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, error);
    return;
  }
  read_request();
}

}  // namespace linkpos::drivers::sim::web
