// A stand-in terminal serving the browser panel, for the browser check and for trying the page
// by hand: its screen shows the keys pressed so far, CHARGE prints them as a receipt, CLEAR
// starts over. The panel's URL is the first line on stdout; SIGINT or SIGTERM ends it.
//   panel_demo [PORT]

#include <utility>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include "drivers/sim/sim_display.hpp"
#include "drivers/sim/web/browser_panel.hpp"
#include "drivers/sim/web/panel_printer.hpp"
#include "hal/keypad.hpp"
#include "hal/printer.hpp"
#include "ui/screen.hpp"
#include "ui/screen_painter.hpp"

namespace {

using namespace linkpos;

constexpr int kColumns = 32;

// Paper that never runs out.
class AcceptingPrinter final : public hal::Printer {
 public:
  explicit AcceptingPrinter(boost::asio::io_context& io) : io_(io) {}
  void print(const hal::ReceiptDocument&, hal::PrintDone done) override {
    boost::asio::post(io_, [done = std::move(done)] { done(std::nullopt); });
  }

 private:
  boost::asio::io_context& io_;
};

class KeysDemo {
 public:
  KeysDemo(drivers::sim::SimDisplay& display, hal::Printer& printer)
      : display_(display), printer_(printer) {}

  void show() {
    ui::Screen screen;
    screen.name = "keys";
    screen.title = "Keys pressed";
    screen.body.push_back({typed_.empty() ? "(none yet)" : typed_, ui::TextStyle::kLarge});
    if (receipts_ > 0) {
      screen.body.push_back({"Receipts printed: " + std::to_string(receipts_),
                             ui::TextStyle::kNormal, ui::TextAlign::kLeft, ui::Tone::kMuted});
    }
    screen.hint = "CHARGE prints  CLEAR starts over";
    display_.present(ui::paint_screen(screen, display_.framebuffer()));
  }

  void on_key(hal::Key key) {
    if (key == hal::Key::kClear) {
      typed_.clear();
    } else if (key == hal::Key::kBackspace) {
      if (const auto space = typed_.rfind(' '); space != std::string::npos) {
        typed_.erase(space);
      } else {
        typed_.clear();
      }
    } else if (key == hal::Key::kCharge) {
      print();
    } else {
      typed_ += (typed_.empty() ? "" : " ") + std::string(hal::key_name(key));
    }
    show();
  }

 private:
  void print() {
    hal::ReceiptDocument receipt{
        "demo-" + std::to_string(receipts_ + 1),
        {hal::TextLine{"linkpos panel demo", hal::Align::kCenter, true}, hal::Separator{},
         hal::ColumnsLine{"Keys", typed_.empty() ? "-" : typed_}, hal::Feed{1}, hal::Cut{}}};
    printer_.print(receipt, [this](std::optional<hal::PrintError> error) {
      if (!error)
        ++receipts_;
      show();
    });
  }

  drivers::sim::SimDisplay& display_;
  hal::Printer& printer_;
  std::string typed_;
  int receipts_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  drivers::sim::web::PanelSettings settings;
  if (argc > 1)
    settings.port = static_cast<unsigned short>(std::atoi(argv[1]));
  boost::asio::io_context io;
  drivers::sim::SimDisplay display(480, 320);
  drivers::sim::web::BrowserPanel panel(io, settings);
  display.add_sink(panel);
  drivers::sim::web::PanelPrinter printer(std::make_unique<AcceptingPrinter>(io), panel, kColumns);
  KeysDemo demo(display, printer);
  panel.start([&demo](hal::Key key) { demo.on_key(key); });
  demo.show();

  std::cout << panel.url() << std::endl;
  boost::asio::signal_set stop(io, SIGINT, SIGTERM);
  stop.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
  io.run();
  return 0;
}
