// `linkpos --config PATH --unlock-menu` as a technician runs it: as root it clears the PIN
// pages' lock in the ledger and exits 0; as anyone else it refuses with 77 and leaves the lock.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "e2e/demo_config.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kLockedUntilMs = 4'102'444'800'000;  // 2100-01-01: far from over

class UnlockMenuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config = write_demo_config(dir, 0);
    store::Ledger ledger(dir.file("ledger.sqlite"));
    ASSERT_TRUE(ledger.set_counters(
        {{"pin_failures", 0}, {"pin_locked_until_ms", kLockedUntilMs}, {"pin_lockouts", 3}}));
  }

  std::int64_t counter(const std::string& name) {
    return store::Ledger(dir.file("ledger.sqlite")).counter(name);
  }

  TempDir dir;
  std::string config;
};

TEST_F(UnlockMenuTest, RootClearsTheLockAndExitsZero) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root, as the command does";
  ChildProcess unlock({LINKPOS_BINARY, "--config", config, "--unlock-menu"});
  EXPECT_EQ(unlock.wait(30s), 0);
  EXPECT_EQ(counter("pin_locked_until_ms"), 0);
  EXPECT_EQ(counter("pin_lockouts"), 0) << "the next lock is a short one again";
  ASSERT_FALSE(unlock.stderr_lines().empty());
  EXPECT_NE(unlock.stderr_lines().back().find("unlocked"), std::string::npos);
}

TEST_F(UnlockMenuTest, AnyoneElseIsRefusedWith77AndTheLockStays) {
  std::vector<std::string> command{LINKPOS_BINARY, "--config", config, "--unlock-menu"};
  if (::geteuid() == 0) {
    // As the nobody account, through util-linux's setpriv.
    if (!std::filesystem::exists("/usr/bin/setpriv"))
      GTEST_SKIP() << "running as root without setpriv to become someone else";
    command.insert(command.begin(),
                   {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
  }
  ChildProcess unlock(command);
  EXPECT_EQ(unlock.wait(30s), 77);
  ASSERT_FALSE(unlock.stderr_lines().empty());
  EXPECT_NE(unlock.stderr_lines().front().find("root"), std::string::npos);
  EXPECT_EQ(counter("pin_locked_until_ms"), kLockedUntilMs);
  EXPECT_EQ(counter("pin_lockouts"), 3);
}

TEST_F(UnlockMenuTest, ABadConfigIsExit78) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root to get past the root check";
  ChildProcess unlock({LINKPOS_BINARY, "--config", dir.file("missing.json"), "--unlock-menu"});
  EXPECT_EQ(unlock.wait(30s), 78);
  EXPECT_EQ(counter("pin_lockouts"), 3);
}

}  // namespace
}  // namespace linkpos::testing
