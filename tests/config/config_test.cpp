#include "config/config.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fakes/temp_dir.hpp"

namespace linkpos::config {
namespace {

nlohmann::json good() {
  return nlohmann::json::parse(R"({
    "terminal": {"id": "T1", "currency": "JPY", "max_amount": "50000", "payment_timeout_seconds": 120},
    "merchant": {"name": "Ramen Ya", "vat_rate": "10"},
    "backend": {"kind": "demo"}
  })");
}

std::vector<std::string> errors_of(const nlohmann::json& config) {
  auto result = parse_config(config.dump());
  if (std::holds_alternative<Config>(result))
    return {};
  return std::get<std::vector<std::string>>(result);
}

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& error : errors) {
    if (error.find(text) != std::string::npos)
      return true;
  }
  return false;
}

TEST(ConfigTest, AMinimalConfigTakesTheDefaults) {
  const auto result = parse_config(good().dump());
  ASSERT_TRUE(std::holds_alternative<Config>(result)) << errors_of(good()).front();
  const auto& config = std::get<Config>(result);
  EXPECT_EQ(config.settings.terminal_id, "T1");
  EXPECT_EQ(config.settings.currency.code, "JPY");
  EXPECT_EQ(config.settings.max_amount_minor, 50000);
  EXPECT_EQ(config.settings.payment_timeout, std::chrono::seconds(120));
  EXPECT_EQ(config.settings.merchant.vat_rate_basis_points, 1000);
  EXPECT_EQ(config.display.width, 320);
  EXPECT_EQ(config.display.height, 240);
  EXPECT_EQ(config.printer.code_page.charset, "CP858");
  EXPECT_EQ(config.ledger.path, "/var/lib/linkpos/ledger.sqlite");
}

TEST(ConfigTest, TheShippedDemoConfigLoads) {
  const auto result = load_config(LINKPOS_SOURCE_DIR "/config/demo.json");
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  EXPECT_EQ(std::get<Config>(result).backend.kind, "demo");
}

TEST(ConfigTest, TheShippedBoardConfigsLoad) {
  for (const char* name :
       {"board-serial-printer", "board-usb-printer", "board-network-printer", "wixsim"}) {
    const std::string path = std::string(LINKPOS_SOURCE_DIR "/config/") + name + ".json";
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    auto json = nlohmann::json::parse(text.str());
    // The key file named in a board config lives on the board; here an inline key stands in.
    json["wix"].erase("api_key_file");
    json["wix"]["api_key"] = "test";
    const auto result = parse_config(json.dump());
    ASSERT_TRUE(std::holds_alternative<Config>(result)) << name << ": " << errors_of(json).front();
    const auto& config = std::get<Config>(result);
    EXPECT_EQ(config.backend.kind, "wix") << name;
    if (std::string(name) != "wixsim") {
      EXPECT_EQ(config.display.kind, "fbdev") << name;
      EXPECT_EQ(config.keypad.kind, "evdev") << name;
      EXPECT_EQ(config.wix.base_url, "https://www.wixapis.com") << name;
    }
  }
}

TEST(ConfigTest, PrinterTransportsNeedWhereThePrinterIs) {
  auto config = good();
  config["printer"] = {{"kind", "serial"}};
  EXPECT_TRUE(mentions(errors_of(config), "printer.device: missing"));
  config["printer"] = {{"kind", "tcp"}, {"port", 70000}};
  const auto errors = errors_of(config);
  EXPECT_TRUE(mentions(errors, "printer.host: missing"));
  EXPECT_TRUE(mentions(errors, "printer.port: 70000 is out of range"));
  config["printer"] = {{"kind", "serial"}, {"device", "/dev/ttyS0"}, {"flow_control", "rts"}};
  EXPECT_TRUE(mentions(errors_of(config), "printer.flow_control: \"rts\" must be"));
  config["printer"] = {{"kind", "usb"}};
  const auto usb = parse_config(config.dump());
  ASSERT_TRUE(std::holds_alternative<Config>(usb));
  EXPECT_EQ(std::get<Config>(usb).printer.device, "/dev/usb/lp0");
}

TEST(ConfigTest, EveryBadFieldIsNamedInOneGo) {
  auto config = good();
  config["terminal"]["currency"] = "EUX";
  config["terminal"]["payment_timeout_seconds"] = 5;
  config["merchant"]["name"] = 42;
  config["merchant"]["vat_rate"] = "120";
  config["display"]["width"] = "wide";
  config["printer"]["code_page"]["esc_t"] = 300;
  const auto errors = errors_of(config);
  EXPECT_TRUE(mentions(errors, "terminal.currency: \"EUX\" is not an ISO 4217 code"))
      << errors.front();
  EXPECT_TRUE(
      mentions(errors, "terminal.payment_timeout_seconds: 5 is out of range; use 10 to 3600"));
  EXPECT_TRUE(mentions(errors, "merchant.name: must be a string"));
  EXPECT_TRUE(mentions(errors, "merchant.vat_rate: \"120\" must be a percentage"));
  EXPECT_TRUE(mentions(errors, "display.width: must be a whole number"));
  EXPECT_TRUE(mentions(errors, "printer.code_page.esc_t: 300 is out of range"));
  EXPECT_EQ(errors.size(), 6u);
}

TEST(ConfigTest, MissingRequiredFieldsAreNamed) {
  const auto errors = errors_of(nlohmann::json::object());
  EXPECT_TRUE(mentions(errors, "terminal.id: missing"));
  EXPECT_TRUE(mentions(errors, "terminal.currency: missing"));
  EXPECT_TRUE(mentions(errors, "terminal.max_amount: missing"));
  EXPECT_TRUE(mentions(errors, "merchant.name: missing"));
  EXPECT_TRUE(mentions(errors, "backend.kind: missing"));
}

TEST(ConfigTest, AMisspeltFieldIsNotSilentlyIgnored) {
  auto config = good();
  config["terminal"]["payment_timout_seconds"] = 60;
  EXPECT_TRUE(mentions(errors_of(config), "terminal.payment_timout_seconds: unknown field"));
}

TEST(ConfigTest, MoneyMustBeADecimalStringWithTheCurrencysDecimals) {
  auto config = good();
  config["terminal"]["max_amount"] = "500.50";  // JPY has no decimals
  EXPECT_TRUE(mentions(
      errors_of(config),
      "terminal.max_amount: \"500.50\" must be a positive amount with at most 0 decimals"));
  config["terminal"]["max_amount"] = 500;
  EXPECT_TRUE(mentions(errors_of(config), "terminal.max_amount: must be a string"));
}

TEST(ConfigTest, TerminalIdsAreKeptSafeForReferencesAndFileNames) {
  auto config = good();
  config["terminal"]["id"] = "till/1";
  EXPECT_TRUE(mentions(errors_of(config), "terminal.id: \"till/1\" must be 1 to 32 letters"));
}

TEST(ConfigTest, BrokenJsonSaysWhere) {
  const auto result = parse_config("{\"terminal\": {\"id\": \"T1\",}}");
  ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(result));
  const auto& errors = std::get<std::vector<std::string>>(result);
  EXPECT_TRUE(mentions(errors, "not valid JSON"));
  EXPECT_TRUE(mentions(errors, "line 1"));
}

TEST(ConfigTest, AMissingFileIsNamed) {
  const auto result = load_config("/nonexistent/linkpos.json");
  ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(result));
  EXPECT_TRUE(mentions(std::get<std::vector<std::string>>(result), "/nonexistent/linkpos.json"));
}

TEST(ConfigTest, AnUnknownLanguageIsRefused) {
  auto config = good();
  config["terminal"]["language"] = "xx";
  EXPECT_TRUE(mentions(errors_of(config), "terminal.language: \"xx\" has no string table"));
}

}  // namespace
}  // namespace linkpos::config

namespace linkpos::config {
namespace {

nlohmann::json wix_config(const testing::TempDir& dir) {
  auto config = good();
  config["backend"]["kind"] = "wix";
  const std::string key_file = dir.file("api-key");
  std::ofstream(key_file) << "  secret-key-123\n";
  ::chmod(key_file.c_str(), 0600);
  config["wix"] = {{"site_id", "site-1"}, {"api_key_file", key_file}};
  return config;
}

TEST(WixConfigTest, TheKeyComesFromItsOwnFileTrimmedAndTheHostDefaultsToWix) {
  testing::TempDir dir;
  const auto result = parse_config(wix_config(dir).dump());
  ASSERT_TRUE(std::holds_alternative<Config>(result)) << errors_of(wix_config(dir)).front();
  const auto& config = std::get<Config>(result);
  EXPECT_EQ(config.wix.base_url, "https://www.wixapis.com");
  EXPECT_EQ(config.wix.api_key, "secret-key-123");
  EXPECT_EQ(config.wix.site_id, "site-1");
  EXPECT_EQ(config.wix.ca_file, "/etc/ssl/certs/ca-certificates.crt");
  EXPECT_TRUE(config.warnings.empty());
}

TEST(WixConfigTest, AKeyFileOthersCanReadIsAWarning) {
  testing::TempDir dir;
  const auto config = wix_config(dir);
  ::chmod(dir.file("api-key").c_str(), 0644);
  const auto result = parse_config(config.dump());
  ASSERT_TRUE(std::holds_alternative<Config>(result));
  const auto& warnings = std::get<Config>(result).warnings;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings.front().find("chmod 600"), std::string::npos);
  EXPECT_EQ(warnings.front().find("secret-key-123"), std::string::npos) << "never the key itself";
}

TEST(WixConfigTest, MissingSiteAndKeyAreNamedAndTheKeyNeverAppearsInMessages) {
  testing::TempDir dir;
  auto config = wix_config(dir);
  config["wix"].erase("site_id");
  config["wix"]["api_key"] = "inline-secret";
  const auto errors = errors_of(config);
  EXPECT_TRUE(mentions(errors, "wix.site_id: missing"));
  EXPECT_TRUE(mentions(errors, "wix.api_key: give the key either in api_key_file or inline"));
  for (const auto& error : errors)
    EXPECT_EQ(error.find("secret"), std::string::npos) << error;
}

TEST(WixConfigTest, PlainHttpOnlyWhenAllowedExplicitly) {
  testing::TempDir dir;
  auto config = wix_config(dir);
  config["wix"]["base_url"] = "http://localhost:8080";
  EXPECT_TRUE(mentions(errors_of(config), "wix.base_url: \"http://localhost:8080\" is plain HTTP"));
  config["wix"]["allow_plain_http"] = true;
  EXPECT_TRUE(errors_of(config).empty());
}

TEST(WixConfigTest, AnUnreadableKeyFileIsNamed) {
  testing::TempDir dir;
  auto config = wix_config(dir);
  config["wix"]["api_key_file"] = dir.file("missing-key");
  EXPECT_TRUE(mentions(errors_of(config), "wix.api_key_file: cannot read"));
}

TEST(WixConfigTest, TheLinkOutlivesThePaymentTimeout) {
  auto config = good();
  EXPECT_EQ(std::get<Config>(parse_config(config.dump())).settings.link_validity,
            std::chrono::seconds(180));
  config["terminal"]["link_validity_seconds"] = 60;
  EXPECT_TRUE(mentions(errors_of(config), "terminal.link_validity_seconds: must be at least"));
}

}  // namespace
}  // namespace linkpos::config
