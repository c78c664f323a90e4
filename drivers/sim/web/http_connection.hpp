#pragma once

// Internal to the browser panel: included by its .cpp files only, since it brings in Beast.

#include <utility>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

namespace linkpos::drivers::sim::web {

class PanelServer;

// One browser connection before it becomes a WebSocket: answers GET / with the page, hands an
// upgrade to /ws from the page's own origin to a WebSocketSession, refuses everything else.
// Beyond loopback, a request without the panel's token in its query gets 403 whatever it asks.
class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  HttpConnection(boost::asio::ip::tcp::socket socket, std::shared_ptr<PanelServer> server);

  void start();
  void close();

 private:
  using Request = boost::beast::http::request<boost::beast::http::empty_body>;

  void read_request();
  void on_read(boost::beast::error_code error, std::size_t bytes);
  void answer(Request request);
  void upgrade(Request request);
  void respond(boost::beast::http::status status, std::string_view content_type, std::string body,
               bool keep_alive);
  void on_write(boost::beast::error_code error, std::size_t bytes);

  boost::beast::tcp_stream stream_;
  std::shared_ptr<PanelServer> server_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> parser_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  bool upgraded_ = false;
};

}  // namespace linkpos::drivers::sim::web
