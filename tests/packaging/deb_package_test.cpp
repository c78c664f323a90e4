// The .deb of this build, as dpkg, readelf and lintian see it: what it ships, what it declares,
// and what it depends on.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "fakes/temp_dir.hpp"
#include "packaging/package_under_test.hpp"

namespace linkpos::testing {
namespace {

using namespace package;

// The regular files in the package, with their modes and owners ("-rwxr-xr-x root/root").
std::map<std::string, std::string> files_in(const fs::path& deb) {
  std::map<std::string, std::string> files;
  for (const auto& line : lines_of(run_tool({"dpkg-deb", "--contents", deb.string()}).out)) {
    std::istringstream fields(line);
    std::string mode, owner, size, date, time, path;
    fields >> mode >> owner >> size >> date >> time >> path;
    if (mode.front() != 'd')
      files[path] = mode + " " + owner;
  }
  return files;
}

// "a (>= 1), b | c" -> {"a (>= 1)", "b | c"}
std::vector<std::string> relations(const std::string& field) {
  std::vector<std::string> out;
  std::istringstream stream(field);
  for (std::string relation; std::getline(stream, relation, ',');) {
    relation.erase(0, relation.find_first_not_of(' '));
    out.push_back(relation);
  }
  return out;
}

struct Relation {
  std::string package;
  std::string version;  // after ">=", empty when unversioned
};

Relation parse_relation(const std::string& text) {
  static const std::regex pattern(R"(^([a-z0-9.+-]+)(?: \(>= ([^)]+)\))?$)");
  std::smatch match;
  if (!std::regex_match(text, match, pattern))
    return {text, ""};
  return {match[1], match[2]};
}

bool version_at_least(const std::string& version, const std::string& floor) {
  return run_tool({"dpkg", "--compare-versions", version, "ge", floor}).exit_code == 0;
}

class DebPackageTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(made()); }

  // The package's files, unpacked with dpkg-deb (no maintainer scripts run).
  fs::path unpacked() {
    run_tool({"dpkg-deb", "--extract", deb().string(), dir_.path().string()});
    return dir_.path();
  }

  TempDir dir_;
};

TEST_F(DebPackageTest, IsNamedAndLabelledWithItsVersionAndArchitecture) {
  EXPECT_EQ(control_field(deb(), "Package"), "linkpos");
  EXPECT_EQ(control_field(deb(), "Version"), kVersion);
  EXPECT_EQ(control_field(deb(), "Architecture"), kArch);
}

TEST_F(DebPackageTest, ShipsTheFirmwareItsServiceAndAConfigTemplateAndNothingElse) {
  const std::map<std::string, std::string> expected{
      {"./usr/bin/linkpos", "-rwxr-xr-x root/root"},
      {"./etc/linkpos/config.json", "-rw-r--r-- root/root"},
      {"./lib/systemd/system/linkpos.service", "-rw-r--r-- root/root"},
      {"./usr/lib/sysusers.d/linkpos.conf", "-rw-r--r-- root/root"},
      {"./usr/share/doc/linkpos/copyright", "-rw-r--r-- root/root"},
      {"./usr/share/doc/linkpos/changelog.gz", "-rw-r--r-- root/root"},
      {"./usr/share/man/man1/linkpos.1.gz", "-rw-r--r-- root/root"},
      {"./usr/share/lintian/overrides/linkpos", "-rw-r--r-- root/root"},
  };
  // No wixsim, no tests, no test certificates, and no API key: the key is the site's secret.
  EXPECT_EQ(files_in(deb()), expected);
}

TEST_F(DebPackageTest, MarksTheConfigAsAConffileSoATechniciansEditsSurviveUpgrades) {
  const auto conffiles = run_tool({"dpkg-deb", "--info", deb().string(), "conffiles"}).out;
  EXPECT_EQ(conffiles, "/etc/linkpos/config.json\n");
}

TEST_F(DebPackageTest, ItsConfigTemplateIsTheCheckedSerialPrinterBoardConfig) {
  const auto root = unpacked();
  const auto shipped = read_file(root / "etc/linkpos/config.json");
  EXPECT_EQ(shipped, read_file(fs::path(LINKPOS_SOURCE_DIR) / "config/board-serial-printer.json"));

  // The paths the service's unit and the maintainer scripts provide.
  const auto config = nlohmann::json::parse(shipped);
  EXPECT_EQ(config["wix"]["api_key_file"], "${CREDENTIALS_DIRECTORY}/wix-api-key");
  EXPECT_EQ(config["ledger"]["path"], "/var/lib/linkpos/ledger.sqlite");
}

TEST_F(DebPackageTest, DescribesItselfToTechnicians) {
  EXPECT_NE(control_field(deb(), "Maintainer").find('@'), std::string::npos);
  EXPECT_EQ(control_field(deb(), "Section"), "misc");
  EXPECT_EQ(control_field(deb(), "Priority"), "optional");
  const auto description = lines_of(control_field(deb(), "Description"));
  ASSERT_GE(description.size(), 3u);  // a synopsis and a paragraph
  EXPECT_NE(description.front().find("Wix Payment Links"), std::string::npos);
}

TEST_F(DebPackageTest, RunsItsServiceUnderTheHardeningThePackagingPromises) {
  const auto root = unpacked();
  const auto unit = read_file(root / "lib/systemd/system/linkpos.service");
  for (const char* line :
       {"ExecStart=/usr/bin/linkpos --config /etc/linkpos/config.json\n", "User=linkpos\n",
        "SupplementaryGroups=video input lp dialout\n", "Restart=on-failure\n",
        "StateDirectory=linkpos\n", "ProtectSystem=strict\n", "ProtectHome=yes\n",
        "PrivateTmp=yes\n", "PrivateMounts=yes\n", "PrivateIPC=yes\n", "ProtectClock=yes\n",
        "NoNewPrivileges=yes\n", "LimitCORE=0\n", "StandardError=journal\n"}) {
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  }
  // Each of these would take the framebuffer, the keypad or the printer port away, or the
  // network the terminal sells through.
  for (const char* setting : {"PrivateDevices=", "PrivateUsers=", "PrivateNetwork="}) {
    EXPECT_EQ(unit.find(std::string("\n") + setting), std::string::npos) << setting;
  }
}

// systemd tells it when the firmware is ready and kills it when its loop stops answering.
TEST_F(DebPackageTest, ItsServiceIsANotifyServiceWithAThirtySecondWatchdog) {
  const auto unit = read_file(unpacked() / "lib/systemd/system/linkpos.service");
  for (const char* line : {"\nType=notify\n", "\nNotifyAccess=main\n", "\nWatchdogSec=30s\n"}) {
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  }
}

// Closed to every device but the pseudo-devices and the classes a terminal's panel, keypad and
// printers use, whatever groups could otherwise open.
TEST_F(DebPackageTest, ItsServiceOpensOnlyTheDeviceClassesOfAPanelAKeypadAndPrinters) {
  const auto unit = read_file(unpacked() / "lib/systemd/system/linkpos.service");
  EXPECT_NE(unit.find("\nDevicePolicy=closed\n"), std::string::npos);
  std::set<std::string> allowed;
  for (const auto& line : lines_of(unit)) {
    if (line.rfind("DeviceAllow=", 0) == 0)
      allowed.insert(line.substr(std::string("DeviceAllow=").size()));
  }
  const std::set<std::string> expected{"char-fb rw",     "char-input r",   "char-usb rw",
                                       "char-lp rw",     "char-ttyS rw",   "char-ttyUSB rw",
                                       "char-ttyACM rw", "char-ttyAMA rw", "char-ttymxc rw"};
  EXPECT_EQ(allowed, expected);
}

// The key reaches the service as $CREDENTIALS_DIRECTORY/wix-api-key from a file only root reads;
// a missing file falls back to an empty key (a newline), so linkpos starts and says so.
TEST_F(DebPackageTest, ItsServiceGetsTheApiKeyAsACredentialThatMayBeMissing) {
  const auto unit = read_file(unpacked() / "lib/systemd/system/linkpos.service");
  EXPECT_NE(unit.find("\nLoadCredential=wix-api-key:/etc/linkpos/wix-api-key\n"),
            std::string::npos);
  EXPECT_NE(unit.find("\nSetCredential=wix-api-key:\\n\n"), std::string::npos);
}

// Debian 12 runs systemd 252: a setting from a later systemd would be ignored there, silently
// taking its protection away. The host's systemd-analyze is the one that knows which exist.
TEST_F(DebPackageTest, ItsServiceUsesOnlySettingsTheHostsSystemdKnows) {
  const auto root = unpacked();
  const auto verify = run_tool({"systemd-analyze", "verify", "--man=no", "--root=" + root.string(),
                                (root / "lib/systemd/system/linkpos.service").string()});
  for (const auto& line : lines_of(verify.err)) {
    EXPECT_EQ(line.find("ignoring"), std::string::npos) << line;
    EXPECT_EQ(line.find("Unknown"), std::string::npos) << line;
  }
}

// systemd's own review of the unit, as installed: 1.5 or lower. What stays open, and why, is in
// packaging/README.md.
TEST_F(DebPackageTest, SystemdRatesItsServiceExposureAtOnePointFiveOrLower) {
  const auto review = run_tool({"systemd-analyze", "security", "--offline=true", "--threshold=15",
                                "--root=" + unpacked().string(), "linkpos.service"});
  EXPECT_EQ(review.exit_code, 0) << review.out << review.err;
  const std::regex overall(R"(Overall exposure level for linkpos\.service: (\d+)\.(\d))");
  std::smatch match;
  const auto text = review.out + review.err;
  ASSERT_TRUE(std::regex_search(text, match, overall)) << text;
  EXPECT_LE(std::stoi(match[1]) * 10 + std::stoi(match[2]), 15) << match[0];
}

TEST_F(DebPackageTest, CarriesAStrippedBinaryForItsArchitecture) {
  const auto binary = (unpacked() / "usr/bin/linkpos").string();
  const auto header = run_tool({"readelf", "--file-header", binary}).out;
  const std::map<std::string, std::string> machine{
      {"amd64", "X86-64"}, {"arm64", "AArch64"}, {"armhf", "ARM"}};
  ASSERT_TRUE(machine.count(kArch)) << kArch;
  EXPECT_TRUE(std::regex_search(header, std::regex("Machine: +.*" + machine.at(kArch) + "\n")))
      << header;
  if (kArch == "armhf") {
    EXPECT_NE(header.find("hard-float ABI"), std::string::npos) << header;
  }

  const auto sections = run_tool({"readelf", "--section-headers", "--wide", binary}).out;
  EXPECT_EQ(sections.find(".symtab"), std::string::npos);
  EXPECT_EQ(sections.find(".debug_info"), std::string::npos);
}

TEST_F(DebPackageTest, DependsOnTheCaBundleAndOnSysusersBesidesItsLibraries) {
  const auto depends = relations(control_field(deb(), "Depends"));
  EXPECT_NE(std::find(depends.begin(), depends.end(), "ca-certificates"), depends.end());
  EXPECT_NE(std::find(depends.begin(), depends.end(),
                      "systemd | systemd-standalone-sysusers | systemd-sysusers"),
            depends.end());
}

// The written-out Depends (the same for native and cross builds) against dpkg-shlibdeps, which
// knows every library's package and the versions the binary's symbols need, but only for the
// machine's own architecture.
TEST_F(DebPackageTest, DependsOnEveryLibraryDpkgShlibdepsFindsAtLeastAsStrictly) {
  const auto host = run_tool({"dpkg", "--print-architecture"}).out;
  if (host != kArch + "\n")
    GTEST_SKIP() << "dpkg-shlibdeps sees only the host's architecture";

  const auto root = unpacked();
  fs::create_directories(root / "debian");
  write_file(root / "debian/control", "");
  const auto shlibdeps =
      run_tool({"dpkg-shlibdeps", "-O", "--warnings=0", "usr/bin/linkpos"}, root.string());
  ASSERT_EQ(shlibdeps.exit_code, 0) << shlibdeps.err;
  const std::string prefix = "shlibs:Depends=";
  ASSERT_EQ(shlibdeps.out.rfind(prefix, 0), 0u) << shlibdeps.out;
  auto found_text = shlibdeps.out.substr(prefix.size());
  found_text.erase(found_text.find_last_not_of('\n') + 1);

  std::map<std::string, std::string> declared;
  for (const auto& text : relations(control_field(deb(), "Depends"))) {
    const auto relation = parse_relation(text);
    declared[relation.package] = relation.version;
  }
  std::set<std::string> needed;
  for (const auto& text : relations(found_text)) {
    const auto relation = parse_relation(text);
    needed.insert(relation.package);
    ASSERT_TRUE(declared.count(relation.package)) << relation.package << " is not in Depends";
    EXPECT_TRUE(version_at_least(declared[relation.package], relation.version))
        << relation.package << ": Depends asks " << declared[relation.package]
        << ", the binary needs " << relation.version;
  }
  // And nothing beyond what the binary links and the two packages it needs otherwise.
  for (const auto& [name, version] : declared) {
    const bool other_need = name == "ca-certificates" || name.rfind("systemd | ", 0) == 0;
    EXPECT_TRUE(needed.count(name) || other_need) << name << " is not needed";
  }
}

TEST_F(DebPackageTest, PassesLintianWithNoErrorOrWarning) {
  // Overrides are shipped in the package (usr/share/lintian/overrides/linkpos), each explained.
  const auto lintian = run_tool({"lintian", "--fail-on", "error,warning", "--display-info",
                                 "--no-tag-display-limit", deb().string()},
                                "", std::chrono::seconds(300));
  EXPECT_EQ(lintian.exit_code, 0) << lintian.out << lintian.err;
  for (const auto& line : lines_of(lintian.out)) {
    EXPECT_TRUE(line.rfind("E: ", 0) != 0 && line.rfind("W: ", 0) != 0) << line;
  }
}

}  // namespace
}  // namespace linkpos::testing
