// Schema 2: links confirmed closed, and payments beyond a sale's own.
#include <gtest/gtest.h>

#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store::test {
namespace {

class LedgerLinksTest : public ::testing::Test {
 protected:
  void sale_with_link(const std::string& reference, std::int64_t at_ms) {
    ledger_.record_started(new_sale(reference, at_ms));
    ledger_.record_link_created(reference, "link-" + reference, "https://pay/" + reference,
                                at_ms + 360000);
  }
  void pay(const std::string& reference) {
    ledger_.record_paid(reference, "pay-" + reference, 1250, 5);
  }

  TempDir dir_;
  Ledger ledger_{dir_.file("ledger.sqlite")};
};

TEST_F(LedgerLinksTest, ALinkNeedsClosingOnceItsSaleNoLongerWaitsForPayment) {
  sale_with_link("A", 1);
  EXPECT_TRUE(ledger_.links_to_close().empty()) << "a waiting sale closes its own link";
  pay("A");
  ASSERT_EQ(ledger_.links_to_close().size(), 1u);
  EXPECT_EQ(ledger_.links_to_close().front().link_id, "link-A");
  ledger_.record_link_closed("A");
  EXPECT_TRUE(ledger_.links_to_close().empty());
  EXPECT_TRUE(ledger_.find("A")->link_closed);
}

TEST_F(LedgerLinksTest, ACancelledSaleWhoseLinkWasNotConfirmedClosedStillNeedsClosing) {
  sale_with_link("B", 1);
  ledger_.record_ended("B", SaleEnd::kCancelled, "cashier; link not confirmed closed");
  ASSERT_EQ(ledger_.links_to_close().size(), 1u);
  ledger_.record_link_closed("B");
  EXPECT_TRUE(ledger_.links_to_close().empty());
}

TEST_F(LedgerLinksTest, ASaleWithoutALinkHasNothingToClose) {
  ledger_.record_started(new_sale("C", 1));
  ledger_.record_ended("C", SaleEnd::kFailed, "no link");
  EXPECT_TRUE(ledger_.links_to_close().empty());
  EXPECT_THROW(ledger_.record_link_closed("C"), std::logic_error);
}

TEST_F(LedgerLinksTest, ClosingTwiceIsHarmless) {
  sale_with_link("D", 1);
  ledger_.record_link_closed("D");
  ledger_.record_link_closed("D");
  RawDb raw(dir_.file("ledger.sqlite"));
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE kind = 'link_closed'"), 1);
}

TEST_F(LedgerLinksTest, ExtraPaymentsAreKeptOnceAndAwaitTheCashier) {
  sale_with_link("E", 1);
  pay("E");
  EXPECT_TRUE(ledger_.record_extra_payment("E", "pay-E2", 1250, 10));
  EXPECT_FALSE(ledger_.record_extra_payment("E", "pay-E2", 1250, 11)) << "seen twice, kept once";
  const auto due = ledger_.unacknowledged_extra_payments();
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due.front().reference, "E");
  EXPECT_EQ(due.front().currency, "EUR");
  EXPECT_EQ(due.front().amount_minor, 1250);
  ledger_.acknowledge_extra_payment("pay-E2");
  EXPECT_TRUE(ledger_.unacknowledged_extra_payments().empty());
  ASSERT_EQ(ledger_.extra_payments("E").size(), 1u);
  EXPECT_TRUE(ledger_.extra_payments("E").front().acknowledged);
}

TEST_F(LedgerLinksTest, APaymentOnACancelledSaleIsKeptForRefund) {
  sale_with_link("F", 1);
  ledger_.record_ended("F", SaleEnd::kCancelled, "cashier");
  EXPECT_TRUE(ledger_.record_extra_payment("F", "late-pay", 1250, 99));
  EXPECT_EQ(ledger_.unacknowledged_extra_payments().size(), 1u);
}

TEST_F(LedgerLinksTest, AnUncertainCreateIsSettledByALinkFoundOrByNone) {
  ledger_.record_started(new_sale("U1", 1));
  ledger_.record_create_uncertain("U1");
  EXPECT_TRUE(ledger_.find("U1")->create_uncertain);
  EXPECT_TRUE(ledger_.uncertain_creates().empty()) << "a sale still running settles its own";
  ledger_.record_link_created("U1", "found", "https://pay/found", 9);
  EXPECT_FALSE(ledger_.find("U1")->create_uncertain);

  ledger_.record_started(new_sale("U2", 2));
  ledger_.record_create_uncertain("U2");
  ledger_.record_ended("U2", SaleEnd::kCancelled, "cashier, link unknown");
  ASSERT_EQ(ledger_.uncertain_creates().size(), 1u);
  EXPECT_EQ(ledger_.prune_ended_before(1000), 0) << "kept until settled";
  ledger_.record_late_link("U2", "late", "https://pay/late", 9);
  EXPECT_TRUE(ledger_.uncertain_creates().empty());
  ASSERT_EQ(ledger_.links_to_close().size(), 1u);
  EXPECT_EQ(ledger_.links_to_close().front().link_id, "late");

  ledger_.record_started(new_sale("U3", 3));
  ledger_.record_create_uncertain("U3");
  ledger_.record_ended("U3", SaleEnd::kFailed, "no answer");
  ledger_.record_create_settled("U3");
  EXPECT_TRUE(ledger_.uncertain_creates().empty());
  EXPECT_THROW(ledger_.record_late_link("U3", "x", "y", 1), std::logic_error);
}

TEST(LedgerMigrationTest, AVersionOneFileIsUpgradedWithItsSalesKept) {
  TempDir dir;
  const std::string path = dir.file("ledger.sqlite");
  {
    Ledger ledger(path);
    ledger.record_started(new_sale("OLD", 1));
  }
  {
    // Turn the file back into what the first firmware wrote.
    RawDb raw(path);
    ASSERT_EQ(raw.exec("DROP TABLE extra_payments; ALTER TABLE sales DROP COLUMN link_closed; "
                       "ALTER TABLE sales DROP COLUMN print_pending; DROP TABLE ledger_counters; "
                       "ALTER TABLE sales DROP COLUMN create_uncertain; "
                       "CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events "
                       "BEGIN SELECT RAISE(ABORT, 'sale_events is append-only'); END; "
                       "PRAGMA user_version = 1;"),
              SQLITE_OK)
        << raw.error();
  }
  Ledger upgraded(path);
  EXPECT_EQ(upgraded.schema_version(), latest_schema_version());
  ASSERT_TRUE(upgraded.find("OLD"));
  EXPECT_FALSE(upgraded.find("OLD")->link_closed);
  upgraded.record_link_created("OLD", "l", "u", 2);
  upgraded.record_link_closed("OLD");
  EXPECT_TRUE(upgraded.find("OLD")->link_closed);
}

}  // namespace
}  // namespace linkpos::store::test
