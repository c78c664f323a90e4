#pragma once

// Internal to the browser panel: included by its .cpp files only, since it brings in Asio.

#include <utility>

#include <deque>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "drivers/sim/web/key_rate_limit.hpp"
#include "drivers/sim/web/latest_frame.hpp"
#include "drivers/sim/web/panel_settings.hpp"
#include "hal/display.hpp"
#include "hal/keypad.hpp"

namespace linkpos::drivers::sim::web {

class HttpConnection;
class WebSocketSession;

// Bounds on what the network can make the panel hold.
inline constexpr std::size_t kMaxPages = 8;             // WebSocket clients at once
inline constexpr std::size_t kMaxHttpConnections = 32;  // connections not (yet) WebSockets
inline constexpr std::size_t kReceiptsKept = 5;         // shown to a page that joins later

// The panel's listening socket and the state its connections share. Connections hold it by
// shared_ptr, so one that finishes after the panel is gone finds it stopped, not freed.
class PanelServer : public std::enable_shared_from_this<PanelServer> {
 public:
  // Binds and listens; throws std::runtime_error naming the address when it cannot.
  PanelServer(boost::asio::io_context& io, const PanelSettings& settings, std::ostream& log);

  void start();  // accepts connections from now on
  void stop();   // closes the listener and every connection; logs nothing more

  unsigned short port() const { return port_; }
  // With the token (`?token=...`) when the panel listens beyond loopback.
  const std::string& url() const { return url_; }
  bool stopped() const { return stopped_; }

  void set_key_handler(hal::KeyHandler on_key);
  void show_frame(const hal::Framebuffer& pixels, const hal::FrameText& text);
  void show_receipt(std::string_view name, std::string_view text);

  // For the connections.
  bool has_room_for_page();
  // Whether a request for `target` may have an answer: always on loopback; beyond it, only with
  // this start's token in its query.
  bool token_accepted(std::string_view target) const;
  // The clock a page's KeyRateLimit counts by.
  const KeyRateLimit::Now& key_clock() const { return key_clock_; }
  // Sends a page that just connected the current frame and the receipts kept, then keeps it
  // up to date.
  void join(const std::shared_ptr<WebSocketSession>& page);
  // Presses the key a page asked for; the reason when the message was ignored instead.
  std::optional<std::string> on_page_message(std::string_view message, bool binary);
  void log_line(std::string_view line);

 private:
  void accept();
  void on_accept(const boost::system::error_code& error, boost::asio::ip::tcp::socket socket);
  std::vector<std::shared_ptr<WebSocketSession>> live_pages();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer accept_retry_;
  std::ostream* log_;
  unsigned short port_ = 0;
  std::string url_;
  std::string token_;  // empty on loopback
  KeyRateLimit::Now key_clock_;
  bool stopped_ = false;
  hal::KeyHandler on_key_;
  LatestFrame frame_;
  std::deque<std::shared_ptr<const std::string>> receipts_;
  std::vector<std::weak_ptr<WebSocketSession>> pages_;
  std::vector<std::weak_ptr<HttpConnection>> connections_;
};

}  // namespace linkpos::drivers::sim::web
