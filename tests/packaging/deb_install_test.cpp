// The .deb installed, upgraded, removed and purged by the real dpkg, maintainer scripts and all,
// in a fresh root: dpkg --root with --force-script-chrootless runs the scripts without chroot
// and with DPKG_ROOT set, so they make the user in that root's /etc/passwd and leave the running
// system's services alone. Library dependencies are not installed there (--force-depends).
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "fakes/temp_dir.hpp"
#include "packaging/package_under_test.hpp"

namespace linkpos::testing {
namespace {

using namespace package;

struct Owner {
  unsigned uid = 0;
  unsigned gid = 0;
  bool operator==(const Owner&) const = default;
};

struct FileState {
  Owner owner;
  unsigned mode = 0;  // permission bits
  std::uintmax_t size = 0;
};

FileState state_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return {{~0u, ~0u}, 0, 0};
  return {
      {info.st_uid, info.st_gid}, info.st_mode & 07777u, static_cast<std::uintmax_t>(info.st_size)};
}

class DebInstallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(made());
    if (geteuid() != 0)
      GTEST_SKIP() << "installing a package (chown in postinst) needs root";
    for (const char* folder :
         {"var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"}) {
      fs::create_directories(root() / folder);
    }
    write_file(root() / "var/lib/dpkg/status", "");
  }

  const fs::path& root() const { return root_.path(); }

  // dpkg acting on the root, with `options` before the package or action. Foreign architectures
  // (a cross build's package) are allowed: nothing in the root is run but the shell scripts.
  ToolResult dpkg(std::vector<std::string> options) {
    std::vector<std::string> arguments{"dpkg",
                                       "--root=" + root().string(),
                                       "--log=" + (root() / "dpkg.log").string(),
                                       "--force-script-chrootless",
                                       "--force-depends",
                                       "--force-architecture"};
    arguments.insert(arguments.end(), options.begin(), options.end());
    return run_tool(arguments);
  }

  ToolResult install(const fs::path& package, std::vector<std::string> options = {}) {
    options.push_back("--install");
    options.push_back(package.string());
    return dpkg(options);
  }

  std::string status() {
    return run_tool({"dpkg-query", "--admindir=" + (root() / "var/lib/dpkg").string(), "--show",
                     "--showformat=${Status} ${Version}", "linkpos"})
        .out;
  }

  // linkpos's line in the root's /etc/passwd: name:x:uid:gid:gecos:home:shell
  std::vector<std::string> passwd_entry() {
    for (const auto& line : lines_of(read_file(root() / "etc/passwd"))) {
      if (line.rfind("linkpos:", 0) != 0)
        continue;
      std::vector<std::string> fields;
      std::istringstream stream(line);
      for (std::string field; std::getline(stream, field, ':');)
        fields.push_back(field);
      return fields;
    }
    return {};
  }

  Owner linkpos_owner() {
    const auto entry = passwd_entry();
    if (entry.size() < 4)
      return {~0u, ~0u};
    return {static_cast<unsigned>(std::stoul(entry[2])),
            static_cast<unsigned>(std::stoul(entry[3]))};
  }

  // This package as the next version, its config template changed if `new_template` is given.
  fs::path next_version(const std::string& new_template = "") {
    const auto tree = scratch_.path() / "next";
    run_tool({"dpkg-deb", "--raw-extract", deb().string(), tree.string()});
    write_file(tree / "DEBIAN/control",
               replaced(read_file(tree / "DEBIAN/control"), "Version: " + kVersion + "\n",
                        "Version: " + kVersion + "+next\n"));
    if (!new_template.empty())
      write_file(tree / "etc/linkpos/config.json", new_template);
    const auto package = scratch_.path() / "next.deb";
    const auto built = run_tool(
        {"dpkg-deb", "--root-owner-group", "-Znone", "--build", tree.string(), package.string()});
    EXPECT_EQ(built.exit_code, 0) << built.err;
    return package;
  }

  // What a technician does after installing: the terminal's own config and the site's key.
  void configure_as_a_technician() {
    write_file(root() / "etc/linkpos/config.json",
               replaced(read_file(root() / "etc/linkpos/config.json"), "SHOP1-T1", "SHOP9-T3"));
    write_file(root() / "etc/linkpos/wix-api-key", "IST.test-key\n");
    write_file(root() / "var/lib/linkpos/ledger.sqlite", "sales");
  }

  // What a version before the credential left: the empty /etc/linkpos/api-key of linkpos's own
  // its postinst made, its config naming a key file (that one or another) that holds the key,
  // and no /etc/linkpos/wix-api-key.
  void make_it_an_older_versions_install(const std::string& key_path = "/etc/linkpos/api-key") {
    configure_as_a_technician();
    fs::remove(root() / "etc/linkpos/wix-api-key");
    write_file(root() / "etc/linkpos/config.json",
               replaced(read_file(root() / "etc/linkpos/config.json"),
                        "\"${CREDENTIALS_DIRECTORY}/wix-api-key\"", "\"" + key_path + "\""));
    give_linkpos(root() / "etc/linkpos/api-key", "");
    const auto old_key = root() / fs::path(key_path).relative_path();
    fs::create_directories(old_key.parent_path());
    give_linkpos(old_key, "IST.old-key\n");
  }

  void give_linkpos(const fs::path& file, const std::string& bytes) {
    write_file(file, bytes);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    const auto owner = linkpos_owner();
    ASSERT_EQ(::chown(file.c_str(), owner.uid, owner.gid), 0);
  }

  // This package as a version before the credential: a lower version whose unit has no
  // LoadCredential= and whose maintainer scripts do nothing.
  fs::path version_before_the_credential() {
    const auto tree = scratch_.path() / "older";
    run_tool({"dpkg-deb", "--raw-extract", deb().string(), tree.string()});
    write_file(tree / "DEBIAN/control",
               replaced(read_file(tree / "DEBIAN/control"), "Version: " + kVersion + "\n",
                        "Version: " + kVersion + "~older\n"));
    const auto unit = tree / "lib/systemd/system/linkpos.service";
    std::string without;
    for (const auto& line : lines_of(read_file(unit))) {
      if (line.find("Credential=") == std::string::npos)
        without += line + "\n";
    }
    write_file(unit, without);
    for (const char* script : {"postinst", "prerm", "postrm"})
      write_file(tree / "DEBIAN" / script, "#!/bin/sh\nexit 0\n");
    const auto package = scratch_.path() / "older.deb";
    const auto built = run_tool(
        {"dpkg-deb", "--root-owner-group", "-Znone", "--build", tree.string(), package.string()});
    EXPECT_EQ(built.exit_code, 0) << built.err;
    return package;
  }

  TempDir root_;
  TempDir scratch_;
};

TEST_F(DebInstallTest,
       InstallsWithItsUserAnEmptyKeyFileOnlyRootReadsTheLedgerFolderAndTheServiceEnabled) {
  const auto result = install(deb());
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(status(), "install ok installed " + kVersion);

  // A system user that logs in nowhere, made by systemd-sysusers from the shipped sysusers.d file.
  const auto entry = passwd_entry();
  ASSERT_EQ(entry.size(), 7u);
  EXPECT_EQ(entry[5], "/var/lib/linkpos");
  EXPECT_EQ(entry[6], "/usr/sbin/nologin");
  const auto owner = linkpos_owner();
  EXPECT_LT(owner.uid, 1000u);

  // systemd reads it for the service (LoadCredential=); linkpos never opens it itself.
  const auto key = state_of(root() / "etc/linkpos/wix-api-key");
  EXPECT_EQ(key.owner, (Owner{0, 0}));
  EXPECT_EQ(key.mode, 0600u);
  EXPECT_EQ(key.size, 0u);
  EXPECT_FALSE(fs::exists(root() / "etc/linkpos/api-key"));

  const auto ledger_folder = state_of(root() / "var/lib/linkpos");
  EXPECT_EQ(ledger_folder.owner, owner);
  EXPECT_EQ(ledger_folder.mode, 0750u);

  const auto wants = root() / "etc/systemd/system/multi-user.target.wants/linkpos.service";
  ASSERT_TRUE(fs::is_symlink(wants));
  EXPECT_EQ(fs::read_symlink(wants), "/lib/systemd/system/linkpos.service");
}

TEST_F(DebInstallTest, TheInstalledFirmwareRunsWithTheSystemsLibraries) {
  if (run_tool({"dpkg", "--print-architecture"}).out != kArch + "\n") {
    GTEST_SKIP() << "a " << kArch << " binary does not run here";
  }
  ASSERT_EQ(install(deb()).exit_code, 0);
  const auto version = run_tool({(root() / "usr/bin/linkpos").string(), "--version"});
  EXPECT_EQ(version.exit_code, 0) << version.err;
  EXPECT_EQ(version.out.rfind("linkpos ", 0), 0u) << version.out;
}

TEST_F(DebInstallTest, AnUpgradeKeepsTheTechniciansConfigKeyAndLedger) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  configure_as_a_technician();
  const auto config = read_file(root() / "etc/linkpos/config.json");

  const auto result = install(next_version());
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(status(), "install ok installed " + kVersion + "+next");
  EXPECT_EQ(read_file(root() / "etc/linkpos/config.json"), config);
  EXPECT_EQ(read_file(root() / "etc/linkpos/wix-api-key"), "IST.test-key\n");
  EXPECT_EQ(state_of(root() / "etc/linkpos/wix-api-key").mode, 0600u);
  EXPECT_EQ(read_file(root() / "var/lib/linkpos/ledger.sqlite"), "sales");
}

// Fleets keep their old configs (force-confold), which name the old key file: the key moves to
// root's file, which the unit passes as the credential linkpos prefers. Doing it again changes
// nothing.
TEST_F(DebInstallTest, AnUpgradeMovesAnOlderVersionsKeyFileToRootOnceAndKeepsItsConfig) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  make_it_an_older_versions_install();
  const auto config = read_file(root() / "etc/linkpos/config.json");

  const auto next = next_version();
  for (int time = 0; time < 2; ++time) {
    const auto result = install(next);
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(read_file(root() / "etc/linkpos/wix-api-key"), "IST.old-key\n") << time;
    const auto key = state_of(root() / "etc/linkpos/wix-api-key");
    EXPECT_EQ(key.owner, (Owner{0, 0})) << time;
    EXPECT_EQ(key.mode, 0600u) << time;
    EXPECT_FALSE(fs::exists(root() / "etc/linkpos/api-key")) << time;
    EXPECT_EQ(read_file(root() / "etc/linkpos/config.json"), config) << time;
  }
}

TEST_F(DebInstallTest, AnUpgradeMovesTheKeyFileAnOlderConfigNamesWhereverItIs) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  make_it_an_older_versions_install("/etc/linkpos/keys/site.key");
  ASSERT_EQ(install(next_version()).exit_code, 0);
  EXPECT_EQ(read_file(root() / "etc/linkpos/wix-api-key"), "IST.old-key\n");
  EXPECT_FALSE(fs::exists(root() / "etc/linkpos/keys/site.key"));
  // The empty file the older version's postinst made beside it has no key to keep.
  EXPECT_FALSE(fs::exists(root() / "etc/linkpos/api-key"));
}

// A key already in root's file wins; a leftover old one is not deleted (it may be another key),
// only taken out of linkpos's reach.
TEST_F(DebInstallTest, AnUpgradeKeepsAKeyAlreadyInRootsFileAndTakesTheOldOneFromLinkpos) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  make_it_an_older_versions_install();
  write_file(root() / "etc/linkpos/wix-api-key", "IST.new-key\n");
  ASSERT_EQ(install(next_version()).exit_code, 0);
  EXPECT_EQ(read_file(root() / "etc/linkpos/wix-api-key"), "IST.new-key\n");
  EXPECT_EQ(read_file(root() / "etc/linkpos/api-key"), "IST.old-key\n");
  const auto old_key = state_of(root() / "etc/linkpos/api-key");
  EXPECT_EQ(old_key.owner, (Owner{0, 0}));
  EXPECT_EQ(old_key.mode, 0600u);
}

// Rolling back to a version whose linkpos reads its key itself, as linkpos: the key goes back.
TEST_F(DebInstallTest, ADowngradeToAVersionBeforeTheCredentialGivesLinkposItsKeyFileBack) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  configure_as_a_technician();
  const auto result = install(version_before_the_credential());
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(status(), "install ok installed " + kVersion + "~older");
  EXPECT_EQ(read_file(root() / "etc/linkpos/api-key"), "IST.test-key\n");
  const auto old_key = state_of(root() / "etc/linkpos/api-key");
  EXPECT_EQ(old_key.owner, linkpos_owner());
  EXPECT_EQ(old_key.mode, 0600u);
}

// An update nobody attends (Mender's deb module runs dpkg -i) cannot answer dpkg's question
// about a config both the technician and the new version changed: the package is left
// half-installed. Boards updated that way carry force-confdef and force-confold in their dpkg
// configuration (packaging/README.md), and then keep the technician's file.
TEST_F(DebInstallTest, AnUnattendedUpgradeWithANewTemplateNeedsForceConfoldAndThenKeepsTheConfig) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  configure_as_a_technician();
  const auto config = read_file(root() / "etc/linkpos/config.json");
  const auto new_template =
      replaced(read_file(fs::path(LINKPOS_SOURCE_DIR) / "config/board-serial-printer.json"),
               "\"keep_days\": 90", "\"keep_days\": 120");
  const auto next = next_version(new_template);

  const auto asked = install(next);
  EXPECT_NE(asked.exit_code, 0);
  EXPECT_NE(asked.err.find("conffile prompt"), std::string::npos) << asked.err;

  const auto unattended = install(next, {"--force-confdef", "--force-confold"});
  ASSERT_EQ(unattended.exit_code, 0) << unattended.out << unattended.err;
  EXPECT_EQ(status(), "install ok installed " + kVersion + "+next");
  EXPECT_EQ(read_file(root() / "etc/linkpos/config.json"), config);
  EXPECT_EQ(read_file(root() / "etc/linkpos/config.json.dpkg-dist"), new_template);
}

TEST_F(DebInstallTest, RemoveKeepsTheConfigAndTheKeyForAReinstall) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  configure_as_a_technician();
  const auto result = dpkg({"--remove", "linkpos"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_FALSE(fs::exists(root() / "usr/bin/linkpos"));
  EXPECT_TRUE(fs::exists(root() / "etc/linkpos/config.json"));
  EXPECT_EQ(read_file(root() / "etc/linkpos/wix-api-key"), "IST.test-key\n");
}

TEST_F(DebInstallTest, PurgeRemovesTheConfigAndTheKeyButKeepsTheLedgerAndItsOwner) {
  ASSERT_EQ(install(deb()).exit_code, 0);
  configure_as_a_technician();
  const auto result = dpkg({"--purge", "linkpos"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;

  EXPECT_FALSE(fs::exists(root() / "etc/linkpos"));
  EXPECT_FALSE(fs::exists(root() / "etc/systemd/system/multi-user.target.wants/linkpos.service"));
  // The ledger may hold sales still owed a receipt or a refund.
  EXPECT_EQ(read_file(root() / "var/lib/linkpos/ledger.sqlite"), "sales");
  EXPECT_EQ(passwd_entry().size(), 7u);
  EXPECT_NE(result.err.find("kept /var/lib/linkpos"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace linkpos::testing
