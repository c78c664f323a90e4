#include "drivers/sim/web/websocket_session.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/error.hpp>

#include "drivers/sim/web/panel_protocol.hpp"
#include "drivers/sim/web/panel_server.hpp"

namespace linkpos::drivers::sim::web {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

// A page that sends nonsense in a loop must not flood the technician's log.
constexpr int kIgnoredMessagesLogged = 5;

}  // namespace

WebSocketSession::WebSocketSession(boost::asio::ip::tcp::socket socket,
                                   std::shared_ptr<PanelServer> server)
    : ws_(std::move(socket)), server_(std::move(server)), keys_(server_->key_clock()) {
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
    response.set(beast::http::field::server, "linkpos");
  }));
  ws_.read_message_max(kMaxPageMessageBytes);
}

void WebSocketSession::accept(const beast::http::request<beast::http::empty_body>& request) {
  ws_.async_accept(request,
                   beast::bind_front_handler(&WebSocketSession::on_accept, shared_from_this()));
}

void WebSocketSession::on_accept(beast::error_code error) {
  if (error || server_->stopped())
    return;
  open_ = true;
  server_->join(shared_from_this());
  read();
}

void WebSocketSession::send_frame(const EncodedFrame& frame) {
  waiting_frame_ = frame;
  write_next();
}

void WebSocketSession::send_receipt(std::shared_ptr<const std::string> message) {
  waiting_receipts_.push_back(std::move(message));
  if (waiting_receipts_.size() > kReceiptsKept)
    waiting_receipts_.pop_front();
  write_next();
}

void WebSocketSession::close() {
  open_ = false;
  beast::get_lowest_layer(ws_).close();
}

void WebSocketSession::read() {
  ws_.async_read(buffer_,
                 beast::bind_front_handler(&WebSocketSession::on_read, shared_from_this()));
}

void WebSocketSession::on_read(beast::error_code error, std::size_t) {
  if (server_->stopped())
    return;
  if (error) {
    open_ = false;
    if (error == websocket::error::message_too_big) {
      server_->log_line(
          "linkpos: browser panel: closed a page connection that sent a message over " +
          std::to_string(kMaxPageMessageBytes) + " bytes");
    }
    return;
  }
  const std::string message = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  if (!keys_.allow()) {
    if (!dropped_logged_) {
      dropped_logged_ = true;
      server_->log_line(
          "linkpos: browser panel: a page sent over 10 key presses a second; the extra ones are "
          "dropped");
    }
  } else if (auto problem = server_->on_page_message(message, ws_.got_binary())) {
    note_ignored(*problem);
  }
  read();
}

void WebSocketSession::note_ignored(const std::string& problem) {
  if (ignored_logged_ > kIgnoredMessagesLogged)
    return;
  ++ignored_logged_;
  if (ignored_logged_ > kIgnoredMessagesLogged) {
    server_->log_line(
        "linkpos: browser panel: further ignored messages of this page are not logged");
  } else {
    server_->log_line("linkpos: browser panel: ignored a message from the page: " + problem);
  }
}

void WebSocketSession::write_next() {
  if (!open_ || writing_)
    return;
  if (sending_.empty()) {
    if (waiting_frame_) {
      sending_.push_back({waiting_frame_->text, false});
      if (waiting_frame_->png)
        sending_.push_back({waiting_frame_->png, true});
      waiting_frame_.reset();
    }
    for (auto& receipt : waiting_receipts_)
      sending_.push_back({std::move(receipt), false});
    waiting_receipts_.clear();
  }
  if (sending_.empty())
    return;
  writing_ = true;
  const Outgoing& next = sending_.front();
  ws_.binary(next.binary);
  ws_.async_write(boost::asio::buffer(*next.bytes),
                  beast::bind_front_handler(&WebSocketSession::on_write, shared_from_this()));
}

void WebSocketSession::on_write(beast::error_code error, std::size_t) {
  writing_ = false;
  if (error || server_->stopped()) {
    open_ = false;
    return;
  }
  sending_.pop_front();
  write_next();
}

}  // namespace linkpos::drivers::sim::web
