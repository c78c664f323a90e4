// Schema 3 and opening: prints that never finished, pruning, and a damaged file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/ledger_opening.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store::test {
namespace {

namespace fs = std::filesystem;

void sell(Ledger& ledger, const std::string& reference, std::int64_t at_ms, bool printed = true) {
  ledger.record_started(new_sale(reference, at_ms));
  ledger.record_link_created(reference, "link-" + reference, "https://pay/" + reference,
                             at_ms + 360000);
  ledger.record_paid(reference, "pay-" + reference, 1250, at_ms + 1000);
  ledger.record_receipt_issued(reference, "");
  if (!printed)
    return;
  ledger.record_print_started(reference);
  ledger.record_printed(reference);
  ledger.record_link_closed(reference);
  ledger.record_ended(reference, SaleEnd::kCompleted, "printed");
}

TEST(LedgerPrintingTest, APrintWhoseEndWasNeverRecordedIsPendingAfterReopening) {
  TempDir dir;
  {
    Ledger ledger(dir.file("l.sqlite"));
    sell(ledger, "A", 1, /*printed=*/false);
    ledger.record_print_started("A");
  }
  Ledger reopened(dir.file("l.sqlite"));
  EXPECT_TRUE(reopened.find("A")->print_pending);
  reopened.record_printed("A");
  EXPECT_FALSE(reopened.find("A")->print_pending);
}

TEST(LedgerPrintingTest, OnlyASuccessfulPrintClearsThePendingMark) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "A", 1, /*printed=*/false);
  ledger.record_print_started("A");
  ledger.record_print_failed("A", "paper out");
  EXPECT_TRUE(ledger.find("A")->print_pending) << "an earlier, cut-off attempt may have printed";
  EXPECT_EQ(ledger.find("A")->stage, SaleStage::kReceiptIssued);
  ledger.record_print_started("A");
  ledger.record_printed("A");
  EXPECT_FALSE(ledger.find("A")->print_pending);
}

TEST(LedgerPruningTest, OldEndedSalesGoButReceiptNumbersCarryOn) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  sell(ledger, "OLD1", 1000);
  sell(ledger, "OLD2", 2000);
  EXPECT_EQ(ledger.prune_ended_before(5000), 2);
  EXPECT_FALSE(ledger.find("OLD1"));
  EXPECT_TRUE(ledger.recent(10).empty());
  RawDb raw(dir.file("l.sqlite"));
  EXPECT_EQ(raw.number("SELECT COUNT(*) FROM sale_events"), 0);
  sell(ledger, "NEW", 9000);
  EXPECT_EQ(ledger.find("NEW")->receipt_number, 3) << "numbers never repeat after pruning";
}

TEST(LedgerPruningTest, SalesWithSomethingStillOwedStay) {
  TempDir dir;
  Ledger ledger(dir.file("l.sqlite"));
  ledger.record_started(new_sale("OPEN_LINK", 1000));
  ledger.record_link_created("OPEN_LINK", "l", "u", 2000);
  ledger.record_ended("OPEN_LINK", SaleEnd::kCancelled, "link not confirmed closed");
  sell(ledger, "REFUND", 1000);
  ledger.record_extra_payment("REFUND", "second", 1250, 3000);
  ledger.record_started(new_sale("UNFINISHED", 1000));
  EXPECT_EQ(ledger.prune_ended_before(5000), 0);
  EXPECT_TRUE(ledger.find("OPEN_LINK"));
  EXPECT_TRUE(ledger.find("REFUND"));
  EXPECT_TRUE(ledger.find("UNFINISHED"));
  ledger.acknowledge_extra_payment("second");
  EXPECT_EQ(ledger.prune_ended_before(5000), 1);
}

TEST(LedgerOpeningTest, ASoundFileOpensWithoutANotice) {
  TempDir dir;
  { Ledger(dir.file("l.sqlite")).record_started(new_sale("A", 1)); }
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
    ledger.record_started(new_sale("WAITING", 5000));
    ledger.record_link_created("WAITING", "link-w", "https://pay/w", 9000);
    sell(ledger, "PRINTING", 6000, /*printed=*/false);
    ledger.record_print_started("PRINTING");
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

TEST(LedgerOpeningTest, AFileOfGarbageIsKeptAsideAndANewLedgerStarted) {
  TempDir dir;
  const std::string path = dir.file("l.sqlite");
  std::ofstream(path) << std::string(8192, 'x');
  const auto opened = open_ledger(path, 7);
  EXPECT_FALSE(opened.salvage_notice.empty());
  EXPECT_TRUE(fs::exists(path + ".damaged-7"));
  EXPECT_EQ(opened.ledger->schema_version(), latest_schema_version());
}

}  // namespace
}  // namespace linkpos::store::test
