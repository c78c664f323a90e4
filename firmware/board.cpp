#include "board.hpp"

#include <unistd.h>

#include <stdexcept>
#include <utility>
#include <variant>

#include <boost/asio/io_context.hpp>

#include "app/out_of_service.hpp"
#include "demo/demo_backend.hpp"
#include "drivers/escpos/logo.hpp"
#include "drivers/escpos/port_printer.hpp"
#include "drivers/escpos/port_settings.hpp"
#include "drivers/escpos/printer_settings.hpp"
#include "drivers/evdev/evdev_keypad.hpp"
#include "drivers/evdev/key_map.hpp"
#include "drivers/fbdev/fbdev_display.hpp"
#include "drivers/sim/console_display.hpp"
#include "drivers/sim/file_printer.hpp"
#include "drivers/sim/frame_log.hpp"
#include "drivers/sim/keyboard_keypad.hpp"
#include "drivers/sim/keyboard_map.hpp"
#include "drivers/sim/merged_keypad.hpp"
#include "drivers/sim/png_snapshots.hpp"
#include "drivers/sim/scripted_keypad.hpp"
#include "drivers/sim/sim_display.hpp"
#include "drivers/sim/web/browser_panel.hpp"
#include "drivers/sim/web/panel_printer.hpp"
#include "net/http_client.hpp"
#include "wix/payment_links.hpp"
#include "wix/wix_backend.hpp"

namespace linkpos {
namespace {

// True when stdout and stderr are the same terminal: frame-log lines would scroll the drawing.
bool stderr_shares_the_console() {
  if (!isatty(STDOUT_FILENO) || !isatty(STDERR_FILENO))
    return false;
  const char* out = ttyname(STDOUT_FILENO);
  const std::string out_name = out ? out : "";
  const char* err = ttyname(STDERR_FILENO);
  return err && out_name == err;
}

std::unique_ptr<hal::Printer> make_printer(const config::PrinterConfig& config,
                                           const BoardOptions& options,
                                           boost::asio::io_context& io) {
  namespace escpos = drivers::escpos;
  escpos::PrinterSettings settings;
  settings.columns = config.columns;
  settings.code_page = escpos::CodePage{config.code_page.charset, config.code_page.esc_t};
  settings.paper_width_dots = config.paper_width_dots;
  if (auto problem = escpos::check_printer_settings(settings))
    throw std::runtime_error("printer: " + *problem);
  std::optional<escpos::MonoImage> logo;
  if (!config.logo.empty()) {
    auto loaded = escpos::load_logo(config.logo, config.paper_width_dots);
    if (!loaded.image)
      throw std::runtime_error("printer.logo: " + loaded.error);
    logo = std::move(loaded.image);
  }
  if (config.kind == "file" || options.receipts_dir) {
    return std::make_unique<drivers::sim::FilePrinter>(
        io, options.receipts_dir.value_or(config.dir), settings, logo);
  }
  escpos::PortSettings port;
  if (config.kind == "serial") {
    escpos::SerialSettings serial;
    serial.device = config.device;
    serial.baud_rate = config.baud;
    serial.flow_control = *escpos::parse_flow_control(config.flow_control);
    serial.status = escpos::StatusCheck{config.status_check.value_or(true), config.status_timeout};
    port = serial;
  } else if (config.kind == "usb") {
    escpos::UsbSettings usb;
    usb.device = config.device;
    // A USB printer-class device rarely answers DLE EOT: off unless asked for.
    usb.status = escpos::StatusCheck{config.status_check.value_or(false), config.status_timeout};
    port = usb;
  } else {
    escpos::TcpSettings tcp;
    tcp.host = config.host;
    tcp.port = static_cast<std::uint16_t>(config.port);
    tcp.status = escpos::StatusCheck{config.status_check.value_or(true), config.status_timeout};
    port = tcp;
  }
  if (auto problem = escpos::check_port_settings(port))
    throw std::runtime_error("printer: " + *problem);
  return std::make_unique<escpos::PortPrinter>(io, port, settings, std::move(logo));
}

}  // namespace

struct Board::Parts {
  std::unique_ptr<hal::Display> display;
  std::unique_ptr<drivers::sim::ConsoleDisplay> console;
  std::unique_ptr<drivers::sim::FrameLog> frame_log;
  std::unique_ptr<drivers::sim::PngSnapshots> snapshots;
  std::unique_ptr<drivers::sim::web::BrowserPanel> panel;
  std::unique_ptr<hal::Keypad> own_keypad;  // the keyboard, evdev or script
  std::unique_ptr<hal::Keypad> keypad;      // what the terminal listens to
  std::unique_ptr<hal::Printer> printer;
  std::unique_ptr<net::HttpClient> http;
  std::unique_ptr<wix::PaymentLinksClient> payment_links;
  std::unique_ptr<app::PaymentBackend> backend;
  std::string backend_name;
};

// The display, the keypad and the browser panel: all a report run from the command line leaves
// out, so it can run beside a stopped service without taking its screen or keys.
static void add_screen_and_keys(Board::Parts& p, const config::Config& config,
                                const BoardOptions& options, boost::asio::io_context& io,
                                app::Log& log) {
  drivers::sim::SimDisplay* sim = nullptr;
  if (config.display.kind == "fbdev") {
    if (options.snapshots_dir || options.key_script) {
      throw std::runtime_error(
          "--snapshots and --keys need the simulator's display (display.kind \"sim\")");
    }
    p.display = std::make_unique<drivers::fbdev::FbdevDisplay>(drivers::fbdev::FbdevSettings{
        config.display.device, *drivers::fbdev::rotation_from_degrees(config.display.rotation)});
  } else {
    auto display =
        std::make_unique<drivers::sim::SimDisplay>(config.display.width, config.display.height);
    sim = display.get();
    p.display = std::move(display);
    // Someone at the console keys on the PC keyboard: show them its key map under the screen.
    const bool keyboard = !options.key_script && config.keypad.kind == "keyboard";
    p.console = std::make_unique<drivers::sim::ConsoleDisplay>(
        STDOUT_FILENO, keyboard ? std::string(drivers::sim::kKeyboardLegend) : "");
    if (p.console->is_terminal())
      sim->add_sink(*p.console);
    if (p.console->is_terminal() && stderr_shares_the_console()) {
      log.warn(
          "stderr is the console: the frame log is left out so the screen stays readable "
          "(run with 2>linkpos.log to keep it)");
    } else {
      p.frame_log = std::make_unique<drivers::sim::FrameLog>(STDERR_FILENO);
      sim->add_sink(*p.frame_log);
    }
    if (options.snapshots_dir) {
      p.snapshots = std::make_unique<drivers::sim::PngSnapshots>(*options.snapshots_dir);
      sim->add_sink(*p.snapshots);
    }
  }

  if (sim && (config.display.panel || options.panel_port)) {
    drivers::sim::web::PanelSettings panel;
    panel.address = options.panel_port ? "127.0.0.1" : config.display.panel_address;
    panel.port =
        static_cast<unsigned short>(options.panel_port.value_or(config.display.panel_port));
    p.panel = std::make_unique<drivers::sim::web::BrowserPanel>(io, panel);
    sim->add_sink(*p.panel);
  }

  if (options.key_script) {
    auto scripted = std::make_unique<drivers::sim::ScriptedKeypad>(io, *options.key_script);
    sim->add_sink(*scripted);
    p.keypad = std::move(scripted);
  } else if (config.keypad.kind == "evdev") {
    auto key_map = drivers::evdev::parse_key_map(config.keypad.key_map);
    if (auto* problem = std::get_if<std::string>(&key_map))
      throw std::runtime_error("keypad.key_map: " + *problem);
    drivers::evdev::EvdevSettings settings;
    settings.device = config.keypad.device;
    if (!config.keypad.key_map.empty())
      settings.key_map = std::get<drivers::evdev::KeyMap>(key_map);
    p.keypad = std::make_unique<drivers::evdev::EvdevKeypad>(
        io, settings, [&log](std::string_view warning) { log.warn(warning); });
  } else {
    p.keypad = std::make_unique<drivers::sim::KeyboardKeypad>(io, STDIN_FILENO);
  }
  if (p.panel) {
    // The page's buttons press the same keys as the keypad the config names.
    p.own_keypad = std::move(p.keypad);
    p.keypad = std::make_unique<drivers::sim::MergedKeypad>(
        std::vector<hal::Keypad*>{p.own_keypad.get(), p.panel.get()});
  }
}

Board::Board(const config::Config& config, const BoardOptions& options, boost::asio::io_context& io,
             hal::Clock& clock, app::Log& log)
    : parts_(std::make_unique<Parts>()) {
  auto& p = *parts_;

  if (!options.headless)
    add_screen_and_keys(p, config, options, io, log);

  p.printer = make_printer(config.printer, options, io);
  if (p.panel) {
    p.printer = std::make_unique<drivers::sim::web::PanelPrinter>(std::move(p.printer), *p.panel,
                                                                  config.printer.columns);
  }

  if (config.backend.kind == "wix") {
    net::HttpClientSettings http;
    http.base_url = config.wix.base_url;
    http.allow_plain_http = config.wix.allow_plain_http;
    http.ca_file = config.wix.ca_file;
    http.request_timeout = config.wix.request_timeout;
    http.build_time = options.build_time;
    auto client = net::HttpClient::create(io, http);
    if (!client)
      throw std::runtime_error("wix: " + client.error().detail);
    p.http = std::move(client.value());
    p.payment_links = std::make_unique<wix::PaymentLinksClient>(
        *p.http, clock, wix::WixCredentials{config.wix.site_id, config.wix.api_key});
    p.backend = std::make_unique<wix::WixBackend>(
        *p.payment_links, config.settings.currency, options.build_time,
        config.wix.qr_checkout ? wix::QrTarget::kCheckout : wix::QrTarget::kLink);
    p.backend_name = "Wix Payment Links at " + config.wix.base_url;
  } else {
    p.backend = std::make_unique<demo::DemoBackend>(
        clock, demo::DemoSettings{config.backend.demo.pay_after});
    p.backend_name = "demo (no money moves)";
  }
}

Board::~Board() = default;

void show_start_failure(const config::DisplayConfig& config, const app::Strings& strings,
                        const std::string& detail) {
  try {
    if (config.kind == "fbdev") {
      const auto rotation = drivers::fbdev::rotation_from_degrees(config.rotation);
      drivers::fbdev::FbdevDisplay display(drivers::fbdev::FbdevSettings{
          config.device, rotation.value_or(drivers::fbdev::Rotation{})});
      app::show_out_of_service(display, app::OutOfService::kStart, detail, strings);
      return;
    }
    drivers::sim::SimDisplay display(config.width, config.height);
    drivers::sim::ConsoleDisplay console(STDOUT_FILENO);
    drivers::sim::FrameLog frame_log(STDERR_FILENO);
    if (console.is_terminal())
      display.add_sink(console);
    display.add_sink(frame_log);
    app::show_out_of_service(display, app::OutOfService::kStart, detail, strings);
  } catch (const std::exception&) {
    // The display is what failed: the log has said why the start failed.
  }
}

hal::Display& Board::display() {
  if (!parts_->display)
    throw std::logic_error("Board::display: a headless board has no display");
  return *parts_->display;
}
hal::Keypad& Board::keypad() {
  if (!parts_->keypad)
    throw std::logic_error("Board::keypad: a headless board has no keypad");
  return *parts_->keypad;
}
hal::Printer& Board::printer() {
  return *parts_->printer;
}
app::PaymentBackend& Board::backend() {
  return *parts_->backend;
}
std::string Board::backend_name() const {
  return parts_->backend_name;
}

}  // namespace linkpos
