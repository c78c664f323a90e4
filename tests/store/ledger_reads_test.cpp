// What the sale flow and the menus read back: one sale, the open ones, the last receipt, the
// newest ones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store {
namespace {

using test::new_sale;
using test::pay;
using test::TempDir;

std::vector<std::string> references(const std::vector<SaleRecord>& sales) {
  std::vector<std::string> names;
  for (const auto& sale : sales)
    names.push_back(sale.reference);
  return names;
}

class LedgerReadsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  Ledger ledger_{dir_.file("ledger.db")};

  void pay_and_print(const std::string& reference, std::int64_t started_at_ms) {
    must(ledger_.record_started(new_sale(reference, started_at_ms)));
    must(ledger_.record_link_created(reference, "l-" + reference, "u", 0, 1250));
    pay(ledger_, reference, "p-" + reference, 12'500, started_at_ms);
    must(ledger_.record_receipt_issued(reference, {}));
    must(ledger_.record_printed(reference));
  }
};

TEST_F(LedgerReadsTest, ANewLedgerIsEmptyAtTheCurrentSchemaVersion) {
  EXPECT_EQ(ledger_.schema_version(), latest_schema_version());
  EXPECT_TRUE(ledger_.unfinished().empty());
  EXPECT_TRUE(ledger_.recent(10).empty());
  EXPECT_FALSE(ledger_.last_printed().has_value());
  EXPECT_TRUE(ledger_.refunds_owed().empty());
}

TEST_F(LedgerReadsTest, UnfinishedListsSalesNotEndedOldestFirst) {
  must(ledger_.record_started(new_sale("T1-LATE", 3'000)));
  must(ledger_.record_started(new_sale("T1-EARLY", 1'000)));
  must(ledger_.record_started(new_sale("T1-CANCELLED", 2'000)));
  must(ledger_.record_ended("T1-CANCELLED", SaleEnd::kCancelled, ""));
  pay_and_print("T1-PRINTED", 2'500);  // printed but not yet ended: still open
  pay_and_print("T1-DONE", 500);
  must(ledger_.record_ended("T1-DONE", SaleEnd::kCompleted, ""));

  EXPECT_EQ(references(ledger_.unfinished()),
            (std::vector<std::string>{"T1-EARLY", "T1-PRINTED", "T1-LATE"}));
  EXPECT_EQ(ledger_.unfinished()[1].stage, SaleStage::kPrinted);
}

TEST_F(LedgerReadsTest, LastPrintedIsTheHighestReceiptNumberThatCameOutOfThePrinter) {
  pay_and_print("T1-ONE", 1'000);
  pay_and_print("T1-TWO", 2'000);
  // Paid after T1-TWO (number 3) but not printed yet: not the last printed.
  must(ledger_.record_started(new_sale("T1-THREE", 3'000)));
  must(ledger_.record_link_created("T1-THREE", "l-T1-THREE", "u", 0, 1250));
  pay(ledger_, "T1-THREE", "p-T1-THREE", 12'500, 3'000);

  const auto last = ledger_.last_printed();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->reference, "T1-TWO");
  EXPECT_EQ(last->receipt_number, 2);
  EXPECT_EQ(last->prints, 1);
  ASSERT_EQ(last->payments.size(), 1u) << "with the payments its receipt lists";
  EXPECT_EQ(last->payments[0].payment_id, "p-T1-TWO");
}

TEST_F(LedgerReadsTest, RecentListsTheNewestFirstUpToTheLimit) {
  must(ledger_.record_started(new_sale("T1-B", 2'000)));
  must(ledger_.record_started(new_sale("T1-A", 1'000)));
  must(ledger_.record_started(new_sale("T1-C1", 3'000)));
  must(ledger_.record_started(
      new_sale("T1-C2", 3'000)));  // same millisecond: recorded later is newer

  EXPECT_EQ(references(ledger_.recent(3)), (std::vector<std::string>{"T1-C2", "T1-C1", "T1-B"}));
  EXPECT_EQ(references(ledger_.recent(10)),
            (std::vector<std::string>{"T1-C2", "T1-C1", "T1-B", "T1-A"}));
  EXPECT_TRUE(ledger_.recent(0).empty());
}

}  // namespace
}  // namespace linkpos::store
