// What the day's reports keep in the ledger: Z reports numbered without gaps, each from the end
// of the last, never pruned; a Z whose print never ended; the sales a period covers.
#include <gtest/gtest.h>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"

namespace linkpos::store::test {
namespace {

TEST(LedgerZReportTest, NumbersRunWithoutGapsEachFromTheEndOfTheLast) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  EXPECT_FALSE(ledger.last_z_report());
  EXPECT_EQ(ledger.z_period_start(), 0);
  const auto first = must(ledger.record_z_report(1'000, 1'001, R"({"sales":1})"));
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.from_ms, 0);
  EXPECT_EQ(first.to_ms, 1'000);
  EXPECT_EQ(ledger.z_period_start(), 1'000);
  const auto second = must(ledger.record_z_report(5'000, 5'001, R"({"sales":0})"));
  EXPECT_EQ(second.number, 2);
  EXPECT_EQ(second.from_ms, 1'000);
  EXPECT_EQ(ledger.last_z_report()->report, R"({"sales":0})");
}

TEST(LedgerZReportTest, APrintStartedAndNeverEndedIsPendingAcrossReopening) {
  TempDir dir;
  {
    Ledger ledger(dir.file("l.sqlite"));
    must(ledger.record_z_report(1'000, 1'001, "{}"));
    EXPECT_TRUE(must(ledger.record_z_print_started(1)).print_pending);
  }
  Ledger reopened(dir.file("l.sqlite"));
  ASSERT_TRUE(reopened.last_z_report());
  EXPECT_TRUE(reopened.last_z_report()->print_pending);
  const auto printed = must(reopened.record_z_printed(1));
  EXPECT_FALSE(printed.print_pending);
  EXPECT_EQ(printed.prints, 1);
}

TEST(LedgerZReportTest, ZReportsOutlivePruningAndTheirNumbersCarryOn) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "OLD", 1'000);
  must(ledger.record_z_report(2'000, 2'001, "{}"));
  EXPECT_EQ(must(ledger.prune_ended_before(std::int64_t{1} << 50)), 1);
  ASSERT_TRUE(ledger.last_z_report());
  EXPECT_EQ(ledger.last_z_report()->number, 1);
  EXPECT_EQ(must(ledger.record_z_report(3'000, 3'001, "{}")).number, 2);
}

TEST(LedgerZReportTest, APeriodHoldsTheSalesThatEndedFromItsStartToJustBeforeItsEnd) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  for (const auto& [reference, ended_at] :
       {std::pair{"BEFORE", 999}, {"AT-START", 1'000}, {"INSIDE", 1'500}, {"AT-END", 2'000}}) {
    start_with_link(ledger, reference, 100);
    must(ledger.record_link_closed(reference));
    must(ledger.record_ended(reference, SaleEnd::kCancelled, "test", ended_at));
  }
  start_with_link(ledger, "OPEN", 1'200);  // not ended: in no report yet
  const auto covered = ledger.ended_between(1'000, 2'000);
  ASSERT_EQ(covered.size(), 2u);
  EXPECT_EQ(covered[0].reference, "AT-START");
  EXPECT_EQ(covered[1].reference, "INSIDE");
  EXPECT_EQ(covered[1].ended_at_ms, 1'500);
}

}  // namespace
}  // namespace linkpos::store::test
