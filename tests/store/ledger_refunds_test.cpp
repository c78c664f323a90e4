// The refund list: money owed back from payments, kept until a technician clears it, and kept
// through pruning until then.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"

namespace linkpos::store::test {
namespace {

class LedgerRefundsTest : public ::testing::Test {
 protected:
  std::vector<std::string> owed_payment_ids() const {
    std::vector<std::string> ids;
    for (const RefundDue& due : ledger_.refunds_owed())
      ids.push_back(due.payment.payment_id);
    return ids;
  }

  TempDir dir_;
  std::string path_ = dir_.file("ledger.sqlite");
  Ledger ledger_{path_};
};

TEST_F(LedgerRefundsTest, TheListHoldsWhatIsOwedOldestFirstWithItsSaleAndCurrency) {
  // Seen third: a payment after the sale ended.
  sell(ledger_, "LATE", 1);
  must(ledger_.record_payments("LATE", {payment("late", "link-LATE", 12'500, 300)}));
  // Seen first: the share of an overpayment, in yen.
  SaleRecord yen = new_sale("YEN", 2, 1250);
  yen.currency = "JPY";
  must(ledger_.record_started(yen));
  must(ledger_.record_link_created("YEN", "link-YEN", "https://pay/yen", 9, 1250));
  must(ledger_.record_payments("YEN", {payment("yen-1", "link-YEN", 2'000'000, 100)}));
  must(ledger_.record_paid("YEN", 101, {{"yen-1", 750'000}}));
  // Seen second: the payments of a sale given up.
  start_with_link(ledger_, "GIVEN-UP", 3);
  must(ledger_.record_payments("GIVEN-UP", {unreadable_payment("odd", "link-GIVEN-UP", 200)}));
  must(ledger_.record_check_payment("GIVEN-UP"));
  must(ledger_.record_ended("GIVEN-UP", SaleEnd::kUnresolved, "the cashier gave up"));

  const auto owed = ledger_.refunds_owed();
  ASSERT_EQ(owed.size(), 3u);
  EXPECT_EQ(owed[0].reference, "YEN");
  EXPECT_EQ(owed[0].currency, "JPY");
  EXPECT_EQ(owed[0].payment.payment_id, "yen-1");
  EXPECT_EQ(owed[0].payment.refund_reason, RefundReason::kOverpaid);
  EXPECT_EQ(owed[0].payment.refund_thousandths, 750'000);
  EXPECT_EQ(owed[0].payment.amount_thousandths, 2'000'000);
  EXPECT_EQ(owed[1].reference, "GIVEN-UP");
  EXPECT_EQ(owed[1].payment.refund_reason, RefundReason::kUnresolved);
  EXPECT_FALSE(owed[1].payment.refund_thousandths);
  EXPECT_EQ(owed[2].reference, "LATE");
  EXPECT_EQ(owed[2].currency, "EUR");
  EXPECT_EQ(owed[2].payment.refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(owed[2].payment.payer, "Ada Lovelace") << "whom to refund";
  for (const RefundDue& due : owed)
    EXPECT_TRUE(due.payment.refund_owed()) << due.payment.payment_id;
}

TEST_F(LedgerRefundsTest, ClearingARefundTakesItOffTheListAndKeepsWhenAndWhy) {
  sell(ledger_, "A", 1);
  must(ledger_.record_payments(
      "A", {payment("late-1", "link-A", 1'000, 10), payment("late-2", "link-A", 2'000, 11)}));
  must(ledger_.clear_refund("A", "late-1", 5'000));
  EXPECT_EQ(owed_payment_ids(), (std::vector<std::string>{"late-2"}));
  const auto cleared = payment_of(*ledger_.find("A"), "late-1");
  EXPECT_EQ(cleared->refund_cleared_at_ms, 5'000);
  EXPECT_EQ(cleared->refund_reason, RefundReason::kAfterSale) << "why stays on record";
  EXPECT_EQ(cleared->refund_thousandths, 1'000);
  EXPECT_FALSE(cleared->refund_owed());
  EXPECT_EQ(RawDb(path_).number("SELECT COUNT(*) FROM sale_events WHERE kind = 'refund_cleared'"),
            1);
}

TEST_F(LedgerRefundsTest, ClearingTwiceIsHarmless) {
  sell(ledger_, "A", 1);
  must(ledger_.record_payments("A", {payment("late", "link-A", 1'000, 10)}));
  must(ledger_.clear_refund("A", "late", 5'000));
  must(ledger_.clear_refund("A", "late", 6'000));
  EXPECT_EQ(payment_of(*ledger_.find("A"), "late")->refund_cleared_at_ms, 5'000);
  EXPECT_EQ(RawDb(path_).number("SELECT COUNT(*) FROM sale_events WHERE kind = 'refund_cleared'"),
            1);
}

TEST_F(LedgerRefundsTest, ClearingAPaymentThatOwesNothingIsALogicError) {
  sell(ledger_, "A", 1);
  EXPECT_THROW(must(ledger_.clear_refund("A", "pay-A", 5'000)), std::logic_error)
      << "it paid for the sale";
  EXPECT_THROW(must(ledger_.clear_refund("A", "no-such-payment", 5'000)), std::logic_error);
  EXPECT_FALSE(payment_of(*ledger_.find("A"), "pay-A")->refund_cleared_at_ms);
}

TEST_F(LedgerRefundsTest, PruningKeepsASaleUntilEveryRefundOnItIsCleared) {
  start_with_link(ledger_, "A", 1'000);
  must(ledger_.record_payments("A", {payment("p1", "link-A", 20'000, 1'100)}));
  must(ledger_.record_paid("A", 1'200, {{"p1", 7'500}}));
  must(ledger_.record_receipt_issued("A", {}));
  must(ledger_.record_printed("A"));
  must(ledger_.record_link_closed("A"));
  must(ledger_.record_ended("A", SaleEnd::kCompleted, "printed"));
  must(ledger_.record_payments("A", {payment("p2", "link-A", 1'000, 1'300)}));

  EXPECT_EQ(must(ledger_.prune_ended_before(10'000)), 0) << "two refunds owed";
  must(ledger_.clear_refund("A", "p2", 2'000));
  EXPECT_EQ(must(ledger_.prune_ended_before(10'000)), 0) << "the overpaid share is still owed";
  must(ledger_.clear_refund("A", "p1", 2'100));
  EXPECT_EQ(must(ledger_.prune_ended_before(10'000)), 1);
  EXPECT_FALSE(ledger_.find("A"));
  EXPECT_EQ(RawDb(path_).number("SELECT COUNT(*) FROM payments"), 0);
}

TEST_F(LedgerRefundsTest, PruningKeepsAnUnresolvedSaleUntilItsPaymentsAreRefunded) {
  start_with_link(ledger_, "X", 1'000);
  must(ledger_.record_payments("X", {payment("x1", "link-X", 5'000, 1'100)}));
  must(ledger_.record_check_payment("X"));
  must(ledger_.record_link_closed("X"));
  must(ledger_.record_ended("X", SaleEnd::kUnresolved, "given up"));
  EXPECT_EQ(must(ledger_.prune_ended_before(10'000)), 0);
  must(ledger_.clear_refund("X", "x1", 2'000));
  EXPECT_EQ(must(ledger_.prune_ended_before(10'000)), 1);
}

}  // namespace
}  // namespace linkpos::store::test
