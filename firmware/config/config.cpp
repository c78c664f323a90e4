#include "config/config.hpp"

#include <fstream>
#include <sstream>

#include "app/money.hpp"
#include "app/strings.hpp"
#include "config/json_fields.hpp"

namespace linkpos::config {
namespace {

bool is_terminal_id(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (const char c : id) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

void read_terminal(JsonFields terminal, app::Settings& settings) {
  terminal.refuse_unknown({"id", "currency", "max_amount", "payment_timeout_seconds", "poll_interval_ms",
                           "language"});
  if (auto id = terminal.string("id", true)) {
    if (is_terminal_id(*id)) {
      settings.terminal_id = *id;
    } else {
      terminal.error("id", "\"" + *id + "\" must be 1 to 32 letters, digits, '_' or '-'");
    }
  }
  bool currency_known = false;
  if (auto code = terminal.string("currency", true)) {
    if (auto currency = app::currency_by_code(*code)) {
      settings.currency = *currency;
      currency_known = true;
    } else {
      terminal.error("currency", "\"" + *code + "\" is not an ISO 4217 code linkpos knows (e.g. \"EUR\", \"USD\", \"JPY\")");
    }
  }
  if (auto text = terminal.string("max_amount", true); text && currency_known) {
    const auto minor = app::parse_decimal(*text, settings.currency.exponent);
    if (!minor || *minor <= 0) {
      terminal.error("max_amount", "\"" + *text + "\" must be a positive amount with at most " +
                                       std::to_string(settings.currency.exponent) + " decimals, e.g. \"" +
                                       app::to_decimal(app::Money{100000, settings.currency}) + "\"");
    } else {
      settings.max_amount_minor = *minor;
    }
  }
  if (auto seconds = terminal.integer("payment_timeout_seconds", 30, 3600)) {
    settings.payment_timeout = std::chrono::seconds(*seconds);
  }
  if (auto ms = terminal.integer("poll_interval_ms", 250, 60000)) {
    settings.poll_interval = std::chrono::milliseconds(*ms);
  }
  if (auto language = terminal.string("language", false)) {
    if (app::strings_for(*language) == nullptr) {
      terminal.error("language", "\"" + *language + "\" has no string table; use \"en\"");
    } else {
      settings.language = *language;
    }
  }
}

void read_merchant(JsonFields merchant, app::Merchant& out) {
  merchant.refuse_unknown({"name", "address", "tax_id", "vat_rate"});
  if (auto name = merchant.string("name", true)) {
    if (name->empty()) {
      merchant.error("name", "must not be empty; it heads every receipt");
    } else {
      out.name = *name;
    }
  }
  if (auto address = merchant.strings("address")) out.address = *address;
  if (auto tax_id = merchant.string("tax_id", false)) out.tax_id = *tax_id;
  if (auto rate = merchant.string("vat_rate", false)) {
    const auto basis_points = app::parse_decimal(*rate, 2);
    if (!basis_points || *basis_points > 10000) {
      merchant.error("vat_rate", "\"" + *rate + "\" must be a percentage from \"0\" to \"100\", e.g. \"20\" or \"7.7\"");
    } else {
      out.vat_rate_basis_points = static_cast<std::int32_t>(*basis_points);
    }
  }
}

void read_display(JsonFields display, DisplayConfig& out) {
  display.refuse_unknown({"kind", "width", "height"});
  if (auto kind = display.string("kind", false)) {
    if (*kind != "sim") {
      display.error("kind", "\"" + *kind + "\" is not a display linkpos has; use \"sim\"");
    } else {
      out.kind = *kind;
    }
  }
  if (auto width = display.integer("width", 240, 1920)) out.width = static_cast<int>(*width);
  if (auto height = display.integer("height", 160, 1080)) out.height = static_cast<int>(*height);
}

void read_keypad(JsonFields keypad, KeypadConfig& out) {
  keypad.refuse_unknown({"kind"});
  if (auto kind = keypad.string("kind", false)) {
    if (*kind != "keyboard") {
      keypad.error("kind", "\"" + *kind + "\" is not a keypad linkpos has; use \"keyboard\"");
    } else {
      out.kind = *kind;
    }
  }
}

void read_printer(JsonFields printer, PrinterConfig& out) {
  printer.refuse_unknown({"kind", "dir", "columns", "code_page"});
  if (auto kind = printer.string("kind", false)) {
    if (*kind != "file") {
      printer.error("kind", "\"" + *kind + "\" is not a printer linkpos has; use \"file\"");
    } else {
      out.kind = *kind;
    }
  }
  if (auto dir = printer.string("dir", false)) out.dir = *dir;
  if (auto columns = printer.integer("columns", 24, 64)) out.columns = static_cast<int>(*columns);
  JsonFields code_page = printer.object("code_page");
  code_page.refuse_unknown({"charset", "esc_t"});
  if (auto charset = code_page.string("charset", false)) out.code_page.charset = *charset;
  if (auto esc_t = code_page.integer("esc_t", 0, 255)) out.code_page.esc_t = static_cast<int>(*esc_t);
}

void read_backend(JsonFields backend, BackendConfig& out) {
  backend.refuse_unknown({"kind", "pay_after_seconds"});
  if (auto kind = backend.string("kind", true)) {
    if (*kind != "demo") {
      backend.error("kind", "\"" + *kind + "\" is not a backend linkpos has; use \"demo\"");
    } else {
      out.kind = *kind;
    }
  }
  if (auto seconds = backend.integer("pay_after_seconds", 0, 3600)) {
    out.demo.pay_after = std::chrono::seconds(*seconds);
  }
}

void read_ledger(JsonFields ledger, LedgerConfig& out) {
  ledger.refuse_unknown({"path"});
  if (auto path = ledger.string("path", false)) {
    if (path->empty()) {
      ledger.error("path", "must name a file, e.g. \"/var/lib/linkpos/ledger.sqlite\"");
    } else {
      out.path = *path;
    }
  }
}

}  // namespace

ConfigResult parse_config(std::string_view json_text) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& error) {
    return std::vector<std::string>{std::string("not valid JSON: ") + error.what()};
  }
  std::vector<std::string> errors;
  Config config;
  JsonFields root(document, "", errors);
  root.refuse_unknown({"terminal", "merchant", "display", "keypad", "printer", "backend", "ledger"});
  read_terminal(root.object("terminal"), config.settings);
  read_merchant(root.object("merchant"), config.settings.merchant);
  read_display(root.object("display"), config.display);
  read_keypad(root.object("keypad"), config.keypad);
  read_printer(root.object("printer"), config.printer);
  read_backend(root.object("backend"), config.backend);
  read_ledger(root.object("ledger"), config.ledger);
  if (!errors.empty()) return errors;
  return config;
}

ConfigResult load_config(const std::string& path) {
  std::ifstream file(path);
  if (!file) return std::vector<std::string>{"cannot read the config file " + path + ": check the path and its permissions"};
  std::ostringstream text;
  text << file.rdbuf();
  return parse_config(text.str());
}

}  // namespace linkpos::config
