// A ledger that cannot be used stops the start-up with a message a technician can act on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include "store/ledger.hpp"
#include "store/ledger_opening.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store {
namespace {

using test::RawDb;
using test::TempDir;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string open_error(const std::string& path) {
  try {
    Ledger ledger(path);
  } catch (const LedgerError& error) {
    return error.what();
  }
  return "(opened without error)";
}

TEST(LedgerOpenTest, AFileOfRandomBytesIsRefusedAsNotADatabase) {
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  {
    std::mt19937 random(42);
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 4096; ++i)
      out.put(static_cast<char>(random() & 0xFF));
  }
  EXPECT_THAT(open_error(path),
              AllOf(HasSubstr(path), HasSubstr("not a database"), HasSubstr("move it aside")));
  EXPECT_EQ(std::filesystem::file_size(path), 4096u);  // left for the technician
}

TEST(LedgerOpenTest, ALedgerFromNewerFirmwareIsRefusedAndLeftAlone) {
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  {
    RawDb newer(path);
    ASSERT_EQ(newer.exec("CREATE TABLE sales (reference TEXT); PRAGMA user_version = 7"),
              SQLITE_OK);
  }
  EXPECT_THAT(open_error(path),
              AllOf(HasSubstr(path), HasSubstr("schema version 7"),
                    HasSubstr("newer than this firmware"), HasSubstr("install the firmware")));
  RawDb after(path);
  EXPECT_EQ(after.number("PRAGMA user_version"), 7);
  EXPECT_EQ(after.text("PRAGMA journal_mode"), "delete");
}

TEST(LedgerOpenTest, AFolderThatDoesNotExistIsNamed) {
  TempDir dir;
  const std::string path = dir.file("no-such-folder/ledger.db");
  EXPECT_THAT(open_error(path), AllOf(HasSubstr(path), HasSubstr("folder exists")));
}

// What opening a ledger at `path` says, asked as the unprivileged user `uid` (in a child process,
// so the test, run as root in CI, keeps its own rights).
std::string open_error_as(const std::string& path, uid_t uid,
                          const std::function<std::string(const std::string&)>& open = open_error) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0)
    return "(no pipe)";
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_ends[0]);
    std::string message = "(could not drop privileges)";
    if (::getuid() != 0 || (::setgid(uid) == 0 && ::setuid(uid) == 0))
      message = open(path);
    (void)!::write(pipe_ends[1], message.data(), message.size());
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return message;
}

TEST(LedgerOpenTest, AFolderLinkposMayNotWriteIsNamedWithTheFix) {
  TempDir dir;
  namespace fs = std::filesystem;
  const auto folder = dir.path() / "locked";
  fs::create_directory(folder);
  // Others may pass through the test's folder and read the locked one, but not write there.
  fs::permissions(dir.path(),
                  fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  const std::string path = (folder / "ledger.db").string();
  const std::string message = open_error_as(path, 65534);
  fs::permissions(folder, fs::perms::owner_all);
  EXPECT_THAT(message,
              AllOf(HasSubstr("its folder " + folder.string()),
                    HasSubstr("may not be written by this user"),
                    HasSubstr("chown linkpos: " + folder.string()), HasSubstr("ledger.path")));
  EXPECT_FALSE(fs::exists(path)) << "nothing was made";
}

TEST(LedgerOpenTest, AnExistingLedgerInAFolderLinkposMayNotWriteIsNotTakenForDamage) {
  TempDir dir;
  namespace fs = std::filesystem;
  const auto folder = dir.path() / "locked";
  fs::create_directory(folder);
  const std::string path = (folder / "ledger.db").string();
  { Ledger made(path); }
  fs::permissions(dir.path(),
                  fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  const std::string message = open_error_as(path, 65534, [](const std::string& at) {
    try {
      open_ledger(at, 7);
    } catch (const LedgerError& error) {
      return std::string(error.what());
    }
    return std::string("(opened without error)");
  });
  EXPECT_THAT(message, HasSubstr("its folder " + folder.string()));
  EXPECT_FALSE(fs::exists(path + ".damaged-7")) << "a sound ledger is not set aside";
}

TEST(LedgerOpenTest, AnEmptyFileBecomesANewLedger) {
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  std::ofstream(path).close();
  Ledger ledger(path);
  EXPECT_EQ(ledger.schema_version(), latest_schema_version());
}

}  // namespace
}  // namespace linkpos::store
