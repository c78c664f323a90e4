// A ledger that cannot be used stops the start-up with a message a technician can act on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "store/ledger.hpp"
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

TEST(LedgerOpenTest, AFolderLinkposMayNotWriteIsNamed) {
  if (geteuid() == 0)
    GTEST_SKIP() << "root may write anywhere";
  TempDir dir;
  const auto folder = dir.path() / "locked";
  std::filesystem::create_directory(folder);
  std::filesystem::permissions(
      folder, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const std::string path = (folder / "ledger.db").string();
  const std::string message = open_error(path);
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
  EXPECT_THAT(message, AllOf(HasSubstr(path), HasSubstr("may write there")));
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
