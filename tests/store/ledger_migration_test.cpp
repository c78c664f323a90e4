// Files written by earlier firmware open with every sale, payment and refund they held.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store::test {
namespace {

class LedgerShippedVersionTest : public ::testing::TestWithParam<int> {};

TEST_P(LedgerShippedVersionTest, UpgradesToTheLatestAndItsSalesGoOn) {
  TempDir dir;
  const std::string path = dir.file("ledger.sqlite");
  write_old_ledger(path, GetParam());
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("INSERT INTO sales (reference, business_day, started_at_ms, currency, "
                       "amount_minor, stage) VALUES ('OLD', '2026-11-25', 1, 'EUR', 1250, "
                       "'started');"
                       "INSERT INTO sale_events (reference, at_ms, kind, detail) VALUES "
                       "('OLD', 1, 'started', '{}');"),
              SQLITE_OK)
        << raw.error();
  }
  Ledger upgraded(path);
  EXPECT_EQ(upgraded.schema_version(), latest_schema_version());
  const auto old = upgraded.find("OLD");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->stage, SaleStage::kStarted);
  EXPECT_FALSE(old->link_closed);
  EXPECT_FALSE(old->print_pending);
  EXPECT_FALSE(old->create_uncertain);
  EXPECT_TRUE(old->payments.empty());
  EXPECT_EQ(old->link_amount_minor, 0);

  must(upgraded.record_link_created("OLD", "l", "u", 2, 1250));
  EXPECT_EQ(pay(upgraded, "OLD", "p", 12'500, 3), 1);
  must(upgraded.record_link_closed("OLD"));
  EXPECT_TRUE(upgraded.find("OLD")->link_closed);
  EXPECT_EQ(RawDb(path).number("SELECT COUNT(*) FROM sale_events WHERE reference = 'OLD'"), 5)
      << "the history from before the upgrade stays";
}

INSTANTIATE_TEST_SUITE_P(Versions, LedgerShippedVersionTest, ::testing::Values(1, 2, 3, 4),
                         [](const auto& test_info) {
                           return "Version" + std::to_string(test_info.param);
                         });

// What firmware of schema 4 wrote for a sale paid in `currency` (payment "pay-<reference>",
// receipt number `number`, Wix receipt "rcpt-<reference>") and ended.
std::string v4_paid_sale(const std::string& reference, const std::string& currency,
                         std::int64_t amount_minor, int number) {
  const std::string amount = std::to_string(amount_minor);
  return "INSERT INTO sales (reference, business_day, started_at_ms, currency, amount_minor, "
         "stage, link_id, link_url, link_expires_at_ms, payment_id, paid_amount_minor, paid_at_ms, "
         "receipt_number, backend_receipt_id, prints, end_kind, end_detail, link_closed) VALUES "
         "('" +
         reference + "', '2026-11-25', " + std::to_string(number * 100) + ", '" + currency + "', " +
         amount + ", 'ended', 'link-" + reference + "', 'https://pay/" + reference +
         "', 999999, 'pay-" + reference + "', " + amount + ", " + std::to_string(number * 100 + 5) +
         ", " + std::to_string(number) + ", 'rcpt-" + reference +
         "', 1, 'completed', 'receipt printed', 1);";
}

std::string v4_extra_payment(const std::string& payment_id, const std::string& reference,
                             std::int64_t amount_minor, std::int64_t seen_at_ms,
                             bool acknowledged) {
  return "INSERT INTO extra_payments (payment_id, reference, amount_minor, seen_at_ms, "
         "acknowledged) VALUES ('" +
         payment_id + "', '" + reference + "', " + std::to_string(amount_minor) + ", " +
         std::to_string(seen_at_ms) + ", " + (acknowledged ? "1" : "0") + ");";
}

class LedgerVersionFourTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_old_ledger(path_, 4);
    RawDb raw(path_);
    ASSERT_EQ(raw.exec(v4_paid_sale("EUR-SALE", "EUR", 1250, 1) +  // 12.50 EUR
                       v4_paid_sale("JPY-SALE", "JPY", 1250, 2) +  // 1250 JPY
                       v4_paid_sale("KWD-SALE", "KWD", 1250, 3) +  // 1.250 KWD
                       v4_extra_payment("extra-eur", "EUR-SALE", 1250, 1'000, true) +
                       v4_extra_payment("extra-jpy", "JPY-SALE", 500, 2'000, false) +
                       v4_extra_payment("extra-kwd", "KWD-SALE", 7, 3'000, false) +
                       // Waiting for its payment when the firmware was updated.
                       "INSERT INTO sales (reference, business_day, started_at_ms, currency, "
                       "amount_minor, stage, link_id, link_url, link_expires_at_ms) VALUES "
                       "('WAITING', '2026-11-25', 400, 'EUR', 990, 'link_created', "
                       "'link-WAITING', 'https://pay/WAITING', 999999);"),
              SQLITE_OK)
        << raw.error();
  }

  SaleRecord sale(const std::string& reference) const {
    const auto found = ledger().find(reference);
    if (!found)
      throw std::logic_error("no sale " + reference);
    return *found;
  }
  Ledger& ledger() const {
    if (!ledger_)
      ledger_ = std::make_unique<Ledger>(path_);
    return *ledger_;
  }

  TempDir dir_;
  std::string path_ = dir_.file("ledger.sqlite");
  mutable std::unique_ptr<Ledger> ledger_;
};

TEST_F(LedgerVersionFourTest, EachSalesPaymentMovesIntoPaymentsCountedInThousandths) {
  EXPECT_EQ(ledger().schema_version(), latest_schema_version());
  struct Expected {
    const char* reference;
    std::int64_t thousandths;
  };
  for (const Expected expected : {Expected{"EUR-SALE", 12'500}, Expected{"JPY-SALE", 1'250'000},
                                  Expected{"KWD-SALE", 1'250}}) {
    SCOPED_TRACE(expected.reference);
    const SaleRecord paid = sale(expected.reference);
    const std::string reference = expected.reference;
    EXPECT_EQ(paid.stage, SaleStage::kEnded);
    EXPECT_EQ(paid.link_amount_minor, 1250) << "its link asked the whole amount";
    EXPECT_EQ(paid.written_off_thousandths, 0);
    ASSERT_EQ(paid.payments.size(), 2u) << "its payment and its extra payment";
    const PaymentRecord& own = paid.payments[0];
    EXPECT_EQ(own.payment_id, "pay-" + reference);
    EXPECT_EQ(own.link_id, "link-" + reference);
    EXPECT_EQ(own.amount_thousandths, expected.thousandths);
    EXPECT_EQ(own.kind, "REGULAR");
    EXPECT_EQ(own.backend_receipt_id, "rcpt-" + reference);
    EXPECT_EQ(own.seen_at_ms, paid.paid_at_ms);
    EXPECT_TRUE(own.counted);
    EXPECT_EQ(own.refund_reason, RefundReason::kNone);
    EXPECT_EQ(paid.counted_thousandths(), expected.thousandths);
  }
}

TEST_F(LedgerVersionFourTest, ExtraPaymentsBecomeRefundsAfterTheSaleInThousandths) {
  const auto eur = payment_of(sale("EUR-SALE"), "extra-eur");
  ASSERT_TRUE(eur);
  EXPECT_EQ(eur->link_id, "link-EUR-SALE");
  EXPECT_EQ(eur->amount_thousandths, 12'500);
  EXPECT_EQ(eur->seen_at_ms, 1'000);
  EXPECT_FALSE(eur->counted);
  EXPECT_EQ(eur->refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(eur->refund_thousandths, 12'500);
  EXPECT_TRUE(eur->refund_cleared_at_ms) << "the cashier had acknowledged it";

  const auto jpy = payment_of(sale("JPY-SALE"), "extra-jpy");
  ASSERT_TRUE(jpy);
  EXPECT_EQ(jpy->amount_thousandths, 500'000);
  EXPECT_EQ(jpy->refund_thousandths, 500'000);
  EXPECT_FALSE(jpy->refund_cleared_at_ms);

  const auto kwd = payment_of(sale("KWD-SALE"), "extra-kwd");
  ASSERT_TRUE(kwd);
  EXPECT_EQ(kwd->amount_thousandths, 7);
  EXPECT_EQ(kwd->refund_thousandths, 7);

  const auto owed = ledger().refunds_owed();
  ASSERT_EQ(owed.size(), 2u);
  EXPECT_EQ(owed[0].payment.payment_id, "extra-jpy");
  EXPECT_EQ(owed[0].currency, "JPY");
  EXPECT_EQ(owed[1].payment.payment_id, "extra-kwd");
  EXPECT_EQ(owed[1].currency, "KWD");
}

TEST_F(LedgerVersionFourTest, TheOldColumnsAndTheExtraPaymentsTableAreGone) {
  EXPECT_EQ(ledger().schema_version(), latest_schema_version());
  RawDb raw(path_);
  for (const char* column : {"payment_id", "paid_amount_minor", "backend_receipt_id"}) {
    EXPECT_NE(raw.exec(std::string("SELECT ") + column + " FROM sales"), SQLITE_OK) << column;
  }
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra_payments'"), 0);
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM payments"), 6);
}

TEST_F(LedgerVersionFourTest, AWaitingSaleGoesOnAndReceiptNumbersCarryOn) {
  const SaleRecord waiting = sale("WAITING");
  EXPECT_EQ(waiting.stage, SaleStage::kLinkCreated);
  EXPECT_TRUE(waiting.payments.empty());
  EXPECT_EQ(waiting.link_amount_minor, 990);
  EXPECT_EQ(pay(ledger(), "WAITING", "pay-WAITING", 9'900, 500), 4);
  EXPECT_EQ(sale("WAITING").counted_thousandths(), 9'900);
}

TEST_F(LedgerVersionFourTest, APaymentTheOldFileHeldIsNotNewWhenWixListsItAgain) {
  // A last look at an old sale's link lists the payment it was paid with: not one to refund.
  EXPECT_EQ(kept(ledger(), "EUR-SALE",
                 {payment("pay-EUR-SALE", "link-EUR-SALE", 12'500),
                  payment("extra-eur", "link-EUR-SALE", 12'500)}),
            0);
  EXPECT_EQ(sale("EUR-SALE").payments.size(), 2u);
  EXPECT_EQ(ledger().refunds_owed().size(), 2u);
}

}  // namespace
}  // namespace linkpos::store::test
