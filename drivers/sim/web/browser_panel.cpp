#include "drivers/sim/web/browser_panel.hpp"

#include <iostream>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "drivers/sim/web/panel_server.hpp"

namespace linkpos::drivers::sim::web {

BrowserPanel::BrowserPanel(boost::asio::io_context& io, const PanelSettings& settings,
                           std::ostream& log)
    : server_(std::make_shared<PanelServer>(io, settings, log)) {
  server_->start();
}

BrowserPanel::BrowserPanel(boost::asio::io_context& io, const PanelSettings& settings)
    : BrowserPanel(io, settings, std::cerr) {}

BrowserPanel::~BrowserPanel() {
  server_->stop();
}

unsigned short BrowserPanel::port() const {
  return server_->port();
}

std::string BrowserPanel::url() const {
  return server_->url();
}

void BrowserPanel::start(hal::KeyHandler on_key) {
  server_->set_key_handler(std::move(on_key));
}

void BrowserPanel::on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) {
  server_->show_frame(pixels, text);
}

void BrowserPanel::show_receipt(const std::string& name, const std::string& text) {
  server_->show_receipt(name, text);
}

}  // namespace linkpos::drivers::sim::web
