#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/settings.hpp"

namespace linkpos::config {

struct DisplayConfig {
  std::string kind = "sim";
  int width = 320;
  int height = 240;
};

struct KeypadConfig {
  std::string kind = "keyboard";
};

// The printer's character table as its maker numbers it: the charset (an iconv name) and the
// value of ESC t that selects it on this printer model.
struct CodePageConfig {
  std::string charset = "CP858";
  int esc_t = 19;
};

struct PrinterConfig {
  std::string kind = "file";
  std::string dir = "receipts";
  int columns = 48;  // characters per line: 32 on 58 mm paper, 42 or 48 on 80 mm
  CodePageConfig code_page;
};

struct DemoBackendConfig {
  std::chrono::milliseconds pay_after{5000};
};

struct BackendConfig {
  std::string kind = "demo";
  DemoBackendConfig demo;
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
  LedgerConfig ledger;
};

// Either a whole config, or one message per bad field ("terminal.currency: ...").
using ConfigResult = std::variant<Config, std::vector<std::string>>;

// Checks a config given as JSON text.
ConfigResult parse_config(std::string_view json_text);

// Reads and checks the config file at `path`.
ConfigResult load_config(const std::string& path);

}  // namespace linkpos::config
