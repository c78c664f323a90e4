#pragma once

// Internal to the browser panel: included by its .cpp files only, since it brings in Beast.

#include <utility>

#include <deque>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "drivers/sim/web/key_rate_limit.hpp"
#include "drivers/sim/web/latest_frame.hpp"

namespace linkpos::drivers::sim::web {

class PanelServer;

// One open page. Reads its key messages; writes frames and receipts one message at a time.
// A page that reads slower than frames come keeps only the newest frame waiting (and the last
// few receipts), so it never holds up the loop nor grows memory. Over 10 messages a second (key
// presses, KeyRateLimit) the extra ones are dropped unread.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<PanelServer> server);

  // Completes the handshake of the upgrade request already read, then joins the server.
  void accept(const boost::beast::http::request<boost::beast::http::empty_body>& request);

  void send_frame(const EncodedFrame& frame);  // replaces a frame still waiting
  void send_receipt(std::shared_ptr<const std::string> message);
  void close();

 private:
  struct Outgoing {
    std::shared_ptr<const std::string> bytes;
    bool binary = false;
  };

  void on_accept(boost::beast::error_code error);
  void read();
  void on_read(boost::beast::error_code error, std::size_t bytes);
  void note_ignored(const std::string& problem);
  void write_next();
  void on_write(boost::beast::error_code error, std::size_t bytes);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  std::shared_ptr<PanelServer> server_;
  KeyRateLimit keys_;
  bool dropped_logged_ = false;
  boost::beast::flat_buffer buffer_;
  bool open_ = false;
  bool writing_ = false;
  std::optional<EncodedFrame> waiting_frame_;
  std::deque<std::shared_ptr<const std::string>> waiting_receipts_;
  std::deque<Outgoing> sending_;  // the messages taken from the waiting ones, in order
  int ignored_logged_ = 0;
};

}  // namespace linkpos::drivers::sim::web
