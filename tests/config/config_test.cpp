#include "config/config.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/loopback_url.hpp"
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
    const auto result = parse_config(json.dump(), ConfigOrigin{"", /*owner_only=*/true, ""});
    ASSERT_TRUE(std::holds_alternative<Config>(result))
        << name << ": " << std::get<std::vector<std::string>>(result).front();
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

TEST(ConfigTest, AMerchantNameIsKeptShortEnoughForTheReferenceInLinkTitles) {
  auto config = good();
  config["merchant"]["name"] = std::string(101, 'M');
  EXPECT_TRUE(mentions(errors_of(config), "merchant.name: must be 1 to 100 characters"));
  config["merchant"]["name"] = std::string(100, 'M');
  EXPECT_TRUE(errors_of(config).empty());
}

TEST(ConfigTest, DisplayConfigOfReadsTheDisplayAloneFromABrokenConfig) {
  testing::TempDir dir;
  const std::string path = dir.file("c.json");
  std::ofstream(path) << R"({"display": {"kind": "fbdev", "device": "/dev/fb1"}, "terminal": 7})";
  const auto display = display_config_of(path);
  EXPECT_EQ(display.kind, "fbdev");
  EXPECT_EQ(display.device, "/dev/fb1");
  std::ofstream(path) << "not json";
  EXPECT_EQ(display_config_of(path).kind, "sim") << "the simulator's when unreadable";
  EXPECT_EQ(display_config_of(dir.file("missing.json")).kind, "sim");
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

TEST(WixConfigTest, AKeyFileItsGroupCanReadIsRefusedWithTheChmodToRun) {
  testing::TempDir dir;
  const auto config = wix_config(dir);
  ::chmod(dir.file("api-key").c_str(), 0640);
  const auto errors = errors_of(config);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(mentions(errors, "wix.api_key_file: " + dir.file("api-key"))) << errors.front();
  EXPECT_TRUE(mentions(errors, "Run: chmod 600 " + dir.file("api-key"))) << errors.front();
  EXPECT_EQ(errors.front().find("secret-key-123"), std::string::npos) << "never the key itself";
  ::chmod(dir.file("api-key").c_str(), 0604);
  EXPECT_TRUE(mentions(errors_of(config), "chmod 600 " + dir.file("api-key")));
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

namespace linkpos::config {
namespace {

std::vector<std::string> errors_in(const ConfigResult& result) {
  if (const auto* errors = std::get_if<std::vector<std::string>>(&result))
    return *errors;
  return {};
}

// A wix config with `wix` as its wix section, written as a file of `mode` for load_config.
std::string write_config(const testing::TempDir& dir, const nlohmann::json& wix,
                         mode_t mode = 0600) {
  auto config = good();
  config["backend"]["kind"] = "wix";
  config["wix"] = wix;
  const std::string path = dir.file("config.json");
  std::ofstream(path) << config.dump(2);
  ::chmod(path.c_str(), mode);
  return path;
}

void write_key(const std::string& path, const std::string& key, mode_t mode = 0600) {
  std::ofstream(path) << key;
  ::chmod(path.c_str(), mode);
}

TEST(ApiKeyFileTest, ASymbolicLinkIsRefusedEvenToAGoodFile) {
  testing::TempDir dir;
  write_key(dir.file("real-key"), "secret-key-123\n");
  ASSERT_EQ(::symlink(dir.file("real-key").c_str(), dir.file("api-key").c_str()), 0);
  const auto errors = errors_in(load_config(
      write_config(dir, {{"site_id", "s"}, {"api_key_file", dir.file("api-key")}}), ""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(mentions(errors, dir.file("api-key") + " is a symbolic link")) << errors.front();
  EXPECT_TRUE(mentions(errors, "cp --remove-destination")) << errors.front();
}

TEST(ApiKeyFileTest, AFileOwnedByAnotherUserIsRefusedWithTheChownToRun) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "only root can give a file away";
  testing::TempDir dir;
  write_key(dir.file("api-key"), "secret-key-123\n");
  ASSERT_EQ(::chown(dir.file("api-key").c_str(), 12345, 12345), 0);
  const auto path = write_config(dir, {{"site_id", "s"}, {"api_key_file", dir.file("api-key")}});
  const auto errors = errors_in(load_config(path, ""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(mentions(errors, "neither linkpos's user (root) nor root")) << errors.front();
  EXPECT_TRUE(mentions(errors, "Run: chown root " + dir.file("api-key"))) << errors.front();
  // Owned by root and 0600 again, the same file is taken.
  ASSERT_EQ(::chown(dir.file("api-key").c_str(), 0, 0), 0);
  EXPECT_TRUE(errors_in(load_config(path, "")).empty());
}

TEST(ApiKeyFileTest, AKeyWithALineBreakOrSpaceInsideIsRefusedWithoutQuotingIt) {
  testing::TempDir dir;
  const auto path = write_config(dir, {{"site_id", "s"}, {"api_key_file", dir.file("api-key")}});
  for (const std::string key :
       {"secret-key\nX-Evil: 1", "secret key", "secret\rkey", "secret\x7fkey"}) {
    write_key(dir.file("api-key"), "  " + key + "\n");
    const auto errors = errors_in(load_config(path, ""));
    ASSERT_EQ(errors.size(), 1u) << key;
    EXPECT_TRUE(mentions(errors, "wix.api_key_file: the key in " + dir.file("api-key") + " has"))
        << errors.front();
    EXPECT_EQ(errors.front().find("secret"), std::string::npos) << errors.front();
  }
  write_key(dir.file("api-key"), "\n  IST.secret-key_123==\r\n");
  const auto loaded = load_config(path, "");
  ASSERT_TRUE(std::holds_alternative<Config>(loaded)) << errors_in(loaded).front();
  EXPECT_EQ(std::get<Config>(loaded).wix.api_key, "IST.secret-key_123==") << "the ends are trimmed";
}

TEST(ApiKeyFileTest, AnInlineKeyNeedsAConfigOnlyItsOwnerCanRead) {
  testing::TempDir dir;
  const nlohmann::json wix = {{"site_id", "s"}, {"api_key", "inline-secret"}};
  const auto open = errors_in(load_config(write_config(dir, wix, 0644), ""));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_TRUE(mentions(open, "wix.api_key: an inline key needs a config file only its owner"));
  EXPECT_TRUE(mentions(open, "chmod 600 " + dir.file("config.json"))) << open.front();
  EXPECT_EQ(open.front().find("inline-secret"), std::string::npos);

  const auto kept = load_config(write_config(dir, wix, 0600), "");
  ASSERT_TRUE(std::holds_alternative<Config>(kept)) << errors_in(kept).front();
  EXPECT_EQ(std::get<Config>(kept).wix.api_key, "inline-secret");

  // Text that is no file at all is not known to be private.
  auto config = good();
  config["backend"]["kind"] = "wix";
  config["wix"] = wix;
  EXPECT_TRUE(mentions(errors_of(config), "wix.api_key: an inline key needs"));
  // An inline key is checked as a key file's is.
  const auto broken =
      errors_in(load_config(write_config(dir, {{"site_id", "s"}, {"api_key", "in line"}}), ""));
  EXPECT_TRUE(mentions(broken, "wix.api_key: the key has whitespace inside"));
}

TEST(CredentialsTest, TheKeyFileNameExpandsTheCredentialsDirectory) {
  testing::TempDir dir;
  testing::TempDir credentials;
  write_key(credentials.file("wix-api-key"), "cred-key\n", 0400);
  const auto path = write_config(
      dir, {{"site_id", "s"}, {"api_key_file", "${CREDENTIALS_DIRECTORY}/wix-api-key"}});
  const auto loaded = load_config(path, credentials.path().string());
  ASSERT_TRUE(std::holds_alternative<Config>(loaded)) << errors_in(loaded).front();
  const auto& config = std::get<Config>(loaded);
  EXPECT_EQ(config.wix.api_key, "cred-key");
  EXPECT_EQ(config.wix.api_key_file, credentials.file("wix-api-key"));
  EXPECT_TRUE(config.warnings.empty()) << "the config names the credential: nothing to say";

  const auto without = errors_in(load_config(path, ""));
  EXPECT_TRUE(mentions(without, "wix.api_key_file: names ${CREDENTIALS_DIRECTORY}, but"));
  EXPECT_TRUE(mentions(without, "CREDENTIALS_DIRECTORY is not set"));
}

TEST(CredentialsTest, TheCredentialWinsOverTheFileAnOldConfigNamesWithAWarning) {
  testing::TempDir dir;
  testing::TempDir credentials;
  write_key(credentials.file("wix-api-key"), "cred-key\n", 0400);
  // The old key file may be gone, or readable by all: it is not read.
  const auto path =
      write_config(dir, {{"site_id", "s"}, {"api_key_file", "/etc/linkpos/old-api-key"}});
  const auto loaded = load_config(path, credentials.path().string());
  ASSERT_TRUE(std::holds_alternative<Config>(loaded)) << errors_in(loaded).front();
  const auto& config = std::get<Config>(loaded);
  EXPECT_EQ(config.wix.api_key, "cred-key");
  ASSERT_EQ(config.warnings.size(), 1u);
  EXPECT_TRUE(mentions(config.warnings, "wix.api_key_file: systemd passes the key"));
  EXPECT_TRUE(mentions(config.warnings, "/etc/linkpos/old-api-key"));
  EXPECT_TRUE(mentions(config.warnings, credentials.file("wix-api-key")));
  EXPECT_EQ(config.warnings.front().find("cred-key"), std::string::npos);

  // Without the credential in the directory, the config's own file is read (and missing here).
  std::filesystem::remove(credentials.file("wix-api-key"));
  EXPECT_TRUE(mentions(errors_in(load_config(path, credentials.path().string())),
                       "wix.api_key_file: cannot read /etc/linkpos/old-api-key"));
}

TEST(CredentialsTest, WhatLoadCredentialMakesIsAcceptedAndOthersReadingItIsNot) {
  testing::TempDir dir;
  testing::TempDir credentials;
  const auto path = write_config(dir, {{"site_id", "s"}});
  // 0400 owned by the service user, or 0440 when systemd grants it through an ACL.
  for (const mode_t mode : {0400, 0440}) {
    write_key(credentials.file("wix-api-key"), "cred-key\n", mode);
    const auto loaded = load_config(path, credentials.path().string());
    ASSERT_TRUE(std::holds_alternative<Config>(loaded))
        << mode << ": " << errors_in(loaded).front();
    EXPECT_EQ(std::get<Config>(loaded).wix.api_key, "cred-key");
    EXPECT_TRUE(std::get<Config>(loaded).warnings.empty());
  }
  ::chmod(credentials.file("wix-api-key").c_str(), 0444);
  EXPECT_TRUE(mentions(errors_in(load_config(path, credentials.path().string())),
                       "chmod 600 " + credentials.file("wix-api-key")));
}

TEST(PlainHttpTest, OnlyAnEmulatorOnThisMachineMayBeToldInClear) {
  testing::TempDir dir;
  write_key(dir.file("api-key"), "secret-key-123\n");
  for (const char* url : {"http://127.0.0.2:8080", "http://[::1]:8080/", "http://localhost:1",
                          "http://127.255.0.1"}) {
    const auto errors =
        errors_in(load_config(write_config(dir, {{"site_id", "s"},
                                                 {"api_key_file", dir.file("api-key")},
                                                 {"base_url", url},
                                                 {"allow_plain_http", true}}),
                              ""));
    EXPECT_TRUE(errors.empty()) << url << ": " << errors.front();
  }
  for (const char* url :
       {"http://example.com", "http://localhost@evil.com/", "http://127.0.0.1.evil.com",
        "http://10.0.0.1:8080", "https://www.wixapis.com"}) {
    const auto errors =
        errors_in(load_config(write_config(dir, {{"site_id", "s"},
                                                 {"api_key_file", dir.file("api-key")},
                                                 {"base_url", url},
                                                 {"allow_plain_http", true}}),
                              ""));
    EXPECT_TRUE(mentions(errors, "wix.allow_plain_http: sends the API key unencrypted")) << url;
    EXPECT_TRUE(mentions(errors, "localhost, 127.x.x.x or [::1]")) << url;
  }
}

TEST(LoopbackUrlTest, TheHostIsReadFromTheAuthorityAlone) {
  for (const char* url : {"http://localhost", "http://LocalHost:80/", "http://127.0.0.1:18443",
                          "http://127.1.2.3/x", "http://[::1]", "http://[::1]:9/?q"}) {
    EXPECT_TRUE(is_loopback_url(url)) << url;
  }
  for (const char* url :
       {"http://localhost@evil.com/", "http://evil.com@localhost/", "http://127.0.0.1.evil.com",
        "http://127.0.0.1:80@evil.com", "http://127.0.0.1\\@evil.com", "http://localhost.evil.com",
        "http://localhost.", "http://128.0.0.1", "http://127.0.0.256", "http://127.1",
        "http://0127.0.0.1", "http://[::2]", "http://[::1", "http://127.0.0.1:80:81",
        "http://127.0.0.1:x", "http://%6cocalhost", "localhost", "http://"}) {
    EXPECT_FALSE(is_loopback_url(url)) << url;
  }
}

}  // namespace
}  // namespace linkpos::config
