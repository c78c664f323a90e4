// The ledger survives what a terminal lives through: being closed and opened again, and the
// process dying between two steps of a sale.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"
#include "store/schema.hpp"

namespace linkpos::store {
namespace {

using test::new_sale;
using test::pay;
using test::payment;
using test::RawDb;
using test::TempDir;

TEST(LedgerTest, ReopeningTheFileKeepsEverySaleAndTheReceiptCount) {
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  {
    Ledger ledger(path);
    must(ledger.record_started(new_sale("T1-A", 1'000)));
    must(ledger.record_link_created("T1-A", "link-a", "https://pay/a", 60'000, 1250));
    pay(ledger, "T1-A", "pay-a", 12'500, 2'000);
    must(ledger.record_started(new_sale("T1-B", 3'000)));
    must(ledger.record_link_created("T1-B", "link-b", "https://pay/b", 60'000, 1250));
    must(ledger.record_ended("T1-B", SaleEnd::kExpired, "timeout"));
    must(ledger.record_started(new_sale("T1-W", 3'500)));
    must(ledger.record_link_created("T1-W", "link-w", "https://pay/w", 60'000, 1250));
    must(ledger.record_payments("T1-W", {payment("pay-w", "link-w", 5'000, 3'600)}));
  }
  Ledger reopened(path);
  EXPECT_EQ(reopened.schema_version(), latest_schema_version());
  const auto a = reopened.find("T1-A");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->stage, SaleStage::kPaid);
  EXPECT_EQ(a->link_url, "https://pay/a");
  ASSERT_EQ(a->payments.size(), 1u);
  EXPECT_EQ(a->payments.front().payment_id, "pay-a");
  EXPECT_TRUE(a->payments.front().counted);
  EXPECT_EQ(a->counted_thousandths(), 12'500);
  EXPECT_EQ(a->receipt_number, 1);
  EXPECT_EQ(reopened.find("T1-B")->end, SaleEnd::kExpired);
  EXPECT_EQ(reopened.unfinished().size(), 2u);
  // A payment that waited to be counted still waits.
  const auto waiting = reopened.find("T1-W");
  ASSERT_EQ(waiting->payments.size(), 1u);
  EXPECT_EQ(waiting->payments.front().amount_thousandths, 5'000);
  EXPECT_FALSE(waiting->payments.front().counted);

  must(reopened.record_started(new_sale("T1-C", 4'000)));
  must(reopened.record_link_created("T1-C", "link-c", "https://pay/c", 60'000, 1250));
  EXPECT_EQ(pay(reopened, "T1-C", "pay-c", 12'500, 5'000), 2);
}

// Runs `steps` on the ledger in a child process that is then killed with the ledger still open:
// no destructor, no close, no checkpoint. Returns whether it died by SIGKILL.
bool killed_after(const std::string& path, const std::function<void(Ledger&)>& steps) {
  const pid_t child = fork();
  if (child == 0) {
    int code = 0;
    try {
      Ledger ledger(path);
      steps(ledger);
      raise(SIGKILL);
    } catch (...) {
      code = 3;
    }
    _exit(code);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) != child)
    return false;
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

struct KilledAt {
  const char* name;
  SaleStage stage;
  int events;  // in the sale's history by then
};

// Names the case in ctest output instead of dumping its bytes.
void PrintTo(const KilledAt& value, std::ostream* out) {
  *out << value.name;
}

class LedgerKilledTest : public ::testing::TestWithParam<KilledAt> {};

TEST_P(LedgerKilledTest, ResumesASaleKilledBetweenSteps) {
  const SaleStage last = GetParam().stage;
  // An underpaid sale's one payment falls 2.50 short of its 12.50.
  const std::int64_t paid_thousandths = last == SaleStage::kUnderpaid ? 10'000 : 12'500;
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  ASSERT_TRUE(killed_after(path, [last, paid_thousandths](Ledger& ledger) {
    must(ledger.record_started(new_sale("T1-KILLED", 1'000)));
    if (last == SaleStage::kStarted)
      return;
    must(ledger.record_link_created("T1-KILLED", "link-k", "https://pay/k", 60'000, 1250));
    if (last == SaleStage::kLinkCreated)
      return;
    must(
        ledger.record_payments("T1-KILLED", {payment("pay-k", "link-k", paid_thousandths, 1'500)}));
    if (last == SaleStage::kUnderpaid) {
      must(ledger.record_link_closed("T1-KILLED"));
      must(ledger.record_underpaid("T1-KILLED"));
      return;
    }
    must(ledger.record_paid("T1-KILLED", 2'000, {}));
    if (last == SaleStage::kPaid)
      return;
    must(ledger.record_receipt_issued("T1-KILLED", {{"pay-k", "rcpt-k"}}));
    if (last == SaleStage::kReceiptIssued)
      return;
    must(ledger.record_printed("T1-KILLED"));
  }));
  // The committed steps are in the write-ahead log, which nobody checkpointed.
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));

  Ledger ledger(path);
  const auto open = ledger.unfinished();
  ASSERT_EQ(open.size(), 1u);
  const SaleRecord& sale = open.front();
  EXPECT_EQ(sale.reference, "T1-KILLED");
  EXPECT_EQ(sale.stage, last);
  EXPECT_EQ(sale.amount_minor, 1250);
  if (last >= SaleStage::kLinkCreated) {
    EXPECT_EQ(sale.link_id, "link-k");
    EXPECT_EQ(sale.link_url, "https://pay/k");
  }
  EXPECT_EQ(sale.receipt_number, last >= SaleStage::kPaid ? 1 : 0);
  EXPECT_EQ(sale.prints, last >= SaleStage::kPrinted ? 1 : 0);
  if (last > SaleStage::kLinkCreated) {
    ASSERT_EQ(sale.payments.size(), 1u);
    EXPECT_EQ(sale.payments.front().payment_id, "pay-k");
    EXPECT_EQ(sale.payments.front().amount_thousandths, paid_thousandths);
    EXPECT_EQ(sale.payments.front().counted, last >= SaleStage::kPaid);
  } else {
    EXPECT_TRUE(sale.payments.empty());
  }
  if (last >= SaleStage::kReceiptIssued) {
    EXPECT_EQ(sale.payments.front().backend_receipt_id, "rcpt-k");
  }
  EXPECT_EQ(RawDb(path).number("SELECT COUNT(*) FROM sale_events"), GetParam().events);

  // The sale goes on from where it was.
  if (last == SaleStage::kLinkCreated) {
    EXPECT_EQ(pay(ledger, "T1-KILLED", "pay-k", 12'500, 3'000), 1);
  } else if (last == SaleStage::kUnderpaid) {
    must(ledger.record_link_created("T1-KILLED", "link-k2", "https://pay/k2", 90'000, 250));
    EXPECT_EQ(ledger.find("T1-KILLED")->link_amount_minor, 250);
  }
}

INSTANTIATE_TEST_SUITE_P(Stages, LedgerKilledTest,
                         ::testing::Values(KilledAt{"Started", SaleStage::kStarted, 1},
                                           KilledAt{"LinkCreated", SaleStage::kLinkCreated, 2},
                                           KilledAt{"Underpaid", SaleStage::kUnderpaid, 5},
                                           KilledAt{"Paid", SaleStage::kPaid, 4},
                                           KilledAt{"Printed", SaleStage::kPrinted, 6}),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

// Catches the connection the Ledger opens, so the test can ask it about its own settings
// (synchronous and foreign_keys are per connection, invisible to a second one).
class ConnectionSpy {
 public:
  ConnectionSpy() {
    opened() = nullptr;
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&remember));
  }
  ~ConnectionSpy() { sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&remember)); }
  ConnectionSpy(const ConnectionSpy&) = delete;
  ConnectionSpy& operator=(const ConnectionSpy&) = delete;

  sqlite3* last_opened() const { return opened(); }

 private:
  static sqlite3*& opened() {
    static sqlite3* connection = nullptr;
    return connection;
  }
  static int remember(sqlite3* db, char**, const sqlite3_api_routines*) {
    opened() = db;
    return SQLITE_OK;
  }
};

std::int64_t pragma(sqlite3* db, const char* name) {
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &stmt, nullptr) ==
          SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

TEST(LedgerTest, OpensInWalModeWithFullSyncForeignKeysAndABusyTimeout) {
  TempDir dir;
  const std::string path = dir.file("ledger.db");
  ConnectionSpy spy;
  Ledger ledger(path);
  sqlite3* ledger_connection = spy.last_opened();
  ASSERT_NE(ledger_connection, nullptr);
  EXPECT_EQ(pragma(ledger_connection, "synchronous"), 2);  // FULL
  EXPECT_EQ(pragma(ledger_connection, "foreign_keys"), 1);
  EXPECT_GT(pragma(ledger_connection, "busy_timeout"), 0);

  // The journal mode is kept in the file: a second connection sees it.
  RawDb second(path);
  EXPECT_EQ(second.text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(second.number("PRAGMA user_version"), latest_schema_version());
}

}  // namespace
}  // namespace linkpos::store
