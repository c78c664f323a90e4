#include "config/config.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>

#include "app/money.hpp"
#include "app/strings.hpp"
#include "app/time_zone.hpp"
#include "config/api_key.hpp"
#include "config/json_fields.hpp"
#include "config/loopback_url.hpp"

#include <initializer_list>
#include <optional>

namespace linkpos::config {
namespace {

bool is_terminal_id(const std::string& id) {
  if (id.empty() || id.size() > 32)
    return false;
  for (const char c : id) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!allowed)
      return false;
  }
  return true;
}

void read_terminal(JsonFields terminal, app::Settings& settings) {
  terminal.refuse_unknown({"id", "currency", "max_amount", "payment_timeout_seconds",
                           "link_validity_seconds", "poll_interval_ms", "language",
                           "technician_pin", "manager_pin", "tips", "time_zone"});
  for (const auto& [field, out] : {std::pair{"technician_pin", &settings.technician_pin},
                                   std::pair{"manager_pin", &settings.manager_pin}}) {
    if (auto pin = terminal.string(field, false)) {
      const bool digits =
          !pin->empty() && pin->find_first_not_of("0123456789") == std::string::npos;
      if (!digits || pin->size() < 4 || pin->size() > 12) {
        terminal.error(field, "must be 4 to 12 digits (keyed on the terminal)");
      } else {
        *out = *pin;
      }
    }
  }
  if (auto tips = terminal.integers("tips", 0, 100)) {
    if (tips->size() > 9) {
      terminal.error("tips", "at most 9 tips, one per digit key");
    } else {
      settings.tips.assign(tips->begin(), tips->end());
    }
  }
  if (auto zone = terminal.string("time_zone", false)) {
    if (!app::time_zone_known(*zone)) {
      terminal.error("time_zone", "\"" + *zone +
                                      "\" is not a time zone this board knows (an IANA name "
                                      "from /usr/share/zoneinfo, e.g. \"Europe/Paris\")");
    } else {
      settings.time_zone = *zone;
    }
  }
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
      terminal.error(
          "currency",
          "\"" + *code +
              "\" is not an ISO 4217 code linkpos knows (e.g. \"EUR\", \"USD\", \"JPY\")");
    }
  }
  if (auto text = terminal.string("max_amount", true); text && currency_known) {
    const auto minor = app::parse_decimal(*text, settings.currency.exponent);
    if (!minor || *minor <= 0) {
      terminal.error("max_amount",
                     "\"" + *text + "\" must be a positive amount with at most " +
                         std::to_string(settings.currency.exponent) + " decimals, e.g. \"" +
                         app::to_decimal(app::Money{100000, settings.currency}) + "\"");
    } else {
      settings.max_amount_minor = *minor;
    }
  }
  if (auto seconds = terminal.integer("payment_timeout_seconds", 10, 3600)) {
    settings.payment_timeout = std::chrono::seconds(*seconds);
  }
  if (auto seconds = terminal.integer("link_validity_seconds", 10, 86400)) {
    settings.link_validity = std::chrono::seconds(*seconds);
  } else {
    settings.link_validity = settings.payment_timeout + std::chrono::seconds(60);
  }
  if (settings.link_validity < settings.payment_timeout) {
    terminal.error("link_validity_seconds",
                   "must be at least payment_timeout_seconds, or the link dies before the terminal "
                   "stops waiting");
  }
  if (auto ms = terminal.integer("poll_interval_ms", 250, 60000)) {
    settings.poll_interval = std::chrono::milliseconds(*ms);
  }
  if (auto language = terminal.string("language", false)) {
    if (app::strings_for(*language) == nullptr) {
      terminal.error("language", "\"" + *language + "\" has no string table; use one of " +
                                     app::known_languages());
    } else {
      settings.language = *language;
    }
  }
}

// A percentage as a string ("20", "7.7"), in basis points; nullopt when it is not one.
std::optional<std::int32_t> percent_basis_points(const std::string& text) {
  const auto basis_points = app::parse_decimal(text, 2);
  if (!basis_points || *basis_points > 10000)
    return std::nullopt;
  return static_cast<std::int32_t>(*basis_points);
}

void read_catalogue(JsonFields root, app::Settings& settings) {
  if (!root.has("catalogue"))
    return;
  const auto items = root.objects("catalogue");
  std::vector<bool> key_taken(5, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    JsonFields item = items[i];
    item.refuse_unknown({"name", "price", "vat_rate", "key"});
    app::CatalogueItem out;
    if (auto name = item.string("name", true)) {
      if (name->empty() || name->size() > 40) {
        item.error("name", "must be 1 to 40 characters (it is printed on the receipt)");
      } else {
        out.name = *name;
      }
    }
    if (auto price = item.string("price", true)) {
      const auto minor = app::parse_decimal(*price, settings.currency.exponent);
      if (!minor || *minor <= 0) {
        item.error("price", "\"" + *price + "\" must be a positive amount with at most " +
                                std::to_string(settings.currency.exponent) + " decimals");
      } else {
        out.price_minor = *minor;
      }
    }
    if (auto rate = item.string("vat_rate", false)) {
      if (const auto basis_points = percent_basis_points(*rate)) {
        out.vat_rate_basis_points = *basis_points;
      } else {
        item.error("vat_rate", "\"" + *rate + "\" must be a percentage from \"0\" to \"100\"");
      }
    }
    if (auto key = item.string("key", false)) {
      const int number =
          key->size() == 2 && (*key)[0] == 'F' && (*key)[1] >= '1' && (*key)[1] <= '4'
              ? (*key)[1] - '0'
              : 0;
      if (number == 0) {
        item.error("key", "\"" + *key + "\" must be F1, F2, F3 or F4");
      } else if (key_taken[number]) {
        item.error("key", *key + " is given to two items");
      } else {
        key_taken[number] = true;
        out.quick_key = number;
      }
    }
    settings.catalogue.push_back(std::move(out));
  }
}

void read_merchant(JsonFields merchant, app::Merchant& out) {
  merchant.refuse_unknown({"name", "address", "tax_id", "vat_rate"});
  if (auto name = merchant.string("name", true)) {
    if (name->empty() || name->size() > 100) {
      // Link titles are the merchant's name and the sale's reference, and what Wix sends back is
      // cut at 200 characters: a longer name would cut off the reference the terminal finds its
      // links by.
      merchant.error("name", "must be 1 to 100 characters; it heads every receipt and link title");
    } else {
      out.name = *name;
    }
  }
  if (auto address = merchant.strings("address"))
    out.address = *address;
  if (auto tax_id = merchant.string("tax_id", false))
    out.tax_id = *tax_id;
  if (auto rate = merchant.string("vat_rate", false)) {
    if (const auto basis_points = percent_basis_points(*rate)) {
      out.vat_rate_basis_points = *basis_points;
    } else {
      merchant.error(
          "vat_rate",
          "\"" + *rate + "\" must be a percentage from \"0\" to \"100\", e.g. \"20\" or \"7.7\"");
    }
  }
}

// A "kind" field that must be one of `kinds`.
std::optional<std::string> kind_of(JsonFields& section, std::initializer_list<const char*> kinds,
                                   const char* what) {
  auto kind = section.string("kind", false);
  if (!kind)
    return std::nullopt;
  std::string allowed;
  for (const char* name : kinds) {
    if (*kind == name)
      return kind;
    allowed += std::string(allowed.empty() ? "" : ", ") + "\"" + name + "\"";
  }
  section.error("kind", "\"" + *kind + "\" is not a " + what + " linkpos has; use " + allowed);
  return std::nullopt;
}

void read_display(JsonFields display, DisplayConfig& out) {
  display.refuse_unknown({"kind", "width", "height", "device", "rotation", "panel"});
  if (auto kind = kind_of(display, {"sim", "fbdev"}, "display"))
    out.kind = *kind;
  if (auto width = display.integer("width", 240, 1920))
    out.width = static_cast<int>(*width);
  if (auto height = display.integer("height", 160, 1080))
    out.height = static_cast<int>(*height);
  if (auto device = display.string("device", false))
    out.device = *device;
  if (display.has("panel")) {
    JsonFields panel = display.object("panel");
    panel.refuse_unknown({"address", "port"});
    out.panel = true;
    if (auto address = panel.string("address", false))
      out.panel_address = *address;
    if (auto port = panel.integer("port", 0, 65535))
      out.panel_port = static_cast<int>(*port);
  }
  if (auto rotation = display.integer("rotation", 0, 270)) {
    if (*rotation % 90 != 0) {
      display.error("rotation", std::to_string(*rotation) + " must be 0, 90, 180 or 270");
    } else {
      out.rotation = static_cast<int>(*rotation);
    }
  }
}

void read_keypad(JsonFields keypad, KeypadConfig& out) {
  keypad.refuse_unknown({"kind", "device", "key_map"});
  if (auto kind = kind_of(keypad, {"keyboard", "evdev"}, "keypad"))
    out.kind = *kind;
  if (auto device = keypad.string("device", false))
    out.device = *device;
  if (auto map = keypad.string_map("key_map"))
    out.key_map = *map;
}

void read_printer(JsonFields printer, PrinterConfig& out) {
  printer.refuse_unknown({"kind", "dir", "columns", "paper_width_dots", "code_page", "logo",
                          "device", "baud", "flow_control", "host", "port", "status_check",
                          "status_timeout_ms"});
  if (auto kind = kind_of(printer, {"file", "serial", "usb", "tcp"}, "printer"))
    out.kind = *kind;
  if (auto dir = printer.string("dir", false))
    out.dir = *dir;
  if (auto columns = printer.integer("columns", 24, 64))
    out.columns = static_cast<int>(*columns);
  if (auto dots = printer.integer("paper_width_dots", 128, 2040))
    out.paper_width_dots = static_cast<int>(*dots);
  if (auto logo = printer.string("logo", false))
    out.logo = *logo;
  const bool serial = out.kind == "serial";
  const bool usb = out.kind == "usb";
  if (auto device = printer.string("device", serial))
    out.device = *device;
  if (usb && out.device.empty())
    out.device = "/dev/usb/lp0";
  if (auto baud = printer.integer("baud", 1200, 921600))
    out.baud = static_cast<unsigned>(*baud);
  if (auto flow = printer.string("flow_control", false)) {
    if (*flow != "none" && *flow != "software" && *flow != "hardware") {
      printer.error("flow_control",
                    "\"" + *flow + "\" must be \"none\", \"software\" or \"hardware\"");
    } else {
      out.flow_control = *flow;
    }
  }
  if (auto host = printer.string("host", out.kind == "tcp"))
    out.host = *host;
  if (auto port = printer.integer("port", 1, 65535))
    out.port = static_cast<int>(*port);
  if (auto check = printer.boolean("status_check"))
    out.status_check = *check;
  if (auto ms = printer.integer("status_timeout_ms", 50, 10000))
    out.status_timeout = std::chrono::milliseconds(*ms);
  JsonFields code_page = printer.object("code_page");
  code_page.refuse_unknown({"charset", "esc_t"});
  if (auto charset = code_page.string("charset", false))
    out.code_page.charset = *charset;
  if (auto esc_t = code_page.integer("esc_t", 0, 255))
    out.code_page.esc_t = static_cast<int>(*esc_t);
}

void read_backend(JsonFields backend, BackendConfig& out) {
  backend.refuse_unknown({"kind", "pay_after_seconds"});
  if (auto kind = backend.string("kind", true)) {
    if (*kind != "demo" && *kind != "wix") {
      backend.error(
          "kind",
          "\"" + *kind +
              "\" is not a backend linkpos has; use \"wix\" (or \"demo\", which moves no money)");
    } else {
      out.kind = *kind;
    }
  }
  if (auto seconds = backend.integer("pay_after_seconds", 0, 3600)) {
    out.demo.pay_after = std::chrono::seconds(*seconds);
  }
}

constexpr std::string_view kCredentialsVariable = "${CREDENTIALS_DIRECTORY}";

// `path` with ${CREDENTIALS_DIRECTORY} replaced; nullopt when it names it and there is none.
std::optional<std::string> expanded(std::string path, const std::string& credentials_directory) {
  for (auto at = path.find(kCredentialsVariable); at != std::string::npos;
       at = path.find(kCredentialsVariable, at + credentials_directory.size())) {
    if (credentials_directory.empty())
      return std::nullopt;
    path.replace(at, kCredentialsVariable.size(), credentials_directory);
  }
  return path;
}

// The key systemd passes as a credential, when it passes one.
std::optional<std::string> credential_key_path(const ConfigOrigin& origin) {
  if (origin.credentials_directory.empty())
    return std::nullopt;
  const std::string path = origin.credentials_directory + "/" + kApiKeyCredential;
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0)
    return std::nullopt;
  return path;
}

void read_api_key(JsonFields& wix, bool needed, const ConfigOrigin& origin, WixConfig& out,
                  std::vector<std::string>& warnings) {
  const auto named_file = wix.string("api_key_file", false);
  const auto inline_key = wix.string("api_key", false);
  if (named_file && inline_key) {
    wix.error("api_key", "give the key either in api_key_file or inline, not both");
    return;
  }
  if (inline_key && !origin.owner_only) {
    const std::string fix = origin.path.empty() ? std::string("make the config file")
                                                : "run: chmod 600 " + origin.path + ", to make it";
    wix.error("api_key", "an inline key needs a config file only its owner can read; " + fix +
                             " so, or name a key file in api_key_file instead");
    return;
  }
  std::optional<std::string> file;
  if (named_file) {
    file = expanded(*named_file, origin.credentials_directory);
    if (!file) {
      wix.error("api_key_file",
                "names ${CREDENTIALS_DIRECTORY}, but linkpos was not started by systemd with "
                "LoadCredential= (CREDENTIALS_DIRECTORY is not set)");
      return;
    }
  }
  // Upgrades keep old configs (force-confold): the credential the unit passes wins over them.
  const auto credential =
      (needed || file || inline_key) ? credential_key_path(origin) : std::optional<std::string>();
  if (credential && (inline_key || (file && *file != *credential))) {
    warnings.push_back(
        wix.path_of(inline_key ? "api_key" : "api_key_file") +
        ": systemd passes the key as the credential " + kApiKeyCredential + ", so linkpos uses " +
        *credential + " and not the " + (inline_key ? std::string("inline key") : "file " + *file) +
        "; set api_key_file to \"${CREDENTIALS_DIRECTORY}/" + kApiKeyCredential + "\"");
  }
  if (credential) {
    out.api_key_file = *credential;
  } else if (file) {
    out.api_key_file = *file;
  } else if (inline_key) {
    out.api_key = trimmed(*inline_key);
    if (const auto problem = api_key_problem(out.api_key); !problem.empty()) {
      wix.error("api_key", "the key " + problem);
      out.api_key.clear();
    }
    return;
  } else {
    if (needed)
      wix.error("api_key_file", "missing; name the file that holds the Wix API key");
    return;
  }
  auto read = read_api_key_file(out.api_key_file, credential.has_value());
  if (!read.error.empty()) {
    wix.error("api_key_file", read.error);
    return;
  }
  out.api_key = std::move(read.key);
}

void read_wix(JsonFields wix, bool needed, const ConfigOrigin& origin, WixConfig& out,
              std::vector<std::string>& warnings) {
  wix.refuse_unknown({"base_url", "site_id", "api_key_file", "api_key", "ca_file",
                      "allow_plain_http", "request_timeout_ms", "qr_target"});
  if (auto target = wix.string("qr_target", false)) {
    if (*target != "link" && *target != "checkout") {
      wix.error("qr_target", "\"" + *target +
                                 "\" must be \"link\" (the payment link's page) or \"checkout\" "
                                 "(Wix's checkout, one page sooner)");
    } else {
      out.qr_checkout = *target == "checkout";
    }
  }
  if (auto url = wix.string("base_url", false)) {
    const bool https = url->rfind("https://", 0) == 0;
    const bool http = url->rfind("http://", 0) == 0;
    if (!https && !http) {
      wix.error("base_url",
                "\"" + *url + "\" must start with https:// (e.g. \"https://www.wixapis.com\")");
    } else {
      out.base_url = *url;
    }
  }
  if (auto site = wix.string("site_id", needed))
    out.site_id = *site;
  read_api_key(wix, needed, origin, out, warnings);
  if (auto ca = wix.string("ca_file", false)) {
    out.ca_file = *ca;
  }
  if (auto plain = wix.boolean("allow_plain_http"))
    out.allow_plain_http = *plain;
  if (out.allow_plain_http && !is_loopback_url(out.base_url)) {
    // The key would cross the network in clear: only an emulator on this very machine may ask.
    wix.error("allow_plain_http",
              "sends the API key unencrypted, so it is only for an emulator on this machine: "
              "base_url's host must be localhost, 127.x.x.x or [::1], not \"" +
                  out.base_url + "\"");
  } else if (out.base_url.rfind("http://", 0) == 0 && !out.allow_plain_http) {
    wix.error("base_url",
              "\"" + out.base_url +
                  "\" is plain HTTP; use https://, or set allow_plain_http for a local emulator");
  }
  if (auto ms = wix.integer("request_timeout_ms", 1000, 120000))
    out.request_timeout = std::chrono::milliseconds(*ms);
}

void read_ledger(JsonFields ledger, LedgerConfig& out, app::Settings& settings) {
  ledger.refuse_unknown({"path", "keep_days"});
  if (auto days = ledger.integer("keep_days", 0, 3650))
    settings.keep_ended_sales = std::chrono::hours(24 * *days);
  if (auto path = ledger.string("path", false)) {
    if (path->empty()) {
      ledger.error("path", "must name a file, e.g. \"/var/lib/linkpos/ledger.sqlite\"");
    } else {
      out.path = *path;
    }
  }
}

}  // namespace

ConfigResult parse_config(std::string_view json_text, const ConfigOrigin& origin) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& error) {
    return std::vector<std::string>{std::string("not valid JSON: ") + error.what()};
  }
  std::vector<std::string> errors;
  Config config;
  JsonFields root(document, "", errors);
  root.refuse_unknown({"terminal", "merchant", "catalogue", "display", "keypad", "printer",
                       "backend", "wix", "ledger"});
  read_terminal(root.object("terminal"), config.settings);
  for (const std::string* pin : {&config.settings.technician_pin, &config.settings.manager_pin})
    if (!pin->empty() && pin->size() < 6)
      config.warnings.emplace_back("terminal: a PIN under 6 digits is easily guessed; use 6 to 12");
  read_merchant(root.object("merchant"), config.settings.merchant);
  read_catalogue(root, config.settings);
  read_display(root.object("display"), config.display);
  read_keypad(root.object("keypad"), config.keypad);
  read_printer(root.object("printer"), config.printer);
  read_backend(root.object("backend"), config.backend);
  read_wix(root.object("wix"), config.backend.kind == "wix", origin, config.wix, config.warnings);
  read_ledger(root.object("ledger"), config.ledger, config.settings);
  if (!errors.empty())
    return errors;
  return config;
}

ConfigResult load_config(const std::string& path) {
  const char* credentials = std::getenv("CREDENTIALS_DIRECTORY");
  return load_config(path, credentials == nullptr ? std::string() : std::string(credentials));
}

ConfigResult load_config(const std::string& path, const std::string& credentials_directory) {
  const std::vector<std::string> unreadable{"cannot read the config file " + path +
                                            ": check the path and its permissions"};
  // The mode is taken from the file that is read, not from its name a moment before.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return unreadable;
  struct stat info {};
  std::string text;
  bool read_all = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  char chunk[8192];
  while (read_all) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0) {
      read_all = got == 0;
      break;
    }
    text.append(chunk, static_cast<std::size_t>(got));
  }
  ::close(fd);
  if (!read_all)
    return unreadable;
  ConfigOrigin origin;
  origin.path = path;
  origin.owner_only = (info.st_mode & (S_IRWXG | S_IRWXO)) == 0;
  origin.credentials_directory = credentials_directory;
  return parse_config(text, origin);
}

DisplayConfig display_config_of(const std::string& path) {
  DisplayConfig display;
  std::ifstream file(path);
  const auto document = nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (document.is_object() && document.contains("display")) {
    std::vector<std::string> errors;  // a display the config got wrong stays the simulator's
    DisplayConfig read;
    read_display(JsonFields(document["display"], "display", errors), read);
    if (errors.empty())
      display = read;
  }
  return display;
}

}  // namespace linkpos::config
