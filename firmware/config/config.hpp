#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/settings.hpp"

namespace linkpos::config {

struct DisplayConfig {
  std::string kind = "sim";  // "sim" (console, PNG snapshots) or "fbdev" (the board's panel)
  int width = 320;           // sim only: fbdev takes the panel's size
  int height = 240;
  std::string device = "/dev/fb0";  // fbdev
  int rotation = 0;                 // fbdev: 0, 90, 180 or 270 degrees clockwise
  // sim: also serve the screen, keys and receipts as a web page (the browser panel).
  bool panel = false;
  std::string panel_address = "127.0.0.1";
  int panel_port = 8080;
};

struct KeypadConfig {
  std::string kind = "keyboard";  // "keyboard" (the PC's, in the simulator) or "evdev"
  std::string device = "/dev/input/event0";
  // evdev: Linux key code (name or number) to terminal key name, replacing the default map.
  std::map<std::string, std::string> key_map;
};

// The printer's character table as its maker numbers it: the charset (an iconv name) and the
// value of ESC t that selects it on this printer model.
struct CodePageConfig {
  std::string charset = "CP858";
  int esc_t = 19;
};

struct PrinterConfig {
  std::string kind = "file";     // "file" (simulator), "serial", "usb" or "tcp"
  std::string dir = "receipts";  // file
  int columns = 48;              // characters per line: 32 on 58 mm paper, 42 or 48 on 80 mm
  int paper_width_dots = 576;    // 384 on 58 mm paper, 576 on 80 mm
  CodePageConfig code_page;
  std::string logo;                   // a PNG printed at the top of every receipt; empty: none
  std::string device;                 // serial: "/dev/ttyS1"; usb: "/dev/usb/lp0"
  unsigned baud = 9600;               // serial
  std::string flow_control = "none";  // serial: none, software or hardware
  std::string host;                   // tcp
  int port = 9100;                    // tcp
  std::optional<bool> status_check;   // DLE EOT before each job; default per transport
  std::chrono::milliseconds status_timeout{500};
};

struct DemoBackendConfig {
  std::chrono::milliseconds pay_after{5000};
};

struct BackendConfig {
  std::string kind = "demo";  // "demo" or "wix"
  DemoBackendConfig demo;
};

// Where and as whom the terminal talks to Wix. The API key is a secret: it never appears in
// logs, screens or receipts.
struct WixConfig {
  std::string base_url = "https://www.wixapis.com";
  std::string site_id;
  std::string api_key;       // from api_key_file, or inline
  std::string api_key_file;  // empty when the key is inline
  std::string ca_file = "/etc/ssl/certs/ca-certificates.crt";
  bool allow_plain_http = false;  // only for the emulator on loopback
  std::chrono::milliseconds request_timeout{10000};
  // The QR code carries Wix's checkout URL (Initiate Payment) rather than the link's page.
  bool qr_checkout = false;
};

struct LedgerConfig {
  std::string path = "/var/lib/linkpos/ledger.sqlite";
};

struct Config {
  app::Settings settings;
  DisplayConfig display;
  KeypadConfig keypad;
  PrinterConfig printer;
  BackendConfig backend;
  WixConfig wix;
  LedgerConfig ledger;
  // Things that work but should be fixed (e.g. an API key file others can read).
  std::vector<std::string> warnings;
};

// Either a whole config, or one message per bad field ("terminal.currency: ...").
using ConfigResult = std::variant<Config, std::vector<std::string>>;

// Where the config text came from, and the part of the process's environment it may use.
struct ConfigOrigin {
  std::string path;  // the config file; empty for text from elsewhere
  bool owner_only =
      false;  // the file is readable by its owner only: an inline API key may sit in it
  // systemd's LoadCredential= directory ($CREDENTIALS_DIRECTORY); empty when not run by one.
  // When it holds wix-api-key, that key is used whatever the config names.
  std::string credentials_directory;
};

// Checks a config given as JSON text. Relative paths in it are taken from the current directory.
ConfigResult parse_config(std::string_view json_text, const ConfigOrigin& origin = {});

// The display a config names, read on its own, for the out-of-service frame of a start the rest
// of the config stopped; the simulator's when the file or its display section is unusable.
DisplayConfig display_config_of(const std::string& path);

// Reads and checks the config file at `path`, with $CREDENTIALS_DIRECTORY from the environment.
ConfigResult load_config(const std::string& path);
// The same with the credentials directory given (empty: none).
ConfigResult load_config(const std::string& path, const std::string& credentials_directory);

}  // namespace linkpos::config
