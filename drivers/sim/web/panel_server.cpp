#include "drivers/sim/web/panel_server.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "drivers/sim/web/http_connection.hpp"
#include "drivers/sim/web/panel_address.hpp"
#include "drivers/sim/web/panel_protocol.hpp"
#include "drivers/sim/web/panel_token.hpp"
#include "drivers/sim/web/websocket_session.hpp"

namespace linkpos::drivers::sim::web {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// After a failed accept (out of file descriptors, say), so a refused connection left in the
// backlog does not spin the loop.
constexpr std::chrono::milliseconds kAcceptRetry{200};

template <class T>
void forget_finished(std::vector<std::weak_ptr<T>>& list) {
  list.erase(std::remove_if(list.begin(), list.end(), [](const auto& w) { return w.expired(); }),
             list.end());
}

}  // namespace

PanelServer::PanelServer(asio::io_context& io, const PanelSettings& settings, std::ostream& log)
    : io_(io),
      acceptor_(io),
      accept_retry_(io),
      log_(&log),
      key_clock_(settings.now ? settings.now : [] { return std::chrono::steady_clock::now(); }) {
  const auto address = bindable_address(settings.address);
  if (!address) {
    throw std::runtime_error("browser panel: \"" + settings.address +
                             "\" is not an IP address (use 127.0.0.1 to keep the panel to this "
                             "machine)");
  }
  const tcp::endpoint endpoint(asio::ip::make_address(*address), settings.port);
  boost::system::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  if (!error)
    acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (!error)
    acceptor_.bind(endpoint, error);
  if (!error)
    acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    throw std::runtime_error("browser panel: cannot listen on " +
                             panel_url(*address, settings.port) + ": " + error.message());
  }
  port_ = acceptor_.local_endpoint().port();
  url_ = panel_url(*address, port_);
  if (!is_loopback_address(*address)) {
    // Anyone on the network can reach the port: only who has read the URL in the log may use it.
    token_ = new_panel_token();
    url_ += "?token=" + token_;
  }
  log_line("linkpos: browser panel at " + url_);
  if (!token_.empty()) {
    log_line("linkpos: warning: the browser panel listens on " + *address +
             ", not on loopback: anyone on that network who has its URL above can open it and "
             "press the terminal's keys");
  }
}

void PanelServer::start() {
  accept();
}

void PanelServer::stop() {
  stopped_ = true;
  on_key_ = nullptr;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  accept_retry_.cancel();
  for (const auto& page : live_pages())
    page->close();
  for (const auto& weak : connections_) {
    if (const auto connection = weak.lock())
      connection->close();
  }
  pages_.clear();
  connections_.clear();
}

void PanelServer::set_key_handler(hal::KeyHandler on_key) {
  on_key_ = std::move(on_key);
}

void PanelServer::show_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) {
  frame_.update(pixels, text);
  const auto pages = live_pages();
  if (pages.empty())
    return;
  const auto encoded = frame_.encoded();
  for (const auto& page : pages)
    page->send_frame(*encoded);
}

void PanelServer::show_receipt(std::string_view name, std::string_view text) {
  auto message = std::make_shared<const std::string>(receipt_message(name, text));
  receipts_.push_back(message);
  if (receipts_.size() > kReceiptsKept)
    receipts_.pop_front();
  for (const auto& page : live_pages())
    page->send_receipt(message);
}

bool PanelServer::has_room_for_page() {
  return !stopped_ && live_pages().size() < kMaxPages;
}

bool PanelServer::token_accepted(std::string_view target) const {
  return token_.empty() || same_token(query_value(target, "token"), token_);
}

void PanelServer::join(const std::shared_ptr<WebSocketSession>& page) {
  if (stopped_)
    return page->close();
  pages_.push_back(page);
  if (const auto encoded = frame_.encoded())
    page->send_frame(*encoded);
  for (const auto& receipt : receipts_)
    page->send_receipt(receipt);
}

std::optional<std::string> PanelServer::on_page_message(std::string_view message, bool binary) {
  if (binary)
    return "a binary message";
  const PageMessage parsed = parse_page_message(message);
  if (!parsed.key)
    return parsed.problem;
  if (!on_key_)
    return "a key before the terminal started reading keys";
  on_key_(*parsed.key);
  return std::nullopt;
}

void PanelServer::log_line(std::string_view line) {
  if (stopped_)
    return;
  *log_ << line << '\n' << std::flush;
}

void PanelServer::accept() {
  acceptor_.async_accept(
      io_, boost::beast::bind_front_handler(&PanelServer::on_accept, shared_from_this()));
}

void PanelServer::on_accept(const boost::system::error_code& error, tcp::socket socket) {
  if (stopped_ || error == asio::error::operation_aborted)
    return;
  if (error) {
    accept_retry_.expires_after(kAcceptRetry);
    accept_retry_.async_wait([self = shared_from_this()](const boost::system::error_code& e) {
      if (!e && !self->stopped_)
        self->accept();
    });
    return;
  }
  forget_finished(connections_);
  // Over the bound the socket is closed unanswered as it goes out of scope.
  if (connections_.size() < kMaxHttpConnections) {
    auto connection = std::make_shared<HttpConnection>(std::move(socket), shared_from_this());
    connections_.push_back(connection);
    connection->start();
  }
  accept();
}

std::vector<std::shared_ptr<WebSocketSession>> PanelServer::live_pages() {
  forget_finished(pages_);
  std::vector<std::shared_ptr<WebSocketSession>> pages;
  for (const auto& weak : pages_) {
    if (auto page = weak.lock())
      pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace linkpos::drivers::sim::web
