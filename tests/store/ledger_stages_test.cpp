// The stage order of a sale in the ledger: what each record_* call stores, and which calls are
// refused as bugs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"

namespace linkpos::store {
namespace {

using test::kept;
using test::kEurThousandthsPerCent;
using test::new_sale;
using test::payment;
using test::RawDb;
using test::TempDir;
using ::testing::AllOf;
using ::testing::HasSubstr;

class LedgerStagesTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = dir_.file("ledger.db");
  Ledger ledger_{path_};

  // Takes a sale through every step up to and including `last`.
  void advance(const std::string& reference, SaleStage last) {
    must(ledger_.record_started(new_sale(reference, 1'000)));
    if (last == SaleStage::kStarted)
      return;
    must(ledger_.record_link_created(reference, "link-" + reference, "https://pay/" + reference,
                                     9'000, 1250));
    if (last == SaleStage::kLinkCreated)
      return;
    test::pay(ledger_, reference, "pay-" + reference, 1250 * kEurThousandthsPerCent, 2'000);
    if (last == SaleStage::kPaid)
      return;
    must(ledger_.record_receipt_issued(reference, {{"pay-" + reference, "rcpt-" + reference}}));
    if (last == SaleStage::kReceiptIssued)
      return;
    must(ledger_.record_printed(reference));
    if (last == SaleStage::kPrinted)
      return;
    must(ledger_.record_ended(reference, SaleEnd::kCompleted, "printed"));
  }
};

TEST_F(LedgerStagesTest, EachStepIsReadBackWithItsValues) {
  must(ledger_.record_started(new_sale("T1-A", 1'700'000'000'000, 1250)));
  auto sale = ledger_.find("T1-A");
  ASSERT_TRUE(sale.has_value());
  EXPECT_EQ(sale->stage, SaleStage::kStarted);
  EXPECT_EQ(sale->business_day, "2026-11-25");
  EXPECT_EQ(sale->started_at_ms, 1'700'000'000'000);
  EXPECT_EQ(sale->currency, "EUR");
  EXPECT_EQ(sale->amount_minor, 1250);
  EXPECT_EQ(sale->link_id, "");
  EXPECT_EQ(sale->receipt_number, 0);
  EXPECT_FALSE(sale->end.has_value());

  must(ledger_.record_link_created("T1-A", "link-1", "https://pay.example/l/1", 1'700'000'900'000,
                                   1250));
  sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kLinkCreated);
  EXPECT_EQ(sale->link_id, "link-1");
  EXPECT_EQ(sale->link_url, "https://pay.example/l/1");
  EXPECT_EQ(sale->link_expires_at_ms, 1'700'000'900'000);
  EXPECT_EQ(sale->link_amount_minor, 1250);
  EXPECT_TRUE(sale->payments.empty());

  EXPECT_EQ(kept(ledger_, "T1-A", {payment("payment-1", "link-1", 12'500, 1'700'000'090'000)}), 1);
  EXPECT_EQ(must(ledger_.record_paid("T1-A", 1'700'000'100'000, {})).receipt_number, 1);
  sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kPaid);
  ASSERT_EQ(sale->payments.size(), 1u);
  const PaymentRecord& paid = sale->payments.front();
  EXPECT_EQ(paid.payment_id, "payment-1");
  EXPECT_EQ(paid.link_id, "link-1");
  EXPECT_EQ(paid.amount_thousandths, 12'500);
  EXPECT_EQ(paid.kind, "REGULAR");
  EXPECT_EQ(paid.payer, "Ada Lovelace");
  EXPECT_EQ(paid.card, "**** 4242");
  EXPECT_EQ(paid.seen_at_ms, 1'700'000'090'000);
  EXPECT_TRUE(paid.counted);
  EXPECT_EQ(paid.refund_reason, RefundReason::kNone);
  EXPECT_FALSE(paid.refund_owed());
  EXPECT_EQ(sale->counted_thousandths(), 12'500);
  EXPECT_EQ(sale->written_off_thousandths, 0);
  EXPECT_EQ(sale->paid_at_ms, 1'700'000'100'000);
  EXPECT_EQ(sale->receipt_number, 1);

  must(ledger_.record_receipt_issued("T1-A", {{"payment-1", "wix-receipt-7"}}));
  sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kReceiptIssued);
  EXPECT_EQ(sale->payments.at(0).backend_receipt_id, "wix-receipt-7");
  EXPECT_EQ(sale->prints, 0);

  must(ledger_.record_printed("T1-A"));
  sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kPrinted);
  EXPECT_EQ(sale->prints, 1);

  must(ledger_.record_ended("T1-A", SaleEnd::kCompleted, "receipt printed"));
  sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kEnded);
  EXPECT_EQ(sale->end, SaleEnd::kCompleted);
  EXPECT_EQ(sale->end_detail, "receipt printed");
  // Nothing earlier was lost on the way.
  EXPECT_EQ(sale->link_id, "link-1");
  EXPECT_EQ(sale->receipt_number, 1);
  EXPECT_EQ(sale->amount_minor, 1250);
  ASSERT_EQ(sale->payments.size(), 1u);
  EXPECT_EQ(sale->payments.front().backend_receipt_id, "wix-receipt-7");
}

TEST_F(LedgerStagesTest, StagesAndEndsAreStoredByNameForTheSqliteShell) {
  advance("T1-A", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-A", SaleEnd::kCancelled, "cashier pressed cancel"));
  advance("T1-B", SaleStage::kReceiptIssued);
  RawDb raw(path_);
  EXPECT_EQ(raw.text("SELECT stage || '/' || end_kind FROM sales WHERE reference = ?1", "T1-A"),
            "ended/cancelled");
  EXPECT_EQ(raw.text("SELECT stage FROM sales WHERE reference = ?1", "T1-B"), "receipt_issued");
}

TEST_F(LedgerStagesTest, AnUnknownSaleIsNotFound) {
  EXPECT_FALSE(ledger_.find("T1-X"));
}

TEST_F(LedgerStagesTest, LaterPrintsAreCopiesThatLeaveTheStageAlone) {
  advance("T1-A", SaleStage::kPrinted);
  must(ledger_.record_printed("T1-A"));
  EXPECT_EQ(ledger_.find("T1-A")->stage, SaleStage::kPrinted);
  EXPECT_EQ(ledger_.find("T1-A")->prints, 2);

  must(ledger_.record_ended("T1-A", SaleEnd::kCompleted, ""));
  must(ledger_.record_printed("T1-A"));
  EXPECT_EQ(ledger_.find("T1-A")->stage, SaleStage::kEnded);
  EXPECT_EQ(ledger_.find("T1-A")->prints, 3);
}

TEST_F(LedgerStagesTest, ReceiptNumbersCountUpWithoutGapsAcrossSalesThatWereNotPaid) {
  advance("T1-A", SaleStage::kLinkCreated);
  EXPECT_EQ(test::pay(ledger_, "T1-A", "p1", 1000, 1), 1);

  advance("T1-B", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-B", SaleEnd::kCancelled, "cashier cancelled"));
  advance("T1-C", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-C", SaleEnd::kExpired, "no payment in 5 min"));
  advance("T1-D", SaleStage::kStarted);
  must(ledger_.record_ended("T1-D", SaleEnd::kFailed, "backend unreachable"));

  advance("T1-E", SaleStage::kLinkCreated);
  EXPECT_EQ(test::pay(ledger_, "T1-E", "p2", 1000, 2), 2);
  advance("T1-F", SaleStage::kLinkCreated);
  EXPECT_EQ(test::pay(ledger_, "T1-F", "p3", 1000, 3), 3);

  for (const char* unpaid : {"T1-B", "T1-C", "T1-D"}) {
    EXPECT_EQ(ledger_.find(unpaid)->receipt_number, 0) << unpaid;
  }
  EXPECT_EQ(ledger_.find("T1-E")->receipt_number, 2);
}

TEST_F(LedgerStagesTest, ASaleMayEndUnpaidFromStartedOrLinkCreated) {
  advance("T1-A", SaleStage::kStarted);
  must(ledger_.record_ended("T1-A", SaleEnd::kFailed, "link could not be made"));
  advance("T1-B", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-B", SaleEnd::kExpired, "timeout"));
  EXPECT_EQ(ledger_.find("T1-A")->end, SaleEnd::kFailed);
  EXPECT_EQ(ledger_.find("T1-A")->end_detail, "link could not be made");
  EXPECT_EQ(ledger_.find("T1-B")->end, SaleEnd::kExpired);
}

struct IllegalStep {
  const char* name;
  SaleStage reached;
  const char* call;  // must appear in the error, with the stage reached
  void (*step)(Ledger&, const std::string&);
};

// Names the case in ctest output instead of dumping its bytes.
void PrintTo(const IllegalStep& value, std::ostream* out) {
  *out << value.name;
}

class LedgerIllegalStepTest : public LedgerStagesTest,
                              public ::testing::WithParamInterface<IllegalStep> {};

TEST_P(LedgerIllegalStepTest, ThrowsLogicErrorNamingTheSaleItsStageAndTheCall) {
  const IllegalStep& illegal = GetParam();
  advance("T1-ILLEGAL", illegal.reached);
  const std::string stage_in_file =
      RawDb(path_).text("SELECT stage FROM sales WHERE reference = ?1", "T1-ILLEGAL");
  try {
    illegal.step(ledger_, "T1-ILLEGAL");
    FAIL() << "no exception";
  } catch (const std::logic_error& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr("T1-ILLEGAL"), HasSubstr("'" + stage_in_file + "'"),
                                    HasSubstr(illegal.call)));
  }
}

const IllegalStep kIllegalSteps[] = {
    {"LinkTwice", SaleStage::kLinkCreated, "record_link_created",
     [](Ledger& l, const std::string& r) { must(l.record_link_created(r, "x", "y", 1, 1250)); }},
    {"LinkAfterPaid", SaleStage::kPaid, "record_link_created",
     [](Ledger& l, const std::string& r) { must(l.record_link_created(r, "x", "y", 1, 1250)); }},
    {"PaymentsBeforeLink", SaleStage::kStarted, "record_payments",
     [](Ledger& l, const std::string& r) { must(l.record_payments(r, {payment("p", "x", 1)})); }},
    {"PaidBeforeLink", SaleStage::kStarted, "record_paid",
     [](Ledger& l, const std::string& r) { must(l.record_paid(r, 1, {})); }},
    {"PaidTwice", SaleStage::kPaid, "record_paid",
     [](Ledger& l, const std::string& r) { must(l.record_paid(r, 1, {})); }},
    {"PaidAfterEnded", SaleStage::kEnded, "record_paid",
     [](Ledger& l, const std::string& r) { must(l.record_paid(r, 1, {})); }},
    {"UnderpaidBeforeLink", SaleStage::kStarted, "record_underpaid",
     [](Ledger& l, const std::string& r) { must(l.record_underpaid(r)); }},
    {"UnderpaidAfterPaid", SaleStage::kPaid, "record_underpaid",
     [](Ledger& l, const std::string& r) { must(l.record_underpaid(r)); }},
    {"CheckPaymentBeforeLink", SaleStage::kStarted, "record_check_payment",
     [](Ledger& l, const std::string& r) { must(l.record_check_payment(r)); }},
    {"CheckPaymentAfterPaid", SaleStage::kPaid, "record_check_payment",
     [](Ledger& l, const std::string& r) { must(l.record_check_payment(r)); }},
    {"ReceiptBeforePaid", SaleStage::kLinkCreated, "record_receipt_issued",
     [](Ledger& l, const std::string& r) { must(l.record_receipt_issued(r, {})); }},
    {"ReceiptTwice", SaleStage::kReceiptIssued, "record_receipt_issued",
     [](Ledger& l, const std::string& r) { must(l.record_receipt_issued(r, {})); }},
    {"PrintedBeforeReceipt", SaleStage::kPaid, "record_printed",
     [](Ledger& l, const std::string& r) { must(l.record_printed(r)); }},
    {"CancelledAfterPaid", SaleStage::kPaid, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kCancelled, "")); }},
    {"ExpiredAfterPrinted", SaleStage::kPrinted, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kExpired, "")); }},
    {"FailedAfterReceipt", SaleStage::kReceiptIssued, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kFailed, "")); }},
    {"CompletedBeforePrinted", SaleStage::kReceiptIssued, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kCompleted, "")); }},
    {"CompletedUnpaid", SaleStage::kLinkCreated, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kCompleted, "")); }},
    {"UnresolvedWithoutCheckingThePayment", SaleStage::kLinkCreated, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kUnresolved, "")); }},
    {"UnresolvedAfterPaid", SaleStage::kPaid, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kUnresolved, "")); }},
    {"EndedTwice", SaleStage::kEnded, "record_ended",
     [](Ledger& l, const std::string& r) { must(l.record_ended(r, SaleEnd::kCompleted, "")); }},
    {"StartedTwice", SaleStage::kStarted, "record_started",
     [](Ledger& l, const std::string& r) { must(l.record_started(new_sale(r, 5))); }},
};

INSTANTIATE_TEST_SUITE_P(StageOrder, LedgerIllegalStepTest, ::testing::ValuesIn(kIllegalSteps),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

TEST_F(LedgerStagesTest, AStepForAnUnknownSaleIsALogicError) {
  EXPECT_THROW(must(ledger_.record_link_created("T1-NOPE", "l", "u", 1, 1)), std::logic_error);
  EXPECT_THROW(must(ledger_.record_payments("T1-NOPE", {payment("p", "l", 1)})), std::logic_error);
  EXPECT_THROW(must(ledger_.record_paid("T1-NOPE", 1, {})), std::logic_error);
  EXPECT_THROW(must(ledger_.record_printed("T1-NOPE")), std::logic_error);
  EXPECT_THROW(must(ledger_.record_ended("T1-NOPE", SaleEnd::kCancelled, "")), std::logic_error);
}

TEST_F(LedgerStagesTest, ACancelledSaleHasNoReceiptToPrint) {
  advance("T1-A", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-A", SaleEnd::kCancelled, ""));
  EXPECT_THROW(must(ledger_.record_printed("T1-A")), std::logic_error);
  EXPECT_EQ(ledger_.find("T1-A")->prints, 0);
}

TEST_F(LedgerStagesTest, ARefusedStepLeavesTheSaleAndItsHistoryAsTheyWere) {
  advance("T1-A", SaleStage::kPaid);
  RawDb raw(path_);
  const auto events_before = raw.number("SELECT COUNT(*) FROM sale_events");
  EXPECT_THROW(must(ledger_.record_ended("T1-A", SaleEnd::kCancelled, "too late")),
               std::logic_error);
  const auto sale = ledger_.find("T1-A");
  EXPECT_EQ(sale->stage, SaleStage::kPaid);
  EXPECT_FALSE(sale->end.has_value());
  EXPECT_EQ(sale->end_detail, "");
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events"), events_before);
  // The ledger still takes the next legal step (no transaction was left open).
  must(ledger_.record_receipt_issued("T1-A", {}));
  EXPECT_EQ(ledger_.find("T1-A")->stage, SaleStage::kReceiptIssued);
}

TEST_F(LedgerStagesTest, EveryCallAppendsOneEventToTheSalesHistory) {
  advance("T1-A", SaleStage::kEnded);    // 7 calls, one of them keeping one payment
  must(ledger_.record_printed("T1-A"));  // a copy: 8
  advance("T1-B", SaleStage::kLinkCreated);
  must(ledger_.record_ended("T1-B", SaleEnd::kCancelled, "cashier \"cancelled\""));  // 3

  RawDb raw(path_);
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE reference = ?1", "T1-A"), 8);
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE reference = ?1", "T1-B"), 3);
  EXPECT_EQ(raw.text("SELECT group_concat(kind, ',') FROM (SELECT kind FROM sale_events "
                     "WHERE reference = ?1 ORDER BY id)",
                     "T1-A"),
            "started,link_created,payment,paid,receipt_issued,printed,ended,printed");
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE at_ms <= 0"), 0);

  const auto kept = nlohmann::json::parse(
      raw.text("SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'payment'", "T1-A"));
  EXPECT_EQ(kept.at("payment_id"), "pay-T1-A");
  EXPECT_EQ(kept.at("amount_thousandths"), 12'500);
  const auto paid = nlohmann::json::parse(
      raw.text("SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'paid'", "T1-A"));
  EXPECT_EQ(paid.at("receipt_number"), 1);
  EXPECT_EQ(paid.at("paid_at_ms"), 2'000);
  const auto issued = nlohmann::json::parse(raw.text(
      "SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'receipt_issued'", "T1-A"));
  EXPECT_EQ(issued.at("receipts").at("pay-T1-A"), "rcpt-T1-A");
  const auto copy = nlohmann::json::parse(raw.text(
      "SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'printed' ORDER BY id DESC",
      "T1-A"));
  EXPECT_EQ(copy.at("copy"), true);
  EXPECT_EQ(copy.at("prints"), 2);
  const auto cancelled = nlohmann::json::parse(
      raw.text("SELECT detail FROM sale_events WHERE reference = ?1 AND kind = 'ended'", "T1-B"));
  EXPECT_EQ(cancelled.at("end"), "cancelled");
  EXPECT_EQ(cancelled.at("detail"), "cashier \"cancelled\"");
}

TEST_F(LedgerStagesTest, TheHistoryCannotBeRewritten) {
  advance("T1-A", SaleStage::kLinkCreated);
  RawDb raw(path_);
  EXPECT_NE(raw.exec("UPDATE sale_events SET kind = 'paid'"), SQLITE_OK);
  EXPECT_EQ(raw.text("SELECT kind FROM sale_events ORDER BY id DESC LIMIT 1"), "link_created");
}

TEST_F(LedgerStagesTest, TextIsStoredAsGivenEvenWithQuotesAndBadUtf8) {
  const std::string awkward = "O'Brien'); DROP TABLE sales; -- \xff\xfe";
  advance("T1-A", SaleStage::kStarted);
  must(ledger_.record_ended("T1-A", SaleEnd::kFailed, awkward));
  EXPECT_EQ(ledger_.find("T1-A")->end_detail, awkward);
  RawDb raw(path_);
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events WHERE reference = ?1", "T1-A"), 2);
}

}  // namespace
}  // namespace linkpos::store
