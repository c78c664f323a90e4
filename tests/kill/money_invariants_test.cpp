// The kill test's money checks, on records made by hand: each broken invariant is caught, and a
// clean run passes. A check that cannot fail would let the kill test pass whatever happened.
#include "kill/money_invariants.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"

namespace linkpos::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTerminal = "KILL";

class MoneyInvariantsTest : public ::testing::Test {
 protected:
  MoneyInvariantsTest() { fs::create_directories(receipts()); }

  std::string ledger_path() const { return dir_.file("ledger.sqlite"); }
  fs::path receipts() const { return dir_.path() / "receipts"; }

  static std::string reference(int n) {
    return std::string(kTerminal) + "-01J000000000000000000000" + std::to_string(10 + n);
  }

  void add_link(const std::string& id, int sale, const std::string& status) {
    state_["links"].push_back(
        {{"id", id}, {"status", status}, {"title", "Café Zoë " + reference(sale)}});
  }
  void add_payment(const std::string& id, const std::string& link_id) {
    state_["payments"].push_back(
        {{"id", id}, {"paymentLinkId", link_id}, {"receiptId", "r-" + id}});
  }
  void write_receipt(const std::string& name, const std::string& payment_id,
                     const std::string& mark = "") {
    std::ofstream file(receipts() / name);
    if (!mark.empty())
      file << "   " << mark << "\n";
    file << "Receipt No.                               000001\n";
    file << "Payment        " << payment_id << "\n";
  }

  // A sale paid and printed, with its link (PAID), payment and receipt.
  void paid_sale(store::Ledger& ledger, int n) {
    const std::string ref = reference(n);
    const std::string link = "link-" + std::to_string(n);
    const std::string payment = "pay-" + std::to_string(n);
    store::SaleRecord sale;
    sale.reference = ref;
    sale.business_day = "2026-11-25";
    sale.started_at_ms = 1'700'000'000'000 + n;
    sale.currency = "EUR";
    sale.amount_minor = 100 * n;
    ledger.record_started(sale);
    ledger.record_link_created(ref, link, "https://localhost/pay/" + link,
                               sale.started_at_ms + 300'000);
    ledger.record_paid(ref, payment, sale.amount_minor, sale.started_at_ms + 1000);
    ledger.record_receipt_issued(ref, "r-" + payment);
    ledger.record_print_started(ref);
    ledger.record_printed(ref);
    ledger.record_link_closed(ref);
    ledger.record_ended(ref, store::SaleEnd::kCompleted, "receipt printed");
    add_link(link, n, "PAID");
    add_payment(payment, link);
    write_receipt(ref + ".txt", payment);
  }

  MoneyFindings check() { return check_money(state_, ledger_path(), receipts(), kTerminal); }

  static std::string all(const MoneyFindings& found) {
    std::string text;
    for (const auto& violation : found.violations)
      text += violation + "\n";
    return text;
  }

  TempDir dir_;
  nlohmann::json state_ = {{"links", nlohmann::json::array()},
                           {"payments", nlohmann::json::array()}};
};

TEST_F(MoneyInvariantsTest, ACleanRunHasNoViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    paid_sale(ledger, 2);
  }
  write_receipt(reference(2) + "-copy-1.txt", "pay-2", "REPRINT — power lost while printing");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  EXPECT_EQ(found.paid_sales, 2);
  EXPECT_EQ(found.reprints, 1);
}

TEST_F(MoneyInvariantsTest, APaymentWithoutAReceiptIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  fs::remove(receipts() / (reference(1) + ".txt"));
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_NE(found.violations[0].find("payment with no receipt"), std::string::npos);
  EXPECT_NE(found.violations[0].find("pay-1"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, TwoUnmarkedReceiptsForOnePaymentAreAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  write_receipt(reference(1) + "-copy-1.txt", "pay-1");
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_NE(found.violations[0].find("2 receipts not marked"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, APaymentKeptForARefundNeedsNoReceipt) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    ledger.record_extra_payment(reference(1), "pay-extra", 100, 1'700'000'002'000);
  }
  add_payment("pay-extra", "link-1");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  ASSERT_EQ(found.refunds.size(), 1u);
  EXPECT_NE(found.refunds[0].find("pay-extra"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, ASecondLinkForASaleAndAnActiveLinkAreViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  add_link("link-1b", 1, "ACTIVE");
  const auto found = check();
  EXPECT_NE(all(found).find("sale with 2 links"), std::string::npos) << all(found);
  EXPECT_NE(all(found).find("still ACTIVE"), std::string::npos) << all(found);
}

TEST_F(MoneyInvariantsTest, AnUnfinishedSaleAndAGapInReceiptNumbersAreViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    ledger.raise_receipt_number_floor(5);
    paid_sale(ledger, 2);
    store::SaleRecord open;
    open.reference = reference(3);
    open.business_day = "2026-11-25";
    open.started_at_ms = 1'700'000'000'003;
    open.currency = "EUR";
    open.amount_minor = 300;
    ledger.record_started(open);
  }
  const auto found = check();
  EXPECT_NE(all(found).find("sale not ended: ledger sale " + reference(3)), std::string::npos)
      << all(found);
  EXPECT_NE(all(found).find("receipt numbers are not 1..2 without gaps or repeats: 1 6"),
            std::string::npos)
      << all(found);
}

TEST_F(MoneyInvariantsTest, ALedgerThatIsNotSQLiteIsUnsound) {
  std::ofstream(ledger_path()) << "this is not a database, just text long enough to be read\n";
  int sales = 0;
  EXPECT_TRUE(ledger_unsound(ledger_path(), dir_.path() / "check", sales).has_value());
}

TEST_F(MoneyInvariantsTest, ASoundLedgerCountsItsSales) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  int sales = 0;
  EXPECT_EQ(ledger_unsound(ledger_path(), dir_.path() / "check", sales), std::nullopt);
  EXPECT_EQ(sales, 1);
  EXPECT_EQ(ledger_work_left(ledger_path()), std::nullopt);
}

}  // namespace
}  // namespace linkpos::testing
