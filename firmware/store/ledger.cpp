#include "store/ledger.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/sale_names.hpp"
#include "store/schema.hpp"
#include "store/sqlite_statement.hpp"
#include "store/sqlite_transaction.hpp"

namespace linkpos::store {
namespace {

// Long enough to ride out a technician's sqlite3 shell holding the lock for a moment, short
// enough that the event loop never stalls for long.
constexpr int kBusyTimeoutMs = 2000;

constexpr std::string_view kSaleColumns =
    "reference, business_day, started_at_ms, currency, amount_minor, stage, link_id, link_url, "
    "link_expires_at_ms, payment_id, paid_amount_minor, paid_at_ms, receipt_number, "
    "backend_receipt_id, prints, end_kind, end_detail, link_closed, print_pending, "
    "create_uncertain";

std::string select_sales(std::string_view rest) {
  std::string sql = "SELECT ";
  sql += kSaleColumns;
  sql += " FROM sales ";
  sql += rest;
  return sql;
}

[[noreturn]] void throw_unreadable(const Statement& row, std::string_view what,
                                   const std::string& value) {
  throw LedgerError("sale ledger: sale " + row.text(0) + " has " + std::string(what) + " '" +
                    value + "', which this firmware does not know; was the file edited?");
}

// Reads a row selected with kSaleColumns.
SaleRecord read_sale(const Statement& row) {
  SaleRecord sale;
  sale.reference = row.text(0);
  sale.business_day = row.text(1);
  sale.started_at_ms = row.int64(2);
  sale.currency = row.text(3);
  sale.amount_minor = row.int64(4);
  const std::string stage = row.text(5);
  const auto known_stage = stage_from_name(stage);
  if (!known_stage)
    throw_unreadable(row, "stage", stage);
  sale.stage = *known_stage;
  sale.link_id = row.text(6);
  sale.link_url = row.text(7);
  sale.link_expires_at_ms = row.int64(8);
  sale.payment_id = row.text(9);
  sale.paid_amount_minor = row.int64(10);
  sale.paid_at_ms = row.int64(11);
  sale.receipt_number = row.int64(12);
  sale.backend_receipt_id = row.text(13);
  sale.prints = static_cast<int>(row.int64(14));
  if (!row.is_null(15)) {
    const std::string end = row.text(15);
    const auto known_end = end_from_name(end);
    if (!known_end)
      throw_unreadable(row, "end", end);
    sale.end = *known_end;
  }
  sale.end_detail = row.text(16);
  sale.link_closed = row.int64(17) != 0;
  sale.print_pending = row.int64(18) != 0;
  sale.create_uncertain = row.int64(19) != 0;
  return sale;
}

std::optional<SaleRecord> load(sqlite3* db, const std::string& reference) {
  Statement query(db, select_sales("WHERE reference = ?1"));
  query.bind(1, reference);
  if (!query.step())
    return std::nullopt;
  return read_sale(query);
}

std::vector<SaleRecord> load_all(Statement& query) {
  std::vector<SaleRecord> sales;
  while (query.step())
    sales.push_back(read_sale(query));
  return sales;
}

// How a refused call reads in its error: Ledger::record_ended("T1-01J...", cancelled).
std::string describe(std::string_view call, const std::string& reference,
                     std::string_view argument = {}) {
  std::string text = "Ledger::" + std::string(call) + "(\"" + reference + "\"";
  if (!argument.empty()) {
    text += ", " + std::string(argument);
  }
  return text + ")";
}

// The sale as it is now, for a step that may only follow one of `allowed` stages. Call it inside
// the step's transaction so the stage cannot change before the write.
SaleRecord sale_at(sqlite3* db, const std::string& reference, std::string_view call,
                   std::initializer_list<SaleStage> allowed, std::string_view argument = {}) {
  auto sale = load(db, reference);
  if (!sale) {
    throw std::logic_error(describe(call, reference, argument) + ": no such sale in the ledger");
  }
  if (std::find(allowed.begin(), allowed.end(), sale->stage) == allowed.end()) {
    std::string expected;
    for (const SaleStage stage : allowed) {
      if (!expected.empty()) {
        expected += " or ";
      }
      expected += "'" + std::string(stage_name(stage)) + "'";
    }
    throw std::logic_error(describe(call, reference, argument) + ": the sale is at stage '" +
                           std::string(stage_name(sale->stage)) + "', this call needs " + expected);
  }
  return *sale;
}

void set_stage(sqlite3* db, const std::string& reference, SaleStage stage) {
  Statement update(db, "UPDATE sales SET stage = ?2 WHERE reference = ?1");
  update.bind(1, reference).bind(2, stage_name(stage)).run();
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void append_event(sqlite3* db, const std::string& reference, std::string_view kind,
                  const nlohmann::json& detail) {
  Statement insert(db,
                   "INSERT INTO sale_events (reference, at_ms, kind, detail) "
                   "VALUES (?1, ?2, ?3, ?4)");
  // Details carry text from outside (server messages); bad UTF-8 there must not lose the event.
  insert.bind(1, reference)
      .bind(2, now_ms())
      .bind(3, kind)
      .bind(4, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .run();
}

void raise_floor_to_highest(sqlite3* db) {
  Statement update(
      db,
      "UPDATE ledger_counters SET value = MAX(value, COALESCE((SELECT MAX(receipt_number) "
      "FROM sales), 0)) WHERE name = 'receipt_number_floor'");
  update.run();
}

void use_write_ahead_log(sqlite3* db, const std::string& path) {
  Statement journal(db, "PRAGMA journal_mode = WAL");
  journal.step();
  const std::string mode = journal.text(0);
  if (mode != "wal") {
    throw LedgerError("sale ledger " + path +
                      ": cannot use write-ahead logging (journal mode stays '" + mode +
                      "'); keep the ledger on a local disk");
  }
}

}  // namespace

Ledger::Ledger(const std::string& path) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string cause = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw LedgerError("sale ledger " + path + ": cannot open or create it (" + cause +
                      "); check that its folder exists and that linkpos may write there");
  }
  try {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (sqlite3_db_readonly(db_, "main") == 1) {
      throw LedgerError("sale ledger " + path +
                        ": the file is read-only; make the file and its folder writable by "
                        "linkpos");
    }
    // Refuse a file from newer firmware before changing anything in it (even its journal mode).
    check_schema_known(db_);
    use_write_ahead_log(db_, path);
    // Per connection, not stored in the file: FULL syncs the WAL at every commit, so a
    // committed step survives a power cut.
    exec(db_, "PRAGMA synchronous = FULL");
    exec(db_, "PRAGMA foreign_keys = ON");
    migrate(db_);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

Ledger::~Ledger() {
  sqlite3_close(db_);
}

void Ledger::record_started(const SaleRecord& sale) {
  Transaction step(db_);
  if (const auto existing = load(db_, sale.reference)) {
    throw std::logic_error(describe("record_started", sale.reference) +
                           ": the sale is already in the ledger, at stage '" +
                           std::string(stage_name(existing->stage)) + "'");
  }
  Statement insert(db_,
                   "INSERT INTO sales (reference, business_day, started_at_ms, currency, "
                   "amount_minor, stage) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, sale.reference)
      .bind(2, sale.business_day)
      .bind(3, sale.started_at_ms)
      .bind(4, sale.currency)
      .bind(5, sale.amount_minor)
      .bind(6, stage_name(SaleStage::kStarted))
      .run();
  append_event(db_, sale.reference, "started",
               {{"business_day", sale.business_day},
                {"started_at_ms", sale.started_at_ms},
                {"currency", sale.currency},
                {"amount_minor", sale.amount_minor}});
  step.commit();
}

void Ledger::record_link_created(const std::string& reference, const std::string& link_id,
                                 const std::string& link_url, std::int64_t expires_at_ms) {
  Transaction step(db_);
  sale_at(db_, reference, "record_link_created", {SaleStage::kStarted});
  Statement update(db_,
                   "UPDATE sales SET link_id = ?2, link_url = ?3, link_expires_at_ms = ?4, "
                   "create_uncertain = 0 WHERE reference = ?1");
  update.bind(1, reference).bind(2, link_id).bind(3, link_url).bind(4, expires_at_ms).run();
  set_stage(db_, reference, SaleStage::kLinkCreated);
  append_event(db_, reference, "link_created",
               {{"link_id", link_id}, {"link_url", link_url}, {"expires_at_ms", expires_at_ms}});
  step.commit();
}

std::int64_t Ledger::record_paid(const std::string& reference, const std::string& payment_id,
                                 std::int64_t paid_amount_minor, std::int64_t paid_at_ms) {
  Transaction step(db_);
  sale_at(db_, reference, "record_paid", {SaleStage::kLinkCreated});
  // Under the write lock taken by BEGIN IMMEDIATE, so no other writer can take the same number;
  // only paid sales get one, so the numbers have no gaps. The floor keeps numbers rising after
  // old sales were pruned or the ledger was rebuilt.
  Statement highest(db_,
                    "SELECT MAX(COALESCE((SELECT MAX(receipt_number) FROM sales), 0), "
                    "(SELECT value FROM ledger_counters WHERE name = 'receipt_number_floor'))");
  highest.step();
  const std::int64_t receipt_number = highest.int64(0) + 1;
  Statement update(db_,
                   "UPDATE sales SET payment_id = ?2, paid_amount_minor = ?3, paid_at_ms = ?4, "
                   "receipt_number = ?5 WHERE reference = ?1");
  update.bind(1, reference)
      .bind(2, payment_id)
      .bind(3, paid_amount_minor)
      .bind(4, paid_at_ms)
      .bind(5, receipt_number)
      .run();
  set_stage(db_, reference, SaleStage::kPaid);
  append_event(db_, reference, "paid",
               {{"payment_id", payment_id},
                {"paid_amount_minor", paid_amount_minor},
                {"paid_at_ms", paid_at_ms},
                {"receipt_number", receipt_number}});
  step.commit();
  return receipt_number;
}

void Ledger::record_receipt_issued(const std::string& reference,
                                   const std::string& backend_receipt_id) {
  Transaction step(db_);
  sale_at(db_, reference, "record_receipt_issued", {SaleStage::kPaid});
  Statement update(db_, "UPDATE sales SET backend_receipt_id = ?2 WHERE reference = ?1");
  update.bind(1, reference).bind(2, backend_receipt_id).run();
  set_stage(db_, reference, SaleStage::kReceiptIssued);
  append_event(db_, reference, "receipt_issued", {{"backend_receipt_id", backend_receipt_id}});
  step.commit();
}

void Ledger::record_printed(const std::string& reference) {
  Transaction step(db_);
  const SaleRecord sale =
      sale_at(db_, reference, "record_printed",
              {SaleStage::kReceiptIssued, SaleStage::kPrinted, SaleStage::kEnded});
  // Only a completed sale has a receipt to copy; a cancelled one never printed.
  if (sale.stage == SaleStage::kEnded && sale.end != SaleEnd::kCompleted) {
    throw std::logic_error(describe("record_printed", reference) + ": the sale ended " +
                           std::string(sale.end ? end_name(*sale.end) : "without an end") +
                           " and has no receipt to print");
  }
  const bool copy = sale.stage != SaleStage::kReceiptIssued;
  Statement update(db_,
                   "UPDATE sales SET prints = prints + 1, print_pending = 0 WHERE reference = ?1");
  update.bind(1, reference).run();
  if (!copy)
    set_stage(db_, reference, SaleStage::kPrinted);
  append_event(db_, reference, "printed", {{"prints", sale.prints + 1}, {"copy", copy}});
  step.commit();
}

void Ledger::record_print_started(const std::string& reference) {
  Transaction step(db_);
  const SaleRecord sale =
      sale_at(db_, reference, "record_print_started",
              {SaleStage::kReceiptIssued, SaleStage::kPrinted, SaleStage::kEnded});
  if (sale.stage == SaleStage::kEnded && sale.end != SaleEnd::kCompleted) {
    throw std::logic_error(describe("record_print_started", reference) +
                           ": the sale did not complete and has no receipt to print");
  }
  Statement update(db_, "UPDATE sales SET print_pending = 1 WHERE reference = ?1");
  update.bind(1, reference).run();
  append_event(db_, reference, "print_started", {{"prints_before", sale.prints}});
  step.commit();
}

void Ledger::record_print_failed(const std::string& reference, const std::string& detail) {
  Transaction step(db_);
  sale_at(db_, reference, "record_print_failed",
          {SaleStage::kReceiptIssued, SaleStage::kPrinted, SaleStage::kEnded});
  // print_pending stays: if an earlier attempt was cut off by a power loss, that one may have
  // printed, and only a successful print may clear the doubt.
  append_event(db_, reference, "print_failed", {{"detail", detail}});
  step.commit();
}

void Ledger::record_ended(const std::string& reference, SaleEnd end, const std::string& detail) {
  Transaction step(db_);
  // A sale that was paid can only complete: the money is taken, so its receipt must come out.
  const SaleRecord sale =
      end == SaleEnd::kCompleted
          ? sale_at(db_, reference, "record_ended", {SaleStage::kPrinted}, end_name(end))
          : sale_at(db_, reference, "record_ended", {SaleStage::kStarted, SaleStage::kLinkCreated},
                    end_name(end));
  Statement update(db_, "UPDATE sales SET end_kind = ?2, end_detail = ?3 WHERE reference = ?1");
  update.bind(1, reference).bind(2, end_name(end)).bind(3, detail).run();
  set_stage(db_, reference, SaleStage::kEnded);
  append_event(
      db_, reference, "ended",
      {{"end", end_name(end)}, {"detail", detail}, {"from_stage", stage_name(sale.stage)}});
  step.commit();
}

std::optional<SaleRecord> Ledger::find(const std::string& reference) const {
  return load(db_, reference);
}

std::vector<SaleRecord> Ledger::unfinished() const {
  Statement query(db_, select_sales("WHERE stage <> ?1 ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kEnded));
  return load_all(query);
}

std::optional<SaleRecord> Ledger::last_printed() const {
  Statement query(db_, select_sales("WHERE prints > 0 ORDER BY receipt_number DESC LIMIT 1"));
  if (!query.step())
    return std::nullopt;
  return read_sale(query);
}

std::vector<SaleRecord> Ledger::recent(int limit) const {
  if (limit <= 0)
    return {};
  Statement query(db_, select_sales("ORDER BY started_at_ms DESC, rowid DESC LIMIT ?1"));
  query.bind(1, std::int64_t{limit});
  return load_all(query);
}

void Ledger::record_create_uncertain(const std::string& reference) {
  Transaction step(db_);
  sale_at(db_, reference, "record_create_uncertain", {SaleStage::kStarted});
  Statement update(db_, "UPDATE sales SET create_uncertain = 1 WHERE reference = ?1");
  update.bind(1, reference).run();
  append_event(db_, reference, "create_uncertain", nlohmann::json::object());
  step.commit();
}

void Ledger::record_create_settled(const std::string& reference) {
  Transaction step(db_);
  sale_at(db_, reference, "record_create_settled", {SaleStage::kStarted, SaleStage::kEnded});
  Statement update(db_, "UPDATE sales SET create_uncertain = 0 WHERE reference = ?1");
  update.bind(1, reference).run();
  append_event(db_, reference, "create_settled", {{"link", nullptr}});
  step.commit();
}

void Ledger::record_late_link(const std::string& reference, const std::string& link_id,
                              const std::string& link_url, std::int64_t expires_at_ms) {
  Transaction step(db_);
  const SaleRecord sale = sale_at(db_, reference, "record_late_link", {SaleStage::kEnded});
  if (!sale.create_uncertain || !sale.link_id.empty()) {
    throw std::logic_error(describe("record_late_link", reference) +
                           ": the sale has no uncertain create to settle");
  }
  Statement update(db_,
                   "UPDATE sales SET link_id = ?2, link_url = ?3, link_expires_at_ms = ?4, "
                   "create_uncertain = 0, link_closed = 0 WHERE reference = ?1");
  update.bind(1, reference).bind(2, link_id).bind(3, link_url).bind(4, expires_at_ms).run();
  append_event(db_, reference, "late_link", {{"link_id", link_id}, {"link_url", link_url}});
  step.commit();
}

std::vector<SaleRecord> Ledger::uncertain_creates() const {
  Statement query(
      db_, select_sales("WHERE create_uncertain = 1 AND stage = ?1 ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kEnded));
  return load_all(query);
}

void Ledger::record_link_closed(const std::string& reference) {
  Transaction step(db_);
  const SaleRecord sale =
      sale_at(db_, reference, "record_link_closed",
              {SaleStage::kLinkCreated, SaleStage::kPaid, SaleStage::kReceiptIssued,
               SaleStage::kPrinted, SaleStage::kEnded});
  if (sale.link_id.empty()) {
    throw std::logic_error(describe("record_link_closed", reference) + ": the sale has no link");
  }
  if (sale.link_closed)
    return;
  Statement update(db_, "UPDATE sales SET link_closed = 1 WHERE reference = ?1");
  update.bind(1, reference).run();
  append_event(db_, reference, "link_closed", {{"link_id", sale.link_id}});
  step.commit();
}

bool Ledger::record_extra_payment(const std::string& reference, const std::string& payment_id,
                                  std::int64_t amount_minor, std::int64_t seen_at_ms) {
  Transaction step(db_);
  sale_at(db_, reference, "record_extra_payment",
          {SaleStage::kLinkCreated, SaleStage::kPaid, SaleStage::kReceiptIssued,
           SaleStage::kPrinted, SaleStage::kEnded});
  Statement insert(db_,
                   "INSERT OR IGNORE INTO extra_payments (payment_id, reference, amount_minor, "
                   "seen_at_ms) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, payment_id).bind(2, reference).bind(3, amount_minor).bind(4, seen_at_ms).run();
  if (sqlite3_changes(db_) == 0)
    return false;
  append_event(db_, reference, "extra_payment",
               {{"payment_id", payment_id}, {"amount_minor", amount_minor}});
  step.commit();
  return true;
}

void Ledger::acknowledge_extra_payment(const std::string& payment_id) {
  Transaction step(db_);
  Statement update(db_, "UPDATE extra_payments SET acknowledged = 1 WHERE payment_id = ?1");
  update.bind(1, payment_id).run();
  step.commit();
}

std::vector<SaleRecord> Ledger::links_to_close() const {
  Statement query(db_,
                  select_sales("WHERE link_closed = 0 AND link_id IS NOT NULL AND stage NOT IN "
                               "(?1, ?2) ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kStarted)).bind(2, stage_name(SaleStage::kLinkCreated));
  return load_all(query);
}

namespace {

std::vector<ExtraPayment> load_extra_payments(Statement& query) {
  std::vector<ExtraPayment> payments;
  while (query.step()) {
    payments.push_back(ExtraPayment{query.text(0), query.text(1), query.text(2), query.int64(3),
                                    query.int64(4), query.int64(5) != 0});
  }
  return payments;
}

constexpr std::string_view kExtraPaymentSelect =
    "SELECT e.payment_id, e.reference, s.currency, e.amount_minor, e.seen_at_ms, e.acknowledged "
    "FROM extra_payments e JOIN sales s ON s.reference = e.reference ";

}  // namespace

std::vector<ExtraPayment> Ledger::unacknowledged_extra_payments() const {
  Statement query(db_, std::string(kExtraPaymentSelect) +
                           "WHERE e.acknowledged = 0 ORDER BY e.seen_at_ms, e.rowid");
  return load_extra_payments(query);
}

std::vector<ExtraPayment> Ledger::extra_payments(const std::string& reference) const {
  Statement query(db_, std::string(kExtraPaymentSelect) +
                           "WHERE e.reference = ?1 ORDER BY e.seen_at_ms, e.rowid");
  query.bind(1, reference);
  return load_extra_payments(query);
}

int Ledger::prune_ended_before(std::int64_t cutoff_ms) {
  Transaction step(db_);
  raise_floor_to_highest(db_);
  const std::string owed =
      "stage = 'ended' AND started_at_ms < ?1 AND NOT (link_id IS NOT NULL AND link_closed = 0) "
      "AND create_uncertain = 0 "
      "AND NOT EXISTS (SELECT 1 FROM extra_payments e WHERE e.reference = sales.reference AND "
      "e.acknowledged = 0)";
  Statement events(
      db_, "DELETE FROM sale_events WHERE reference IN (SELECT reference FROM sales WHERE " + owed +
               ")");
  events.bind(1, cutoff_ms).run();
  Statement extras(
      db_, "DELETE FROM extra_payments WHERE reference IN (SELECT reference FROM sales WHERE " +
               owed + ")");
  extras.bind(1, cutoff_ms).run();
  Statement sales(db_, "DELETE FROM sales WHERE " + owed);
  sales.bind(1, cutoff_ms).run();
  const int pruned = sqlite3_changes(db_);
  step.commit();
  return pruned;
}

void Ledger::raise_receipt_number_floor(std::int64_t floor) {
  Transaction step(db_);
  Statement update(
      db_, "UPDATE ledger_counters SET value = MAX(value, ?1) WHERE name = 'receipt_number_floor'");
  update.bind(1, floor).run();
  step.commit();
}

void Ledger::import_sale(const SaleRecord& sale, const std::string& why) {
  Transaction step(db_);
  if (load(db_, sale.reference)) {
    throw std::logic_error(describe("import_sale", sale.reference) +
                           ": the sale is already in the ledger");
  }
  Statement insert(
      db_, "INSERT INTO sales (" + std::string(kSaleColumns) +
               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
               "?17, ?18, ?19, ?20)");
  insert.bind(1, sale.reference)
      .bind(2, sale.business_day)
      .bind(3, sale.started_at_ms)
      .bind(4, sale.currency)
      .bind(5, sale.amount_minor)
      .bind(6, stage_name(sale.stage));
  if (!sale.link_id.empty())
    insert.bind(7, sale.link_id).bind(8, sale.link_url).bind(9, sale.link_expires_at_ms);
  if (!sale.payment_id.empty()) {
    insert.bind(10, sale.payment_id)
        .bind(11, sale.paid_amount_minor)
        .bind(12, sale.paid_at_ms)
        .bind(13, sale.receipt_number);
  }
  if (sale.stage >= SaleStage::kReceiptIssued)
    insert.bind(14, sale.backend_receipt_id);
  insert.bind(15, std::int64_t{sale.prints});
  if (sale.end)
    insert.bind(16, end_name(*sale.end)).bind(17, sale.end_detail);
  insert.bind(18, std::int64_t{sale.link_closed ? 1 : 0})
      .bind(19, std::int64_t{sale.print_pending ? 1 : 0})
      .bind(20, std::int64_t{sale.create_uncertain ? 1 : 0})
      .run();
  append_event(db_, sale.reference, "imported", {{"why", why}, {"stage", stage_name(sale.stage)}});
  step.commit();
}

int Ledger::schema_version() const {
  return read_schema_version(db_);
}

}  // namespace linkpos::store
