#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "drivers/sim/frame_sink.hpp"
#include "drivers/sim/web/panel_settings.hpp"
#include "hal/display.hpp"
#include "hal/keypad.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::sim::web {

class PanelServer;

// The terminal in a web browser: serves a page (README.md) that shows every frame the display
// presents (add the panel to the SimDisplay as a sink), turns its key buttons and the PC
// keyboard into key presses (the panel is a keypad), and shows receipts as PanelPrinter prints
// them. It listens from construction on; the page is at url() and the log gets the line
// "linkpos: browser panel at <url>", plus a warning when the address is not loopback.
class BrowserPanel final : public FrameSink, public hal::Keypad {
 public:
  // Throws std::runtime_error naming the address when it cannot listen there. `io` and `log`
  // must outlive the panel.
  BrowserPanel(boost::asio::io_context& io, const PanelSettings& settings, std::ostream& log);
  BrowserPanel(boost::asio::io_context& io, const PanelSettings& settings);  // logs on std::cerr
  ~BrowserPanel() override;  // closes every connection
  BrowserPanel(const BrowserPanel&) = delete;
  BrowserPanel& operator=(const BrowserPanel&) = delete;

  unsigned short port() const;  // the one listened on, also when settings asked for 0
  std::string url() const;      // http://127.0.0.1:PORT/

  // Keys pressed on a page before start() are ignored (and logged).
  void start(hal::KeyHandler on_key) override;
  void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) override;

  // Shows a printed receipt (its text as on paper) on every open page and on pages opened
  // later, the last few of them.
  void show_receipt(const std::string& name, const std::string& text);

 private:
  std::shared_ptr<PanelServer> server_;
};

}  // namespace linkpos::drivers::sim::web
