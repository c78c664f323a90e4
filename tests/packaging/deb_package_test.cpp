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
  EXPECT_EQ(config["wix"]["api_key_file"], "/etc/linkpos/api-key");
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
        "PrivateTmp=yes\n", "NoNewPrivileges=yes\n", "StandardError=journal\n"}) {
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  }
  // Each of these would take the framebuffer, the keypad or the printer port away.
  for (const char* setting : {"PrivateDevices=", "DevicePolicy=", "DeviceAllow=", "ProtectClock=",
                              "PrivateUsers=", "PrivateNetwork="}) {
    EXPECT_EQ(unit.find(std::string("\n") + setting), std::string::npos) << setting;
  }
  // systemd's own review of the unit, as installed.
  const auto review = run_tool({"systemd-analyze", "security", "--offline=yes", "--threshold=25",
                                "--root=" + root.string(), "linkpos.service"});
  EXPECT_EQ(review.exit_code, 0) << review.out << review.err;
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
