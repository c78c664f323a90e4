// ledger_counters: small named numbers the terminal keeps across restarts (the PIN lockout).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "store/ledger_test_support.hpp"

namespace linkpos::store::test {
namespace {

TEST(LedgerCountersTest, ACounterNeverSetIsZero) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  EXPECT_EQ(ledger.counter("pin_failures"), 0);
}

TEST(LedgerCountersTest, CountersAreKeptAcrossReopening) {
  TempDir dir;
  {
    Ledger ledger(dir.file("l.sqlite"));
    ASSERT_TRUE(
        ledger.set_counters({{"pin_failures", 4}, {"pin_locked_until_ms", 1'700'000'000'000}}));
    ASSERT_TRUE(ledger.set_counters({{"pin_failures", 5}}));
    EXPECT_EQ(ledger.counter("pin_failures"), 5) << "a second write replaces the value";
  }
  Ledger reopened(dir.file("l.sqlite"));
  EXPECT_EQ(reopened.counter("pin_failures"), 5);
  EXPECT_EQ(reopened.counter("pin_locked_until_ms"), 1'700'000'000'000);
}

TEST(LedgerCountersTest, AFailedWriteKeepsNoneOfItsCounters) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  ASSERT_TRUE(ledger.set_counters({{"pin_failures", 1}, {"pin_lockouts", 1}}));
  RawDb raw(dir.file("l.sqlite"));
  // The second row's write fails as a failing disk would make it fail.
  ASSERT_EQ(raw.exec("CREATE TRIGGER fail_lockouts BEFORE UPDATE ON ledger_counters "
                     "WHEN NEW.name = 'pin_lockouts' BEGIN SELECT RAISE(ABORT, 'disk I/O'); END"),
            0)
      << raw.error();
  const auto written = ledger.set_counters({{"pin_failures", 2}, {"pin_lockouts", 2}});
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("disk I/O"), std::string::npos) << written.error().message;
  EXPECT_EQ(ledger.counter("pin_failures"), 1) << "the first counter was rolled back with it";
  EXPECT_EQ(ledger.counter("pin_lockouts"), 1);
}

TEST(LedgerCountersTest, TheReceiptNumberFloorIsNotACounterToSet) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "A", 1000);
  EXPECT_THROW((void)ledger.set_counters({{"receipt_number_floor", 0}}), std::logic_error);
  sell(ledger, "B", 2000);
  EXPECT_EQ(ledger.find("B")->receipt_number, 2);
}

}  // namespace
}  // namespace linkpos::store::test
