// A sale's payments: kept as Wix lists them, counted when the sale is paid, owed back when they
// paid for nothing; a sale paid short (underpaid: a second link, or the rest written off) and one
// whose payment could not be read (check payment: paid after all, or ended unresolved).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"

namespace linkpos::store::test {
namespace {

using ::testing::HasSubstr;

class LedgerPaymentsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.file("ledger.sqlite");
  Ledger ledger_{path_};

  SaleRecord sale(const std::string& reference) const {
    const auto found = ledger_.find(reference);
    if (!found)
      throw std::logic_error("no sale " + reference);
    return *found;
  }
  std::int64_t events(const std::string& reference, const std::string& kind) {
    return RawDb(path_).number(
        "SELECT COUNT(*) FROM sale_events WHERE reference = ?1 AND kind = '" + kind + "'",
        reference);
  }
};

TEST_F(LedgerPaymentsTest, NewPaymentsAreKeptInTheOrderSeenAndWaitUncounted) {
  start_with_link(ledger_, "A", 1);
  EXPECT_EQ(kept(ledger_, "A",
                 {payment("gift", "link-A", 5'000, 10), payment("card", "link-A", 7'500, 11)}),
            2);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kLinkCreated) << "payments alone do not pay the sale";
  ASSERT_EQ(a.payments.size(), 2u);
  EXPECT_EQ(a.payments[0].payment_id, "gift");
  EXPECT_EQ(a.payments[1].payment_id, "card");
  EXPECT_EQ(a.payments[1].amount_thousandths, 7'500);
  EXPECT_EQ(a.payments[1].seen_at_ms, 11);
  for (const PaymentRecord& waiting : a.payments) {
    EXPECT_FALSE(waiting.counted) << waiting.payment_id;
    EXPECT_EQ(waiting.refund_reason, RefundReason::kNone) << waiting.payment_id;
    EXPECT_FALSE(waiting.refund_owed()) << waiting.payment_id;
  }
  EXPECT_EQ(a.counted_thousandths(), 0);
  EXPECT_EQ(a.known_links(), (std::vector<std::string>{"link-A"}));
  EXPECT_TRUE(ledger_.refunds_owed().empty());
  EXPECT_EQ(events("A", "payment"), 2);
}

TEST_F(LedgerPaymentsTest, APaymentSeenAgainIsKeptOnce) {
  start_with_link(ledger_, "A", 1);
  EXPECT_EQ(kept(ledger_, "A", {payment("p1", "link-A", 5'000, 10)}), 1);
  EXPECT_EQ(kept(ledger_, "A", {payment("p1", "link-A", 5'000, 20)}), 0) << "seen twice, kept once";
  EXPECT_EQ(
      kept(ledger_, "A", {payment("p1", "link-A", 5'000, 30), payment("p2", "link-A", 7'500, 30)}),
      1);
  const SaleRecord a = sale("A");
  ASSERT_EQ(a.payments.size(), 2u);
  EXPECT_EQ(a.payments[0].seen_at_ms, 10) << "as first seen";
  EXPECT_EQ(events("A", "payment"), 2);
  EXPECT_EQ(kept(ledger_, "A", {}), 0);
}

TEST_F(LedgerPaymentsTest, PayingCountsTheWaitingPaymentsAndGivesTheNextReceiptNumber) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments(
      "A", {payment("gift", "link-A", 5'000, 10), payment("card", "link-A", 7'500, 11)}));
  EXPECT_EQ(must(ledger_.record_paid("A", 20, {})).receipt_number, 1);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kPaid);
  EXPECT_EQ(a.paid_at_ms, 20);
  EXPECT_TRUE(a.payments[0].counted);
  EXPECT_TRUE(a.payments[1].counted);
  EXPECT_EQ(a.counted_thousandths(), 12'500);
  EXPECT_EQ(a.written_off_thousandths, 0);
  EXPECT_TRUE(ledger_.refunds_owed().empty());
}

TEST_F(LedgerPaymentsTest, EachCountedPaymentKeepsItsOwnWixReceipt) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments(
      "A", {payment("gift", "link-A", 5'000, 10), payment("card", "link-A", 7'500, 11)}));
  must(ledger_.record_paid("A", 20, {}));
  must(ledger_.record_receipt_issued("A", {{"card", "rcpt-card"}}));
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kReceiptIssued);
  EXPECT_EQ(payment_of(a, "gift")->backend_receipt_id, "") << "Wix gave it none";
  EXPECT_EQ(payment_of(a, "card")->backend_receipt_id, "rcpt-card");
}

TEST_F(LedgerPaymentsTest, APaymentAfterTheSaleIsPaidIsOwedBackInFull) {
  start_with_link(ledger_, "A", 1);
  pay(ledger_, "A", "first", 12'500, 10);
  EXPECT_EQ(kept(ledger_, "A",
                 {payment("first", "link-A", 12'500, 20), payment("second", "link-A", 12'500, 21)}),
            1);
  const SaleRecord a = sale("A");
  const auto second = payment_of(a, "second");
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->counted) << "it paid for nothing";
  EXPECT_EQ(second->refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(second->refund_thousandths, 12'500);
  EXPECT_TRUE(second->refund_owed());
  EXPECT_EQ(a.counted_thousandths(), 12'500);
  EXPECT_FALSE(payment_of(a, "first")->refund_owed());
}

TEST_F(LedgerPaymentsTest, APaymentAfterTheSaleEndedIsOwedBackInFull) {
  sell(ledger_, "A", 1);
  EXPECT_EQ(kept(ledger_, "A", {payment("late", "link-A", 3'000, 50)}), 1);
  const auto late = payment_of(sale("A"), "late");
  ASSERT_TRUE(late);
  EXPECT_EQ(late->refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(late->refund_thousandths, 3'000);
  EXPECT_EQ(sale("A").stage, SaleStage::kEnded);

  start_with_link(ledger_, "B", 2);
  must(ledger_.record_ended("B", SaleEnd::kCancelled, "cashier"));
  EXPECT_EQ(kept(ledger_, "B", {payment("raced", "link-B", 12'500, 60)}), 1);
  EXPECT_EQ(payment_of(sale("B"), "raced")->refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(ledger_.refunds_owed().size(), 2u);
}

TEST_F(LedgerPaymentsTest, AnUnreadablePaymentAfterTheSaleIsOwedBackWithItsAmountUnknown) {
  sell(ledger_, "A", 1);
  EXPECT_EQ(kept(ledger_, "A", {unreadable_payment("odd", "link-A", 50)}), 1);
  const auto odd = payment_of(sale("A"), "odd");
  ASSERT_TRUE(odd);
  EXPECT_FALSE(odd->amount_thousandths);
  EXPECT_THAT(odd->problem, HasSubstr("not a decimal"));
  EXPECT_EQ(odd->refund_reason, RefundReason::kUnreadable);
  EXPECT_FALSE(odd->refund_thousandths) << "the Wix dashboard knows how much";
  EXPECT_TRUE(odd->refund_owed());
  ASSERT_EQ(ledger_.refunds_owed().size(), 1u);
  EXPECT_EQ(ledger_.refunds_owed()[0].payment.payment_id, "odd");
}

TEST_F(LedgerPaymentsTest, AnUnreadableEntryTakesItsAmountOnceWixListsItWhole) {
  start_with_link(ledger_, "A", 1);
  EXPECT_EQ(kept(ledger_, "A", {unreadable_payment("p1", "link-A", 10)}), 1);
  EXPECT_EQ(kept(ledger_, "A", {unreadable_payment("p1", "link-A", 11)}), 0)
      << "still unreadable: nothing new";
  EXPECT_EQ(kept(ledger_, "A", {payment("p1", "link-A", 12'500, 12)}), 1) << "newly readable";
  const SaleRecord a = sale("A");
  ASSERT_EQ(a.payments.size(), 1u);
  EXPECT_EQ(a.payments[0].amount_thousandths, 12'500);
  EXPECT_EQ(a.payments[0].problem, "");
  EXPECT_EQ(a.payments[0].payer, "Ada Lovelace");
  EXPECT_EQ(events("A", "payment_read"), 1);
  EXPECT_EQ(kept(ledger_, "A", {payment("p1", "link-A", 99'000, 13)}), 0)
      << "a readable amount is never rewritten";
  EXPECT_EQ(sale("A").payments[0].amount_thousandths, 12'500);
}

TEST_F(LedgerPaymentsTest, UnreadablePaymentsAreOwedBackWhenTheReadableOnesPayTheSale) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments(
      "A", {payment("good", "link-A", 12'500, 10), unreadable_payment("odd", "link-A", 11)}));
  must(ledger_.record_paid("A", 20, {}));
  const SaleRecord a = sale("A");
  EXPECT_TRUE(payment_of(a, "good")->counted);
  const auto odd = payment_of(a, "odd");
  EXPECT_FALSE(odd->counted) << "an unknown amount is not on the receipt";
  EXPECT_EQ(odd->refund_reason, RefundReason::kUnreadable);
  EXPECT_FALSE(odd->refund_thousandths);
  EXPECT_EQ(a.counted_thousandths(), 12'500);
  ASSERT_EQ(ledger_.refunds_owed().size(), 1u);
  EXPECT_EQ(ledger_.refunds_owed()[0].payment.payment_id, "odd");
}

TEST_F(LedgerPaymentsTest, OverpaidSharesAreOwedBackFromThePaymentsTheyName) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments(
      "A", {payment("p1", "link-A", 10'000, 10), payment("p2", "link-A", 10'000, 11)}));
  EXPECT_EQ(must(ledger_.record_paid("A", 20, {{"p2", 7'500}})).receipt_number, 1);
  const SaleRecord a = sale("A");
  const auto p1 = payment_of(a, "p1");
  const auto p2 = payment_of(a, "p2");
  EXPECT_TRUE(p1->counted);
  EXPECT_FALSE(p1->refund_owed());
  EXPECT_TRUE(p2->counted) << "it paid for the sale, and more";
  EXPECT_EQ(p2->refund_reason, RefundReason::kOverpaid);
  EXPECT_EQ(p2->refund_thousandths, 7'500);
  EXPECT_EQ(a.counted_thousandths(), 20'000) << "both are on the receipt in full";
  const auto owed = ledger_.refunds_owed();
  ASSERT_EQ(owed.size(), 1u);
  EXPECT_EQ(owed[0].reference, "A");
  EXPECT_EQ(owed[0].payment.payment_id, "p2");
  EXPECT_EQ(owed[0].payment.refund_thousandths, 7'500);

  const auto paid = nlohmann::json::parse(RawDb(path_).text(
      "SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'paid'", "A"));
  ASSERT_EQ(paid.at("overpaid").size(), 1u);
  EXPECT_EQ(paid.at("overpaid")[0].at("payment_id"), "p2");
  EXPECT_EQ(paid.at("overpaid")[0].at("refund_thousandths"), 7'500);
}

TEST_F(LedgerPaymentsTest, AnOverpaidShareFromAPaymentNotCountedIsRefusedAndNothingChanges) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments("A", {payment("p1", "link-A", 20'000, 10)}));
  EXPECT_THROW(must(ledger_.record_paid("A", 20, {{"elsewhere", 7'500}})), std::logic_error);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kLinkCreated);
  EXPECT_EQ(a.receipt_number, 0);
  EXPECT_FALSE(a.payments[0].counted);
  EXPECT_EQ(events("A", "paid"), 0);
  EXPECT_EQ(must(ledger_.record_paid("A", 21, {{"p1", 7'500}})).receipt_number, 1)
      << "the number was not used up";
}

TEST_F(LedgerPaymentsTest, ASaleWithPaymentsCannotEndCancelledExpiredOrFailed) {
  start_with_link(ledger_, "A", 1);
  must(ledger_.record_payments("A", {payment("p1", "link-A", 5'000, 10)}));
  for (const SaleEnd end : {SaleEnd::kCancelled, SaleEnd::kExpired}) {
    try {
      must(ledger_.record_ended("A", end, "without its money"));
      ADD_FAILURE() << "no exception";
    } catch (const std::logic_error& error) {
      EXPECT_THAT(error.what(), HasSubstr("has payments"));
    }
  }
  // A sale with a link never ends failed: the sale table has no such move.
  EXPECT_THROW(must(ledger_.record_ended("A", SaleEnd::kFailed, "without its money")),
               std::logic_error);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kLinkCreated);
  EXPECT_FALSE(a.end);
  EXPECT_EQ(events("A", "ended"), 0);
}

TEST_F(LedgerPaymentsTest, AnEntryWithoutAnIdIsKeptForEachSaleThatListsIt) {
  // A payment is known by its sale and its id: the same id under two sales (an entry without
  // an id, which the client names by its content, or Wix listing one record twice) is kept for
  // each, so neither sale can end as if nothing was paid.
  start_with_link(ledger_, "A", 1);
  start_with_link(ledger_, "B", 2);
  EXPECT_EQ(kept(ledger_, "A", {unreadable_payment("", "link-A", 10)}), 1);
  EXPECT_EQ(kept(ledger_, "B", {unreadable_payment("", "link-B", 11)}), 1);
  EXPECT_EQ(sale("B").payments.size(), 1u);
  EXPECT_THROW(must(ledger_.record_ended("B", SaleEnd::kCancelled, "closed elsewhere")),
               std::logic_error);
}

TEST_F(LedgerPaymentsTest, StagesEndsAndRefundReasonsAreStoredByNameForTheSqliteShell) {
  start_with_link(ledger_, "U", 1);
  must(ledger_.record_payments("U", {payment("pay-u", "link-U", 5'000, 10)}));
  must(ledger_.record_link_closed("U"));
  must(ledger_.record_underpaid("U"));

  start_with_link(ledger_, "C", 2);
  must(ledger_.record_payments("C", {unreadable_payment("pay-c", "link-C", 11)}));
  must(ledger_.record_check_payment("C"));

  start_with_link(ledger_, "X", 3);
  must(ledger_.record_payments("X", {payment("pay-x", "link-X", 5'000, 12)}));
  must(ledger_.record_check_payment("X"));
  must(ledger_.record_ended("X", SaleEnd::kUnresolved, "given up"));

  start_with_link(ledger_, "O", 4);
  must(ledger_.record_payments("O", {payment("pay-o", "link-O", 20'000, 13)}));
  must(ledger_.record_paid("O", 14, {{"pay-o", 7'500}}));
  must(ledger_.record_payments("O", {payment("pay-after", "link-O", 1'000, 15),
                                     unreadable_payment("pay-odd", "link-O", 16)}));

  RawDb raw(path_);
  const std::string stage =
      "SELECT stage || '/' || COALESCE(end_kind, '') FROM sales WHERE "
      "reference = ?1";
  EXPECT_EQ(raw.text(stage, "U"), "underpaid/");
  EXPECT_EQ(raw.text(stage, "C"), "check_payment/");
  EXPECT_EQ(raw.text(stage, "X"), "ended/unresolved");
  const std::string reason = "SELECT refund_reason FROM payments WHERE payment_id = ?1";
  EXPECT_EQ(raw.text(reason, "pay-u"), "");
  EXPECT_EQ(raw.text(reason, "pay-x"), "unresolved");
  EXPECT_EQ(raw.text(reason, "pay-o"), "overpaid");
  EXPECT_EQ(raw.text(reason, "pay-after"), "after_sale");
  EXPECT_EQ(raw.text(reason, "pay-odd"), "unreadable");
  EXPECT_EQ(raw.text("SELECT amount_thousandths FROM payments WHERE payment_id = ?1", "pay-o"),
            "20000");
}

class LedgerUnderpaidTest : public LedgerPaymentsTest {
 protected:
  // 10.00 of the 12.50 paid on the first link, which then closed.
  void underpaid(const std::string& reference) {
    start_with_link(ledger_, reference, 1);
    must(ledger_.record_payments(reference,
                                 {payment("first-" + reference, "link-" + reference, 10'000, 10)}));
    must(ledger_.record_link_closed(reference));
    must(ledger_.record_underpaid(reference));
  }
};

TEST_F(LedgerUnderpaidTest, ALinkForTheRestThatTookNothingIsStillKnownToTheSale) {
  // A link for the rest, cancelled with nothing paid, then another: a search for a lost create
  // must never take the first for the second, so the sale keeps every link it had.
  underpaid("A");
  must(ledger_.record_create_uncertain("A"));
  must(ledger_.record_link_created("A", "rest-1", "https://pay/rest-1", 720'000, 250));
  must(ledger_.record_link_closed("A"));
  must(ledger_.record_underpaid("A"));
  must(ledger_.record_create_uncertain("A"));
  must(ledger_.record_link_created("A", "rest-2", "https://pay/rest-2", 730'000, 250));
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.links, (std::vector<std::string>{"link-A", "rest-1", "rest-2"}));
  EXPECT_EQ(a.known_links(), (std::vector<std::string>{"link-A", "rest-1", "rest-2"}));
  const auto reopened = Ledger(path_).find("A");
  EXPECT_EQ(reopened->links, a.links);
}

TEST_F(LedgerUnderpaidTest, AnUnderpaidSaleNeedsAPaymentButNotYetAClosedLink) {
  start_with_link(ledger_, "A", 1);
  try {
    must(ledger_.record_underpaid("A"));
    FAIL() << "no exception";
  } catch (const std::logic_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("no payment"));
  }
  // A deactivation that went unanswered leaves the link open: the sale waits for the cashier
  // all the same, and closes the link in the background.
  must(ledger_.record_payments("A", {payment("p1", "link-A", 10'000, 10)}));
  must(ledger_.record_underpaid("A"));
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kUnderpaid);
  EXPECT_FALSE(a.link_closed);
  EXPECT_FALSE(a.payments[0].counted) << "it waits for the cashier's choice";
  EXPECT_EQ(ledger_.unfinished().size(), 1u);
}

TEST_F(LedgerUnderpaidTest, ASecondLinkAsksForTheRestAndBothLinksPayTheSale) {
  underpaid("A");
  must(ledger_.record_link_created("A", "rest-A", "https://pay/rest-A", 720'000, 250));
  SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kLinkCreated);
  EXPECT_EQ(a.link_id, "rest-A");
  EXPECT_EQ(a.link_url, "https://pay/rest-A");
  EXPECT_EQ(a.link_expires_at_ms, 720'000);
  EXPECT_EQ(a.link_amount_minor, 250);
  EXPECT_EQ(a.amount_minor, 1250) << "the sale's total stays";
  EXPECT_FALSE(a.link_closed) << "the new link takes payments";
  EXPECT_EQ(a.known_links(), (std::vector<std::string>{"link-A", "rest-A"}));

  EXPECT_EQ(kept(ledger_, "A", {payment("rest", "rest-A", 2'500, 30)}), 1);
  EXPECT_EQ(must(ledger_.record_paid("A", 40, {})).receipt_number, 1);
  a = sale("A");
  ASSERT_EQ(a.payments.size(), 2u);
  EXPECT_EQ(a.payments[0].link_id, "link-A");
  EXPECT_EQ(a.payments[1].link_id, "rest-A");
  EXPECT_TRUE(a.payments[0].counted);
  EXPECT_TRUE(a.payments[1].counted);
  EXPECT_EQ(a.counted_thousandths(), 12'500);
  ASSERT_EQ(ledger_.links_to_close().size(), 1u) << "the paid sale's second link";
  EXPECT_EQ(ledger_.links_to_close()[0].link_id, "rest-A");
}

TEST_F(LedgerUnderpaidTest, ASecondLinkIsRefusedWhileTheFirstIsNotConfirmedClosed) {
  // Only a sale carried over from a damaged ledger can be underpaid with its link open.
  SaleRecord carried = new_sale("A", 1);
  carried.stage = SaleStage::kUnderpaid;
  carried.link_id = "link-A";
  carried.link_url = "https://pay/link-A";
  carried.link_amount_minor = 1250;
  carried.payments.push_back(payment("first", "link-A", 10'000, 10));
  ledger_.import_sale(carried, "test");
  try {
    must(ledger_.record_link_created("A", "rest-A", "https://pay/rest-A", 720'000, 250));
    FAIL() << "no exception";
  } catch (const std::logic_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("not confirmed closed"));
    EXPECT_THAT(error.what(), HasSubstr("link-A"));
  }
  EXPECT_EQ(sale("A").link_id, "link-A");
  must(ledger_.record_link_closed("A"));
  must(ledger_.record_link_created("A", "rest-A", "https://pay/rest-A", 720'000, 250));
  EXPECT_EQ(sale("A").link_id, "rest-A");
}

TEST_F(LedgerUnderpaidTest, TheCashierMayAcceptWhatWasPaidWithTheRestWrittenOff) {
  underpaid("A");
  EXPECT_EQ(must(ledger_.record_paid("A", 40, {}, 2'500)).receipt_number, 1);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kPaid);
  EXPECT_EQ(a.written_off_thousandths, 2'500);
  EXPECT_EQ(a.counted_thousandths(), 10'000);
  EXPECT_TRUE(a.payments[0].counted);
  EXPECT_TRUE(ledger_.refunds_owed().empty());
}

TEST_F(LedgerUnderpaidTest, AnUnderpaidSaleEndsOnlyThroughItsPayments) {
  underpaid("A");
  EXPECT_THROW(must(ledger_.record_ended("A", SaleEnd::kCancelled, "")), std::logic_error);
  EXPECT_THROW(must(ledger_.record_ended("A", SaleEnd::kUnresolved, "")), std::logic_error);
  // Its second link expiring unpaid does not end it either: it is underpaid again.
  must(ledger_.record_link_created("A", "rest-A", "https://pay/rest-A", 720'000, 250));
  EXPECT_THROW(must(ledger_.record_ended("A", SaleEnd::kExpired, "timeout")), std::logic_error);
  must(ledger_.record_link_closed("A"));
  must(ledger_.record_underpaid("A"));
  EXPECT_EQ(sale("A").stage, SaleStage::kUnderpaid);
}

class LedgerCheckPaymentTest : public LedgerPaymentsTest {
 protected:
  // 5.00 read, and an entry that could not be read.
  void check_payment(const std::string& reference) {
    start_with_link(ledger_, reference, 1);
    must(ledger_.record_payments(
        reference, {payment("good-" + reference, "link-" + reference, 5'000, 10),
                    unreadable_payment("odd-" + reference, "link-" + reference, 11)}));
    must(ledger_.record_check_payment(reference));
  }
};

TEST_F(LedgerCheckPaymentTest, AnUnreadablePaymentHoldsTheSaleForTheCashier) {
  check_payment("A");
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kCheckPayment);
  EXPECT_FALSE(a.end);
  ASSERT_EQ(ledger_.unfinished().size(), 1u);
  EXPECT_TRUE(ledger_.refunds_owed().empty()) << "nothing is decided yet";
  EXPECT_EQ(events("A", "check_payment"), 1);

  // An underpaid sale's payment may turn out unreadable too.
  start_with_link(ledger_, "B", 2);
  must(ledger_.record_payments("B", {payment("b1", "link-B", 5'000, 10)}));
  must(ledger_.record_link_closed("B"));
  must(ledger_.record_underpaid("B"));
  must(ledger_.record_check_payment("B"));
  EXPECT_EQ(sale("B").stage, SaleStage::kCheckPayment);
}

TEST_F(LedgerCheckPaymentTest, GivingUpEndsTheSaleUnresolvedAndOwesEveryPaymentBack) {
  check_payment("A");
  must(ledger_.record_ended("A", SaleEnd::kUnresolved, "the cashier gave up"));
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kEnded);
  EXPECT_EQ(a.end, SaleEnd::kUnresolved);
  EXPECT_EQ(a.receipt_number, 0);
  EXPECT_EQ(a.counted_thousandths(), 0);
  const auto good = payment_of(a, "good-A");
  EXPECT_FALSE(good->counted);
  EXPECT_EQ(good->refund_reason, RefundReason::kUnresolved);
  EXPECT_EQ(good->refund_thousandths, 5'000);
  const auto odd = payment_of(a, "odd-A");
  EXPECT_EQ(odd->refund_reason, RefundReason::kUnresolved);
  EXPECT_FALSE(odd->refund_thousandths);

  std::vector<std::string> owed;
  for (const RefundDue& due : ledger_.refunds_owed())
    owed.push_back(due.payment.payment_id);
  EXPECT_EQ(owed, (std::vector<std::string>{"good-A", "odd-A"}));
}

TEST_F(LedgerCheckPaymentTest, APaymentReadOnALookAgainPaysTheSale) {
  check_payment("A");
  EXPECT_EQ(kept(ledger_, "A", {payment("odd-A", "link-A", 7'500, 20)}), 1);
  EXPECT_EQ(must(ledger_.record_paid("A", 30, {})).receipt_number, 1);
  const SaleRecord a = sale("A");
  EXPECT_EQ(a.stage, SaleStage::kPaid);
  EXPECT_TRUE(payment_of(a, "odd-A")->counted);
  EXPECT_EQ(a.counted_thousandths(), 12'500);
  EXPECT_TRUE(ledger_.refunds_owed().empty());
}

}  // namespace
}  // namespace linkpos::store::test
