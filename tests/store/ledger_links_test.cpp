// Links confirmed closed, and creates whose answer was lost.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/ledger_test_support.hpp"

namespace linkpos::store::test {
namespace {

class LedgerLinksTest : public ::testing::Test {
 protected:
  void sale_with_link(const std::string& reference, std::int64_t at_ms) {
    start_with_link(ledger_, reference, at_ms);
  }
  void pay(const std::string& reference) {
    test::pay(ledger_, reference, "pay-" + reference, 12'500, 5);
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
  must(ledger_.record_link_closed("A"));
  EXPECT_TRUE(ledger_.links_to_close().empty());
  EXPECT_TRUE(ledger_.find("A")->link_closed);
}

TEST_F(LedgerLinksTest, ACancelledSaleWhoseLinkWasNotConfirmedClosedStillNeedsClosing) {
  sale_with_link("B", 1);
  must(ledger_.record_ended("B", SaleEnd::kCancelled, "cashier; link not confirmed closed"));
  ASSERT_EQ(ledger_.links_to_close().size(), 1u);
  must(ledger_.record_link_closed("B"));
  EXPECT_TRUE(ledger_.links_to_close().empty());
}

TEST_F(LedgerLinksTest, ASaleWithoutALinkHasNothingToClose) {
  must(ledger_.record_started(new_sale("C", 1)));
  must(ledger_.record_ended("C", SaleEnd::kFailed, "no link"));
  EXPECT_TRUE(ledger_.links_to_close().empty());
  EXPECT_THROW(must(ledger_.record_link_closed("C")), std::logic_error);
}

TEST_F(LedgerLinksTest, ClosingTwiceIsHarmless) {
  sale_with_link("D", 1);
  must(ledger_.record_link_closed("D"));
  must(ledger_.record_link_closed("D"));
  RawDb raw(dir_.file("ledger.sqlite"));
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE kind = 'link_closed'"), 1);
}

TEST_F(LedgerLinksTest, AnUnderpaidSaleAndOneWhosePaymentIsCheckedCloseTheirOwnLinks) {
  sale_with_link("U", 1);
  must(ledger_.record_payments("U", {payment("pay-U", "link-U", 10'000, 2)}));
  must(ledger_.record_link_closed("U"));
  must(ledger_.record_underpaid("U"));
  EXPECT_TRUE(ledger_.links_to_close().empty()) << "an underpaid sale's link is closed already";

  sale_with_link("C", 1);
  must(ledger_.record_payments("C", {unreadable_payment("pay-C", "link-C", 2)}));
  must(ledger_.record_check_payment("C"));
  ASSERT_EQ(ledger_.links_to_close().size(), 1u) << "no longer waits for a payment";
  EXPECT_EQ(ledger_.links_to_close().front().reference, "C");
}

TEST_F(LedgerLinksTest, ALateLinkOfACancelledSaleIsClosedAndItsPaymentRefunded) {
  must(ledger_.record_started(new_sale("L", 1)));
  must(ledger_.record_create_uncertain("L"));
  must(ledger_.record_ended("L", SaleEnd::kCancelled, "cashier, link unknown"));
  must(ledger_.record_late_link("L", "late", "https://pay/late", 9));
  EXPECT_EQ(kept(ledger_, "L", {payment("pay-late", "late", 12'500, 10)}), 1);
  const auto sale = ledger_.find("L");
  EXPECT_EQ(sale->known_links(), (std::vector<std::string>{"late"}));
  ASSERT_EQ(sale->payments.size(), 1u);
  EXPECT_EQ(sale->payments[0].refund_reason, RefundReason::kAfterSale);
  ASSERT_EQ(ledger_.refunds_owed().size(), 1u);
  EXPECT_EQ(ledger_.refunds_owed()[0].reference, "L");
}

TEST_F(LedgerLinksTest, AnUncertainCreateIsSettledByALinkFoundOrByNone) {
  must(ledger_.record_started(new_sale("U1", 1)));
  must(ledger_.record_create_uncertain("U1"));
  EXPECT_TRUE(ledger_.find("U1")->create_uncertain);
  EXPECT_TRUE(ledger_.uncertain_creates().empty()) << "a sale still running settles its own";
  must(ledger_.record_link_created("U1", "found", "https://pay/found", 9, 1250));
  EXPECT_FALSE(ledger_.find("U1")->create_uncertain);

  must(ledger_.record_started(new_sale("U2", 2)));
  must(ledger_.record_create_uncertain("U2"));
  must(ledger_.record_ended("U2", SaleEnd::kCancelled, "cashier, link unknown"));
  ASSERT_EQ(ledger_.uncertain_creates().size(), 1u);
  EXPECT_EQ(must(ledger_.prune_ended_before(1000)), 0) << "kept until settled";
  must(ledger_.record_late_link("U2", "late", "https://pay/late", 9));
  EXPECT_TRUE(ledger_.uncertain_creates().empty());
  ASSERT_EQ(ledger_.links_to_close().size(), 1u);
  EXPECT_EQ(ledger_.links_to_close().front().link_id, "late");

  must(ledger_.record_started(new_sale("U3", 3)));
  must(ledger_.record_create_uncertain("U3"));
  must(ledger_.record_ended("U3", SaleEnd::kFailed, "no answer"));
  must(ledger_.record_create_settled("U3"));
  EXPECT_TRUE(ledger_.uncertain_creates().empty());
  EXPECT_THROW(must(ledger_.record_late_link("U3", "x", "y", 1)), std::logic_error);
}

}  // namespace
}  // namespace linkpos::store::test
