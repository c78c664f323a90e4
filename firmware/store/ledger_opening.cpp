#include "store/ledger_opening.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "store/sale_names.hpp"
#include "store/schema.hpp"

namespace linkpos::store {
namespace {

namespace fs = std::filesystem;

// A look at a file that may be damaged: every failure is an answer, not an exception. The
// connection may write, as any opening does, to roll back a hot journal or rebuild a WAL index a
// killed process left (a read-only one fails there with "attempt to write a readonly database",
// which is not damage); query_only keeps it from changing anything else.
class Inspection {
 public:
  explicit Inspection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db_, "PRAGMA query_only = 1", nullptr, nullptr, nullptr) != SQLITE_OK)
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

  // What can still be read, row by row (reading stops at a damaged row): every sale with
  // something left to do or owed (unfinished, a link not confirmed closed, a create to settle, a
  // refund not cleared), with its payments. Columns a file's schema lacks read as 0, and each
  // table is read on its own, so a damaged payments table does not stop the sales coming through.
  std::vector<SaleRecord> sales_to_carry() {
    const bool has_payments_table = user_version() >= 5;
    const auto payments = has_payments_table ? payments_by_sale() : old_payments_by_sale();
    std::map<std::string, std::vector<std::string>> links;
    std::map<std::string, std::vector<SaleLineRecord>> lines;
    if (user_version() >= 6) {
      each_row(
          "SELECT reference, name, quantity, unit_price_minor, vat_basis_points FROM sale_lines "
          "ORDER BY reference, position",
          [&](sqlite3_stmt* row) {
            SaleLineRecord line{
                text(row, 1), sqlite3_column_int(row, 2), sqlite3_column_int64(row, 3), {}};
            if (sqlite3_column_type(row, 4) != SQLITE_NULL)
              line.vat_basis_points = sqlite3_column_int(row, 4);
            lines[text(row, 0)].push_back(std::move(line));
          });
    }
    if (has_payments_table) {
      each_row("SELECT reference, link_id FROM sale_links ORDER BY rowid",
               [&](sqlite3_stmt* row) { links[text(row, 0)].push_back(text(row, 1)); });
    }
    std::set<std::string> owing;
    each_row(has_payments_table ? "SELECT reference FROM payments WHERE refund_reason <> '' AND "
                                  "refund_cleared_at_ms IS NULL"
                                : "SELECT reference FROM extra_payments WHERE acknowledged = 0",
             [&](sqlite3_stmt* row) { owing.insert(text(row, 0)); });
    std::vector<SaleRecord> sales;
    each_row("SELECT * FROM sales", [&](sqlite3_stmt* row) {
      SaleRecord sale;
      sale.reference = column_text(row, "reference");
      const auto stage = stage_from_name(column_text(row, "stage"));
      if (sale.reference.empty() || !stage)
        return;
      sale.stage = *stage;
      sale.link_id = column_text(row, "link_id");
      sale.link_closed = column_int(row, "link_closed") != 0;
      sale.create_uncertain = column_int(row, "create_uncertain") != 0;
      const bool carry = sale.stage != SaleStage::kEnded ||
                         (!sale.link_id.empty() && !sale.link_closed) || sale.create_uncertain ||
                         owing.count(sale.reference) != 0;
      if (!carry)
        return;
      sale.business_day = column_text(row, "business_day");
      sale.started_at_ms = column_int(row, "started_at_ms");
      sale.currency = column_text(row, "currency");
      sale.amount_minor = column_int(row, "amount_minor");
      sale.link_url = column_text(row, "link_url");
      sale.link_expires_at_ms = column_int(row, "link_expires_at_ms");
      sale.link_amount_minor =
          has_payments_table ? column_int(row, "link_amount_minor") : sale.amount_minor;
      sale.paid_at_ms = column_int(row, "paid_at_ms");
      sale.receipt_number = column_int(row, "receipt_number");
      sale.written_off_thousandths = column_int(row, "written_off_thousandths");
      sale.prints = static_cast<int>(column_int(row, "prints"));
      if (const auto end = end_from_name(column_text(row, "end_kind")))
        sale.end = *end;
      sale.end_detail = column_text(row, "end_detail");
      sale.print_pending = column_int(row, "print_pending") != 0;
      if (const auto found = payments.find(sale.reference); found != payments.end())
        sale.payments = found->second;
      if (const auto found = links.find(sale.reference); found != links.end())
        sale.links = found->second;
      if (const auto found = lines.find(sale.reference); found != lines.end())
        sale.lines = found->second;
      sale.tip_minor = column_int(row, "tip_minor");
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

 private:
  using PaymentsBySale = std::map<std::string, std::vector<PaymentRecord>>;

  PaymentsBySale payments_by_sale() {
    PaymentsBySale payments;
    each_row("SELECT * FROM payments ORDER BY rowid", [&](sqlite3_stmt* row) {
      PaymentRecord payment;
      payment.payment_id = column_text(row, "payment_id");
      const std::string reference = column_text(row, "reference");
      const auto reason = refund_reason_from_name(column_text(row, "refund_reason"));
      if (payment.payment_id.empty() || reference.empty() || !reason)
        return;
      payment.link_id = column_text(row, "link_id");
      payment.amount_thousandths = column_optional_int(row, "amount_thousandths");
      payment.problem = column_text(row, "problem");
      payment.kind = column_text(row, "kind");
      payment.payer = column_text(row, "payer");
      payment.card = column_text(row, "card");
      payment.backend_receipt_id = column_text(row, "backend_receipt_id");
      payment.seen_at_ms = column_int(row, "seen_at_ms");
      payment.counted = column_int(row, "counted") != 0;
      payment.refund_reason = *reason;
      payment.refund_thousandths = column_optional_int(row, "refund_thousandths");
      payment.refund_cleared_at_ms = column_optional_int(row, "refund_cleared_at_ms");
      payments[reference].push_back(std::move(payment));
    });
    return payments;
  }

  // Schemas 2-4 kept a sale's one payment on its row and the rest as extra payments.
  PaymentsBySale old_payments_by_sale() {
    PaymentsBySale payments;
    const std::string factor = thousandths_per_minor_sql("currency");
    each_row(("SELECT reference, payment_id, link_id, paid_amount_minor * " + factor +
              ", backend_receipt_id, paid_at_ms FROM sales WHERE payment_id IS NOT NULL")
                 .c_str(),
             [&](sqlite3_stmt* row) {
               PaymentRecord payment;
               payment.payment_id = text(row, 1);
               payment.link_id = text(row, 2);
               payment.amount_thousandths = sqlite3_column_int64(row, 3);
               payment.kind = "REGULAR";
               payment.backend_receipt_id = text(row, 4);
               payment.seen_at_ms = sqlite3_column_int64(row, 5);
               payment.counted = true;
               payments[text(row, 0)].push_back(std::move(payment));
             });
    each_row(("SELECT e.reference, e.payment_id, s.link_id, e.amount_minor * " +
              thousandths_per_minor_sql("s.currency") +
              ", e.seen_at_ms, e.acknowledged FROM extra_payments e JOIN sales s ON "
              "s.reference = e.reference")
                 .c_str(),
             [&](sqlite3_stmt* row) {
               PaymentRecord payment;
               payment.payment_id = text(row, 1);
               payment.link_id = text(row, 2);
               payment.amount_thousandths = sqlite3_column_int64(row, 3);
               payment.kind = "REGULAR";
               payment.seen_at_ms = sqlite3_column_int64(row, 4);
               payment.refund_reason = RefundReason::kAfterSale;
               payment.refund_thousandths = payment.amount_thousandths;
               if (sqlite3_column_int64(row, 5) != 0)
                 payment.refund_cleared_at_ms = payment.seen_at_ms;
               payments[text(row, 0)].push_back(std::move(payment));
             });
    return payments;
  }

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
  static std::optional<std::int64_t> column_optional_int(sqlite3_stmt* row, const char* name) {
    const int column = column_of(row, name);
    if (column < 0 || sqlite3_column_type(row, column) == SQLITE_NULL)
      return std::nullopt;
    return sqlite3_column_int64(row, column);
  }

  sqlite3* db_ = nullptr;
  bool ok_ = true;
};

void move_aside(const std::string& path, const std::string& to) {
  std::error_code ignored;
  fs::rename(path, to);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
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

  // Before looking for damage: in a folder linkpos may not write, every file looks damaged.
  check_ledger_folder(path);
  std::optional<std::string> problem;
  std::vector<SaleRecord> carried;
  std::int64_t highest = 0;
  {
    Inspection inspection(path);
    problem = inspection.problem();
    if (!problem)
      return OpenedLedger{std::make_unique<Ledger>(path), ""};
    if (inspection.user_version() > latest_schema_version()) {
      return OpenedLedger{std::make_unique<Ledger>(path), ""};  // refused there, with its message
    }
    carried = inspection.sales_to_carry();
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
  std::string notice = "The sale ledger was damaged (" + *problem + "). It is kept as " + aside +
                       "; " + std::to_string(imported) +
                       " unfinished sale(s) were carried into a new ledger, and " +
                       "receipt numbers go on from " + std::to_string(highest + 1) + ".";
  return OpenedLedger{std::move(ledger), std::move(notice)};
}

}  // namespace linkpos::store
