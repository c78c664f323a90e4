// Schema 3 and opening: prints that never finished, pruning, and a damaged file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/ledger_opening.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store::test {
namespace {

namespace fs = std::filesystem;

TEST(LedgerPrintingTest, APrintWhoseEndWasNeverRecordedIsPendingAfterReopening) {
  TempDir dir;
  {
    Ledger ledger(dir.file("l.sqlite"));
    sell(ledger, "A", 1, /*printed=*/false);
    must(ledger.record_print_started("A"));
  }
  Ledger reopened(dir.file("l.sqlite"));
  EXPECT_TRUE(reopened.find("A")->print_pending);
  must(reopened.record_printed("A"));
  EXPECT_FALSE(reopened.find("A")->print_pending);
}

TEST(LedgerPrintingTest, OnlyASuccessfulPrintClearsThePendingMark) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "A", 1, /*printed=*/false);
  must(ledger.record_print_started("A"));
  must(ledger.record_print_failed("A", "paper out"));
  EXPECT_TRUE(ledger.find("A")->print_pending) << "an earlier, cut-off attempt may have printed";
  EXPECT_EQ(ledger.find("A")->stage, SaleStage::kReceiptIssued);
  must(ledger.record_print_started("A"));
  must(ledger.record_printed("A"));
  EXPECT_FALSE(ledger.find("A")->print_pending);
}

TEST(LedgerPruningTest, OldEndedSalesGoButReceiptNumbersCarryOn) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "OLD1", 1000);
  sell(ledger, "OLD2", 2000);
  EXPECT_EQ(must(ledger.prune_ended_before(5000)), 2);
  EXPECT_FALSE(ledger.find("OLD1"));
  EXPECT_TRUE(ledger.recent(10).empty());
  RawDb raw(dir.file("l.sqlite"));
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events"), 0);
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM payments"), 0) << "their payments go with them";
  sell(ledger, "NEW", 9000);
  EXPECT_EQ(ledger.find("NEW")->receipt_number, 3) << "numbers never repeat after pruning";
}

TEST(LedgerPruningTest, SalesWithSomethingStillOwedStay) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  must(ledger.record_started(new_sale("OPEN_LINK", 1000)));
  must(ledger.record_link_created("OPEN_LINK", "l", "u", 2000, 1250));
  must(ledger.record_ended("OPEN_LINK", SaleEnd::kCancelled, "link not confirmed closed"));
  sell(ledger, "REFUND", 1000);
  must(ledger.record_payments("REFUND", {payment("second", "link-REFUND", 12'500, 3000)}));
  must(ledger.record_started(new_sale("UNFINISHED", 1000)));
  EXPECT_EQ(must(ledger.prune_ended_before(5000)), 0);
  EXPECT_TRUE(ledger.find("OPEN_LINK"));
  EXPECT_TRUE(ledger.find("REFUND"));
  EXPECT_TRUE(ledger.find("UNFINISHED"));
  must(ledger.clear_refund("REFUND", "second", 4000));
  EXPECT_EQ(must(ledger.prune_ended_before(5000)), 1);
  EXPECT_FALSE(ledger.find("REFUND"));
}

TEST(LedgerOpeningTest, ASoundFileOpensWithoutANotice) {
  TempDir dir;
  {
    Ledger ledger(dir.file("l.sqlite"));
    must(ledger.record_started(new_sale("A", 1)));
  }
  const auto opened = open_ledger(dir.file("l.sqlite"), 99);
  EXPECT_TRUE(opened.salvage_notice.empty());
  EXPECT_TRUE(opened.ledger->find("A"));
}

TEST(LedgerOpeningTest, ANewFileIsCreatedWithItsFolder) {
  TempDir dir;
  const auto opened = open_ledger(dir.file("state/linkpos/new.sqlite"), 99);
  EXPECT_TRUE(opened.salvage_notice.empty());
  EXPECT_EQ(opened.ledger->schema_version(), latest_schema_version());
}

// Overwrites every page of one table or index with garbage, as a failing card would.
void damage(const std::string& path, const std::string& object) {
  std::vector<std::int64_t> pages;
  std::int64_t page_size = 0;
  {
    RawDb raw(path);
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    page_size = raw.number("PRAGMA page_size");
    for (int i = 0;; ++i) {
      const std::string page = raw.text(
          "SELECT pageno FROM dbstat WHERE name = ?1 LIMIT 1 OFFSET " + std::to_string(i), object);
      if (page.empty())
        break;
      pages.push_back(std::stoll(page));
    }
  }
  ASSERT_FALSE(pages.empty());
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  const std::string garbage(static_cast<std::size_t>(page_size), '\x5a');
  for (const auto page : pages) {
    file.seekp((page - 1) * page_size);
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
}

TEST(LedgerOpeningTest, ADamagedFileIsKeptAsideAndItsUnfinishedSalesCarriedOver) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  {
    Ledger ledger(path);
    for (int i = 0; i < 30; ++i)
      sell(ledger, "DONE" + std::to_string(i), 1000 + i);
    must(ledger.record_started(new_sale("WAITING", 5000)));
    must(ledger.record_link_created("WAITING", "link-w", "https://pay/w", 9000, 1250));
    sell(ledger, "PRINTING", 6000, /*printed=*/false);
    must(ledger.record_print_started("PRINTING"));
  }
  damage(path, "sale_events");

  const auto opened = open_ledger(path, 424242);
  ASSERT_FALSE(opened.salvage_notice.empty());
  EXPECT_NE(opened.salvage_notice.find("damaged"), std::string::npos);
  EXPECT_NE(opened.salvage_notice.find(path + ".damaged-424242"), std::string::npos);
  EXPECT_TRUE(fs::exists(path + ".damaged-424242")) << "the damaged file is kept for a technician";

  Ledger& fresh = *opened.ledger;
  const auto waiting = fresh.find("WAITING");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->stage, SaleStage::kLinkCreated);
  EXPECT_EQ(waiting->link_url, "https://pay/w");
  const auto printing = fresh.find("PRINTING");
  ASSERT_TRUE(printing);
  EXPECT_TRUE(printing->print_pending);
  EXPECT_EQ(printing->receipt_number, 31);
  EXPECT_FALSE(fresh.find("DONE0")) << "ended sales stay in the kept file";

  sell(fresh, "NEXT", 7000);
  EXPECT_EQ(fresh.find("NEXT")->receipt_number, 32) << "numbers go on above the damaged file's";
}

TEST(LedgerOpeningTest, ADamagedFileCarriesItsSalesWithTheirPaymentsAndRefundsNotCleared) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  {
    Ledger ledger(path);
    for (int i = 0; i < 30; ++i)
      sell(ledger, "DONE" + std::to_string(i), 1000 + i);
    // Waiting: one payment in, not counted yet.
    start_with_link(ledger, "WAITING", 5000);
    must(ledger.record_payments("WAITING", {payment("pay-w1", "link-WAITING", 5'000, 5100)}));
    // Paid too much, receipt not printed: the overpaid share is owed back.
    start_with_link(ledger, "OVERPAID", 6000);
    must(ledger.record_payments("OVERPAID", {payment("pay-o1", "link-OVERPAID", 10'000, 6100),
                                             payment("pay-o2", "link-OVERPAID", 10'000, 6200)}));
    must(ledger.record_paid("OVERPAID", 6300, {{"pay-o2", 7'500}}));
    must(ledger.record_receipt_issued("OVERPAID", {{"pay-o1", "rcpt-o1"}}));
    // Ended long ago, with a payment after it that nobody refunded yet.
    sell(ledger, "LATE", 2000);
    must(ledger.record_payments("LATE", {payment("pay-late", "link-LATE", 12'500, 7000)}));
    // Ended, its late payment refunded: nothing left to carry.
    sell(ledger, "CLEARED", 3000);
    must(ledger.record_payments("CLEARED", {payment("pay-cleared", "link-CLEARED", 12'500, 7100)}));
    must(ledger.clear_refund("CLEARED", "pay-cleared", 7200));
  }
  damage(path, "sale_events");

  const auto opened = open_ledger(path, 515151);
  ASSERT_FALSE(opened.salvage_notice.empty());
  Ledger& fresh = *opened.ledger;

  const auto waiting = fresh.find("WAITING");
  ASSERT_TRUE(waiting);
  ASSERT_EQ(waiting->payments.size(), 1u);
  EXPECT_EQ(waiting->payments[0].payment_id, "pay-w1");
  EXPECT_EQ(waiting->payments[0].link_id, "link-WAITING");
  EXPECT_EQ(waiting->payments[0].amount_thousandths, 5'000);
  EXPECT_EQ(waiting->payments[0].payer, "Ada Lovelace");
  EXPECT_EQ(waiting->payments[0].card, "**** 4242");
  EXPECT_EQ(waiting->payments[0].seen_at_ms, 5100);
  EXPECT_FALSE(waiting->payments[0].counted);
  EXPECT_EQ(waiting->link_amount_minor, 1250);

  const auto overpaid = fresh.find("OVERPAID");
  ASSERT_TRUE(overpaid);
  EXPECT_EQ(overpaid->stage, SaleStage::kReceiptIssued);
  ASSERT_EQ(overpaid->payments.size(), 2u);
  EXPECT_EQ(overpaid->payments[0].payment_id, "pay-o1");
  EXPECT_EQ(overpaid->payments[0].backend_receipt_id, "rcpt-o1");
  EXPECT_TRUE(overpaid->payments[1].counted);
  EXPECT_EQ(overpaid->payments[1].refund_reason, RefundReason::kOverpaid);
  EXPECT_EQ(overpaid->payments[1].refund_thousandths, 7'500);
  EXPECT_EQ(overpaid->counted_thousandths(), 20'000);

  const auto late = fresh.find("LATE");
  ASSERT_TRUE(late) << "an ended sale with a refund not cleared is carried";
  ASSERT_EQ(late->payments.size(), 2u);
  EXPECT_TRUE(late->payments[0].counted);
  EXPECT_EQ(late->payments[1].refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(late->payments[1].refund_thousandths, 12'500);
  EXPECT_FALSE(fresh.find("CLEARED")) << "a cleared refund stays in the kept file";
  EXPECT_FALSE(fresh.find("DONE3"));

  std::vector<std::string> owed;
  for (const RefundDue& due : fresh.refunds_owed())
    owed.push_back(due.payment.payment_id);
  EXPECT_EQ(owed, (std::vector<std::string>{"pay-o2", "pay-late"}));

  sell(fresh, "NEXT", 8000);
  EXPECT_EQ(fresh.find("NEXT")->receipt_number, 34) << "numbers go on above the damaged file's";
}

TEST(LedgerOpeningTest, ADamagedVersionFourFileCarriesItsSalesWithTheirPaymentsConverted) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  write_old_ledger(path, 4);
  {
    RawDb raw(path);
    std::string rows;
    for (int i = 0; i < 30; ++i) {
      const std::string n = std::to_string(i);
      rows +=
          "INSERT INTO sales (reference, business_day, started_at_ms, currency, amount_minor, "
          "stage, link_id, link_url, link_expires_at_ms, payment_id, paid_amount_minor, "
          "paid_at_ms, receipt_number, prints, end_kind, end_detail, link_closed) VALUES ('DONE" +
          n + "', '2026-11-25', " + n + ", 'EUR', 100, 'ended', 'link-d" + n + "', 'u', 9, 'pay-d" +
          n + "', 100, 5, " + std::to_string(i + 1) +
          ", 1, 'completed', 'printed', 1);"
          "INSERT INTO sale_events (reference, at_ms, kind, detail) VALUES ('DONE" +
          n + "', 5, 'ended', '{\"detail\": \"printed with a long enough history\"}');";
    }
    ASSERT_EQ(raw.exec(rows +
                       // Paid in yen, its receipt not printed yet.
                       "INSERT INTO sales (reference, business_day, started_at_ms, currency, "
                       "amount_minor, stage, link_id, link_url, link_expires_at_ms, payment_id, "
                       "paid_amount_minor, paid_at_ms, receipt_number, backend_receipt_id, "
                       "print_pending) VALUES ('PAID-JPY', '2026-11-25', 100, 'JPY', 1250, "
                       "'receipt_issued', 'link-j', 'https://pay/j', 900, 'pay-j', 1250, 200, 31, "
                       "'rcpt-j', 1);"
                       // Completed, with a second payment the cashier had not acknowledged.
                       "INSERT INTO sales (reference, business_day, started_at_ms, currency, "
                       "amount_minor, stage, link_id, link_url, link_expires_at_ms, payment_id, "
                       "paid_amount_minor, paid_at_ms, receipt_number, prints, end_kind, "
                       "link_closed) VALUES ('EXTRA-KWD', '2026-11-25', 300, 'KWD', 1250, "
                       "'ended', 'link-k', 'https://pay/k', 900, 'pay-k', 1250, 400, 32, 1, "
                       "'completed', 1);"
                       "INSERT INTO extra_payments (payment_id, reference, amount_minor, "
                       "seen_at_ms) VALUES ('pay-k2', 'EXTRA-KWD', 1250, 500);"),
              SQLITE_OK)
        << raw.error();
  }
  damage(path, "sale_events");

  const auto opened = open_ledger(path, 616161);
  ASSERT_FALSE(opened.salvage_notice.empty());
  Ledger& fresh = *opened.ledger;
  EXPECT_EQ(fresh.schema_version(), latest_schema_version());

  const auto yen = fresh.find("PAID-JPY");
  ASSERT_TRUE(yen);
  EXPECT_EQ(yen->stage, SaleStage::kReceiptIssued);
  EXPECT_TRUE(yen->print_pending);
  EXPECT_EQ(yen->link_amount_minor, 1250);
  ASSERT_EQ(yen->payments.size(), 1u);
  EXPECT_EQ(yen->payments[0].payment_id, "pay-j");
  EXPECT_EQ(yen->payments[0].link_id, "link-j");
  EXPECT_EQ(yen->payments[0].amount_thousandths, 1'250'000) << "¥1250 is 1,250,000 thousandths";
  EXPECT_EQ(yen->payments[0].backend_receipt_id, "rcpt-j");
  EXPECT_TRUE(yen->payments[0].counted);

  const auto dinar = fresh.find("EXTRA-KWD");
  ASSERT_TRUE(dinar) << "its refund is still owed";
  ASSERT_EQ(dinar->payments.size(), 2u);
  EXPECT_EQ(dinar->payments[0].amount_thousandths, 1'250) << "KWD 1.250 is 1250 thousandths";
  EXPECT_TRUE(dinar->payments[0].counted);
  EXPECT_EQ(dinar->payments[1].payment_id, "pay-k2");
  EXPECT_EQ(dinar->payments[1].link_id, "link-k");
  EXPECT_EQ(dinar->payments[1].refund_reason, RefundReason::kAfterSale);
  EXPECT_EQ(dinar->payments[1].refund_thousandths, 1'250);
  ASSERT_EQ(fresh.refunds_owed().size(), 1u);
  EXPECT_EQ(fresh.refunds_owed()[0].currency, "KWD");
  EXPECT_FALSE(fresh.find("DONE0"));

  sell(fresh, "NEXT", 8000);
  EXPECT_EQ(fresh.find("NEXT")->receipt_number, 33);
}

class LedgerOpeningShippedVersionTest : public ::testing::TestWithParam<int> {};

TEST_P(LedgerOpeningShippedVersionTest, ADamagedFileCarriesItsUnfinishedSales) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  write_old_ledger(path, GetParam());
  {
    RawDb raw(path);
    std::string rows =
        "INSERT INTO sales (reference, business_day, started_at_ms, currency, amount_minor, "
        "stage, link_id, link_url, link_expires_at_ms) VALUES ('WAITING', '2026-11-25', 5000, "
        "'EUR', 1250, 'link_created', 'link-w', 'https://pay/w', 9000);";
    for (int i = 0; i < 30; ++i) {
      rows += "INSERT INTO sale_events (reference, at_ms, kind, detail) VALUES ('WAITING', " +
              std::to_string(i) + ", 'polled', '{\"detail\": \"a long enough history\"}');";
    }
    ASSERT_EQ(raw.exec(rows), SQLITE_OK) << raw.error();
  }
  damage(path, "sale_events");

  const auto opened = open_ledger(path, 717171);
  ASSERT_FALSE(opened.salvage_notice.empty());
  const auto waiting = opened.ledger->find("WAITING");
  ASSERT_TRUE(waiting) << opened.salvage_notice;
  EXPECT_EQ(waiting->stage, SaleStage::kLinkCreated);
  EXPECT_EQ(waiting->link_id, "link-w");
}

// Each shipped schema lacks some of today's columns and tables; what it has is read.
INSTANTIATE_TEST_SUITE_P(Versions, LedgerOpeningShippedVersionTest, ::testing::Values(1, 2, 3, 4),
                         [](const auto& test_info) {
                           return "Version" + std::to_string(test_info.param);
                         });

// The payments table is read on its own: when it is the damaged part, the sales still come.
TEST(LedgerOpeningTest, ADamagedPaymentsTableStillLetsTheUnfinishedSalesThrough) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  {
    Ledger ledger(path);
    for (int i = 0; i < 30; ++i)
      sell(ledger, "DONE" + std::to_string(i), 1000 + i);
    start_with_link(ledger, "WAITING", 5000);
  }
  damage(path, "payments");

  const auto opened = open_ledger(path, 818181);
  ASSERT_FALSE(opened.salvage_notice.empty());
  const auto waiting = opened.ledger->find("WAITING");
  ASSERT_TRUE(waiting) << opened.salvage_notice;
  EXPECT_EQ(waiting->link_id, "link-WAITING");
}

TEST(LedgerOpeningTest, AFileOfGarbageIsKeptAsideAndANewLedgerStarted) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  std::ofstream(path) << std::string(8192, 'x');
  const auto opened = open_ledger(path, 7);
  EXPECT_FALSE(opened.salvage_notice.empty());
  EXPECT_TRUE(fs::exists(path + ".damaged-7"));
  EXPECT_EQ(opened.ledger->schema_version(), latest_schema_version());
}

// A first boot killed while it wrote the new file leaves a hot rollback journal beside it. The
// opening rolls it back, as SQLite does for any writer; it is no sign of damage.
TEST(LedgerOpeningTest, AHotJournalFromAKilledFirstBootIsRolledBackNotTakenForDamage) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  const pid_t child = fork();
  if (child == 0) {
    RawDb raw(path);
    // A tiny page cache makes SQLite write pages into the file before the commit.
    raw.exec("PRAGMA cache_size = 2; CREATE TABLE filler (x); BEGIN");
    for (int i = 0; i < 2000; ++i)
      raw.exec("INSERT INTO filler VALUES (randomblob(100))");
    raise(SIGKILL);
    _exit(3);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_TRUE(fs::exists(path + "-journal"));

  const auto opened = open_ledger(path, 7);
  EXPECT_EQ(opened.salvage_notice, "");
  EXPECT_FALSE(fs::exists(path + ".damaged-7"));
  EXPECT_EQ(opened.ledger->schema_version(), latest_schema_version());
  EXPECT_EQ(RawDb(path).number("SELECT COUNT(*) FROM filler"), 0);
}

}  // namespace
}  // namespace linkpos::store::test
