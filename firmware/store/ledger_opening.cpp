#include "store/ledger_opening.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "store/sale_names.hpp"
#include "store/schema.hpp"

namespace linkpos::store {
namespace {

namespace fs = std::filesystem;

// A read-only look at a file that may be damaged: every failure is an answer, not an exception.
class Inspection {
 public:
  explicit Inspection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      ok_ = false;
  }
  ~Inspection() { sqlite3_close(db_); }
  Inspection(const Inspection&) = delete;
  Inspection& operator=(const Inspection&) = delete;

  // Nullopt when the file is sound; else what SQLite found wrong.
  std::optional<std::string> problem() {
    if (!ok_)
      return std::string(db_ != nullptr ? sqlite3_errmsg(db_) : "cannot open it");
    std::vector<std::string> findings;
    const bool ran = each_row("PRAGMA quick_check",
                              [&](sqlite3_stmt* row) { findings.push_back(text(row, 0)); });
    if (!ran)
      return std::string(sqlite3_errmsg(db_));
    if (findings.size() == 1 && findings.front() == "ok")
      return std::nullopt;
    return findings.empty() ? std::string("the integrity check gave no answer") : findings.front();
  }

  int user_version() {
    int version = 0;
    each_row("PRAGMA user_version",
             [&](sqlite3_stmt* row) { version = sqlite3_column_int(row, 0); });
    return version;
  }

  // What can still be read: unfinished sales row by row (a damaged row is skipped), the highest
  // receipt number, unacknowledged refunds.
  std::vector<SaleRecord> unfinished_sales() {
    std::vector<SaleRecord> sales;
    each_row(
        "SELECT * FROM sales WHERE stage <> 'ended' OR (link_id IS NOT NULL AND link_closed = 0) "
        "OR create_uncertain = 1",
        [&](sqlite3_stmt* row) {
          SaleRecord sale;
          sale.reference = column_text(row, "reference");
          const auto stage = stage_from_name(column_text(row, "stage"));
          if (sale.reference.empty() || !stage)
            return;
          sale.stage = *stage;
          sale.business_day = column_text(row, "business_day");
          sale.started_at_ms = column_int(row, "started_at_ms");
          sale.currency = column_text(row, "currency");
          sale.amount_minor = column_int(row, "amount_minor");
          sale.link_id = column_text(row, "link_id");
          sale.link_url = column_text(row, "link_url");
          sale.link_expires_at_ms = column_int(row, "link_expires_at_ms");
          sale.payment_id = column_text(row, "payment_id");
          sale.paid_amount_minor = column_int(row, "paid_amount_minor");
          sale.paid_at_ms = column_int(row, "paid_at_ms");
          sale.receipt_number = column_int(row, "receipt_number");
          sale.backend_receipt_id = column_text(row, "backend_receipt_id");
          sale.prints = static_cast<int>(column_int(row, "prints"));
          if (const auto end = end_from_name(column_text(row, "end_kind")))
            sale.end = *end;
          sale.end_detail = column_text(row, "end_detail");
          sale.link_closed = column_int(row, "link_closed") != 0;
          sale.print_pending = column_int(row, "print_pending") != 0;
          sale.create_uncertain = column_int(row, "create_uncertain") != 0;
          sales.push_back(std::move(sale));
        });
    return sales;
  }

  std::int64_t highest_receipt_number() {
    std::int64_t highest = 0;
    each_row("SELECT MAX(receipt_number) FROM sales",
             [&](sqlite3_stmt* row) { highest = sqlite3_column_int64(row, 0); });
    each_row("SELECT value FROM ledger_counters WHERE name = 'receipt_number_floor'",
             [&](sqlite3_stmt* row) {
               highest = std::max(highest, static_cast<std::int64_t>(sqlite3_column_int64(row, 0)));
             });
    return highest;
  }

  std::vector<ExtraPayment> unacknowledged_refunds() {
    std::vector<ExtraPayment> refunds;
    each_row(
        "SELECT payment_id, reference, amount_minor, seen_at_ms FROM extra_payments WHERE "
        "acknowledged = 0",
        [&](sqlite3_stmt* row) {
          refunds.push_back(ExtraPayment{text(row, 0), text(row, 1), "",
                                         sqlite3_column_int64(row, 2), sqlite3_column_int64(row, 3),
                                         false});
        });
    return refunds;
  }

 private:
  template <class Row>
  bool each_row(const char* sql, Row&& on_row) {
    if (!ok_)
      return false;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK)
      return false;
    int result;
    while ((result = sqlite3_step(statement)) == SQLITE_ROW)
      on_row(statement);
    sqlite3_finalize(statement);
    return result == SQLITE_DONE;
  }

  static std::string text(sqlite3_stmt* row, int column) {
    const auto* value = sqlite3_column_text(row, column);
    return value != nullptr ? reinterpret_cast<const char*>(value) : "";
  }

  static int column_of(sqlite3_stmt* row, const char* name) {
    for (int i = 0; i < sqlite3_column_count(row); ++i) {
      if (std::string_view(sqlite3_column_name(row, i)) == name)
        return i;
    }
    return -1;
  }
  static std::string column_text(sqlite3_stmt* row, const char* name) {
    const int column = column_of(row, name);
    return column < 0 ? std::string() : text(row, column);
  }
  static std::int64_t column_int(sqlite3_stmt* row, const char* name) {
    const int column = column_of(row, name);
    return column < 0 ? 0 : sqlite3_column_int64(row, column);
  }

  sqlite3* db_ = nullptr;
  bool ok_ = true;
};

void move_aside(const std::string& path, const std::string& to) {
  std::error_code ignored;
  fs::rename(path, to);
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(path + suffix))
      fs::rename(path + suffix, to + suffix, ignored);
  }
}

}  // namespace

OpenedLedger open_ledger(const std::string& path, std::int64_t now_ms) {
  if (!fs::exists(path)) {
    // A first start: the folder may not exist yet (a fresh clone's build/demo, say).
    std::error_code ignored;  // if this fails, opening says why
    const auto folder = fs::path(path).parent_path();
    if (!folder.empty())
      fs::create_directories(folder, ignored);
    return OpenedLedger{std::make_unique<Ledger>(path), ""};
  }

  std::optional<std::string> problem;
  std::vector<SaleRecord> carried;
  std::vector<ExtraPayment> refunds;
  std::int64_t highest = 0;
  {
    Inspection inspection(path);
    problem = inspection.problem();
    if (!problem)
      return OpenedLedger{std::make_unique<Ledger>(path), ""};
    if (inspection.user_version() > latest_schema_version()) {
      return OpenedLedger{std::make_unique<Ledger>(path), ""};  // refused there, with its message
    }
    carried = inspection.unfinished_sales();
    refunds = inspection.unacknowledged_refunds();
    highest = inspection.highest_receipt_number();
  }

  const std::string aside = path + ".damaged-" + std::to_string(now_ms);
  try {
    move_aside(path, aside);
  } catch (const fs::filesystem_error& error) {
    throw LedgerError("sale ledger " + path + " is damaged (" + *problem +
                      ") and cannot be moved aside (" + error.code().message() +
                      "); call a technician");
  }
  auto ledger = std::make_unique<Ledger>(path);
  ledger->raise_receipt_number_floor(highest);
  const std::string why = "carried over from the damaged ledger " + aside;
  std::size_t imported = 0;
  for (const auto& sale : carried) {
    try {
      ledger->import_sale(sale, why);
      ++imported;
    } catch (const std::exception&) {
      // A row too damaged to stand alone (e.g. a duplicate) is left in the kept file.
    }
  }
  for (const auto& refund : refunds) {
    if (ledger->find(refund.reference)) {
      ledger->record_extra_payment(refund.reference, refund.payment_id, refund.amount_minor,
                                   refund.seen_at_ms);
    }
  }
  std::string notice = "The sale ledger was damaged (" + *problem + "). It is kept as " + aside +
                       "; " + std::to_string(imported) +
                       " unfinished sale(s) were carried into a new ledger, and " +
                       "receipt numbers go on from " + std::to_string(highest + 1) + ".";
  return OpenedLedger{std::move(ledger), std::move(notice)};
}

}  // namespace linkpos::store
