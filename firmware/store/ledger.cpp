#include "store/ledger.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
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
    "link_expires_at_ms, link_amount_minor, paid_at_ms, receipt_number, written_off_thousandths, "
    "prints, end_kind, end_detail, link_closed, print_pending, create_uncertain, tip_minor, "
    "ended_at_ms";

constexpr std::string_view kPaymentColumns =
    "payment_id, link_id, amount_thousandths, problem, kind, payer, card, backend_receipt_id, "
    "seen_at_ms, counted, refund_reason, refund_thousandths, refund_cleared_at_ms";

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

std::optional<std::int64_t> optional_int64(const Statement& row, int column) {
  if (row.is_null(column))
    return std::nullopt;
  return row.int64(column);
}

// Reads a row selected with kPaymentColumns, from column `first` on.
PaymentRecord read_payment(const Statement& row, int first = 0) {
  PaymentRecord payment;
  payment.payment_id = row.text(first);
  payment.link_id = row.text(first + 1);
  payment.amount_thousandths = optional_int64(row, first + 2);
  payment.problem = row.text(first + 3);
  payment.kind = row.text(first + 4);
  payment.payer = row.text(first + 5);
  payment.card = row.text(first + 6);
  payment.backend_receipt_id = row.text(first + 7);
  payment.seen_at_ms = row.int64(first + 8);
  payment.counted = row.int64(first + 9) != 0;
  const std::string reason = row.text(first + 10);
  const auto known_reason = refund_reason_from_name(reason);
  if (!known_reason) {
    throw LedgerError("sale ledger: payment " + payment.payment_id + " has the refund reason '" +
                      reason + "', which this firmware does not know; was the file edited?");
  }
  payment.refund_reason = *known_reason;
  payment.refund_thousandths = optional_int64(row, first + 11);
  payment.refund_cleared_at_ms = optional_int64(row, first + 12);
  return payment;
}

std::vector<PaymentRecord> load_payments(sqlite3* db, const std::string& reference) {
  Statement query(db, "SELECT " + std::string(kPaymentColumns) +
                          " FROM payments WHERE reference = ?1 ORDER BY rowid");
  query.bind(1, reference);
  std::vector<PaymentRecord> payments;
  while (query.step())
    payments.push_back(read_payment(query));
  return payments;
}

// Reads a row selected with kSaleColumns, and the sale's payments.
SaleRecord read_sale(sqlite3* db, const Statement& row) {
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
  sale.link_amount_minor = row.int64(9);
  sale.paid_at_ms = row.int64(10);
  sale.receipt_number = row.int64(11);
  sale.written_off_thousandths = row.int64(12);
  sale.prints = static_cast<int>(row.int64(13));
  if (!row.is_null(14)) {
    const std::string end = row.text(14);
    const auto known_end = end_from_name(end);
    if (!known_end)
      throw_unreadable(row, "end", end);
    sale.end = *known_end;
  }
  sale.end_detail = row.text(15);
  sale.link_closed = row.int64(16) != 0;
  sale.print_pending = row.int64(17) != 0;
  sale.create_uncertain = row.int64(18) != 0;
  sale.tip_minor = row.int64(19);
  sale.ended_at_ms = row.int64(20);
  sale.payments = load_payments(db, sale.reference);
  Statement lines(db,
                  "SELECT name, quantity, unit_price_minor, vat_basis_points FROM sale_lines "
                  "WHERE reference = ?1 ORDER BY position");
  lines.bind(1, sale.reference);
  while (lines.step()) {
    SaleLineRecord line{lines.text(0), static_cast<int>(lines.int64(1)), lines.int64(2), {}};
    if (!lines.is_null(3))
      line.vat_basis_points = static_cast<std::int32_t>(lines.int64(3));
    sale.lines.push_back(std::move(line));
  }
  Statement links(db, "SELECT link_id FROM sale_links WHERE reference = ?1 ORDER BY rowid");
  links.bind(1, sale.reference);
  while (links.step())
    sale.links.push_back(links.text(0));
  return sale;
}

std::optional<SaleRecord> load(sqlite3* db, const std::string& reference) {
  Statement query(db, select_sales("WHERE reference = ?1"));
  query.bind(1, reference);
  if (!query.step())
    return std::nullopt;
  return read_sale(db, query);
}

std::vector<SaleRecord> load_all(sqlite3* db, Statement& query) {
  std::vector<SaleRecord> sales;
  while (query.step())
    sales.push_back(read_sale(db, query));
  return sales;
}

// How a refused call reads in its error: Ledger::record_ended("T1-01J...", cancelled).
std::string call_text(std::string_view call, const std::string& reference,
                      std::string_view argument = {}) {
  std::string text = "Ledger::" + std::string(call) + "(\"" + reference + "\"";
  if (!argument.empty()) {
    text += ", " + std::string(argument);
  }
  return text + ")";
}

// The stage a write leads to when the tables allow it anywhere, for the refusal's message.
std::optional<SaleStage> intended_stage(LedgerWrite what, std::optional<SaleEnd> end) {
  for (const SaleMove& move : kSaleMoves) {
    if (move.write == what && move.end == end)
      return stage_of(move.to);
  }
  return std::nullopt;
}

std::string qualified_payment_columns(std::string_view table) {
  std::string out;
  std::string_view rest = kPaymentColumns;
  while (!rest.empty()) {
    const auto comma = rest.find(", ");
    out += std::string(table) + "." + std::string(rest.substr(0, comma));
    if (comma == std::string_view::npos)
      break;
    out += ", ";
    rest.remove_prefix(comma + 2);
  }
  return out;
}

// The sale's lines; none given is one line of its whole amount.
void keep_lines(sqlite3* db, const SaleRecord& sale) {
  std::vector<SaleLineRecord> lines = sale.lines;
  if (lines.empty())
    lines.push_back(SaleLineRecord{"Sale", 1, sale.amount_minor - sale.tip_minor, {}});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Statement insert(db,
                     "INSERT INTO sale_lines (reference, position, name, quantity, "
                     "unit_price_minor, vat_basis_points) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, sale.reference)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, lines[i].name)
        .bind(4, std::int64_t{lines[i].quantity})
        .bind(5, lines[i].unit_price_minor);
    if (lines[i].vat_basis_points)
      insert.bind(6, std::int64_t{*lines[i].vat_basis_points});
    insert.run();
  }
}

void remember_link(sqlite3* db, const std::string& reference, const std::string& link_id,
                   std::int64_t amount_minor) {
  Statement insert(db,
                   "INSERT OR IGNORE INTO sale_links (reference, link_id, amount_minor) "
                   "VALUES (?1, ?2, ?3)");
  insert.bind(1, reference).bind(2, link_id).bind(3, amount_minor).run();
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

// SQLite makes files beside the ledger (its write-ahead log and index): a folder linkpos may not
// write stops every sale, so it is named with the fix before anything is opened.
void check_ledger_folder(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  if (folder.empty())
    folder = ".";
  if (::access(folder.c_str(), W_OK) == 0 || errno == ENOENT)
    return;  // a missing folder is named by the opening itself
  const std::string why =
      errno == EROFS ? "is on a read-only file system"
                     : "may not be written by this user (uid " + std::to_string(::geteuid()) + ")";
  throw LedgerError("sale ledger " + path + ": its folder " + folder + " " + why +
                    "; the ledger writes its log beside it: make the folder writable by linkpos "
                    "(chown linkpos: " +
                    folder + "), or set ledger.path to a writable folder such as /var/lib/linkpos");
}

Ledger::Ledger(const std::string& path) : path_(path) {
  check_ledger_folder(path);
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

void Ledger::set_refusal_log(std::function<void(std::string_view)> log) {
  refusal_log_ = std::move(log);
}

SaleStage Ledger::check(const SaleRecord& sale, LedgerWrite what,
                        std::optional<SaleEnd> end) const {
  if (const auto after = stage_after(sale.stage, what, end))
    return *after;
  const std::string call = "record_" + std::string(write_name(what));
  const auto intended = intended_stage(what, end);
  std::string message = call_text(call, sale.reference, end ? end_name(*end) : "") +
                        ": the sale is at stage '" + std::string(stage_name(sale.stage)) + "'";
  message += intended ? ", and the sale table has no move from there to '" +
                            std::string(stage_name(*intended)) + "'"
                      : ", where the sale table does not allow it";
  if (refusal_log_)
    refusal_log_("sale ledger refused a change of sale " + sale.reference + ": " + message);
  throw std::logic_error(message);
}

template <class Body>
LedgerResult<SaleRecord> Ledger::write(const std::string& reference, LedgerWrite what,
                                       std::optional<SaleEnd> end, Body&& body) {
  try {
    Transaction step(db_);
    const auto sale = load(db_, reference);
    if (!sale) {
      throw std::logic_error(call_text("record_" + std::string(write_name(what)), reference) +
                             ": no such sale in the ledger");
    }
    const SaleStage next = check(*sale, what, end);
    const bool changed = std::forward<Body>(body)(*sale);
    if (next != sale->stage)
      set_stage(db_, reference, next);
    if (changed || next != sale->stage)
      step.commit();
    return *load(db_, reference);
  } catch (const LedgerError& error) {
    return LedgerFailure{error.what()};
  }
}

LedgerResult<SaleRecord> Ledger::record_started(const SaleRecord& sale) {
  try {
    Transaction step(db_);
    if (const auto existing = load(db_, sale.reference)) {
      throw std::logic_error(call_text("record_started", sale.reference) +
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
    keep_lines(db_, sale);
    append_event(db_, sale.reference, "started",
                 {{"business_day", sale.business_day},
                  {"started_at_ms", sale.started_at_ms},
                  {"currency", sale.currency},
                  {"amount_minor", sale.amount_minor}});
    step.commit();
    return *load(db_, sale.reference);
  } catch (const LedgerError& error) {
    return LedgerFailure{error.what()};
  }
}

LedgerResult<SaleRecord> Ledger::record_tip(const std::string& reference, std::int64_t tip_minor) {
  return write(reference, LedgerWrite::kTip, std::nullopt, [&](const SaleRecord& sale) {
    if (sale.tip_minor != 0 || tip_minor < 0) {
      throw std::logic_error(call_text("record_tip", reference) +
                             ": a sale's tip is chosen once, and is not negative");
    }
    Statement update(db_,
                     "UPDATE sales SET tip_minor = ?2, amount_minor = amount_minor + ?2 "
                     "WHERE reference = ?1");
    update.bind(1, reference).bind(2, tip_minor).run();
    append_event(db_, reference, "tip", {{"tip_minor", tip_minor}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_link_created(const std::string& reference,
                                                     const std::string& link_id,
                                                     const std::string& link_url,
                                                     std::int64_t expires_at_ms,
                                                     std::int64_t amount_minor) {
  return write(reference, LedgerWrite::kLinkCreated, std::nullopt, [&](const SaleRecord& sale) {
    if (sale.stage == SaleStage::kUnderpaid && !sale.link_closed) {
      throw std::logic_error(call_text("record_link_created", reference) +
                             ": the underpaid sale's link " + sale.link_id +
                             " is not confirmed closed");
    }
    Statement update(db_,
                     "UPDATE sales SET link_id = ?2, link_url = ?3, link_expires_at_ms = ?4, "
                     "link_amount_minor = ?5, create_uncertain = 0, link_closed = 0 "
                     "WHERE reference = ?1");
    update.bind(1, reference)
        .bind(2, link_id)
        .bind(3, link_url)
        .bind(4, expires_at_ms)
        .bind(5, amount_minor)
        .run();
    remember_link(db_, reference, link_id, amount_minor);
    append_event(db_, reference, "link_created",
                 {{"link_id", link_id},
                  {"link_url", link_url},
                  {"expires_at_ms", expires_at_ms},
                  {"amount_minor", amount_minor}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_payments(const std::string& reference,
                                                 const std::vector<PaymentRecord>& payments) {
  return write(reference, LedgerWrite::kPayments, std::nullopt, [&](const SaleRecord& sale) {
    // Once the sale is paid for, or over, a new payment pays for nothing: it goes back in full.
    const bool after_sale = sale.stage >= SaleStage::kPaid;
    bool changed = false;
    for (const PaymentRecord& payment : payments)
      changed = keep_payment(reference, payment, after_sale) || changed;
    return changed;
  });
}

bool Ledger::keep_payment(const std::string& reference, const PaymentRecord& payment,
                          bool after_sale) {
  Statement insert(db_,
                   "INSERT OR IGNORE INTO payments (payment_id, reference, link_id, "
                   "amount_thousandths, problem, kind, payer, card, backend_receipt_id, "
                   "seen_at_ms, refund_reason, refund_thousandths) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  insert.bind(1, payment.payment_id)
      .bind(2, reference)
      .bind(3, payment.link_id)
      .bind(5, payment.problem)
      .bind(6, payment.kind)
      .bind(7, payment.payer)
      .bind(8, payment.card)
      .bind(9, payment.backend_receipt_id)
      .bind(10, payment.seen_at_ms);
  if (payment.amount_thousandths)
    insert.bind(4, *payment.amount_thousandths);
  if (after_sale) {
    insert.bind(11, refund_reason_name(payment.amount_thousandths ? RefundReason::kAfterSale
                                                                  : RefundReason::kUnreadable));
    if (payment.amount_thousandths)
      insert.bind(12, *payment.amount_thousandths);
  } else {
    insert.bind(11, refund_reason_name(RefundReason::kNone));
  }
  insert.run();
  if (sqlite3_changes(db_) == 0) {
    // Known already. An entry that could not be read and is not settled yet is read again:
    // the cashier looked again, and Wix now lists it whole.
    if (!payment.amount_thousandths)
      return false;
    Statement reread(db_,
                     "UPDATE payments SET amount_thousandths = ?3, problem = '', kind = ?4, "
                     "payer = ?5, card = ?6 WHERE payment_id = ?1 AND reference = ?2 AND "
                     "amount_thousandths IS NULL AND refund_reason = '' AND counted = 0");
    reread.bind(1, payment.payment_id)
        .bind(2, reference)
        .bind(3, *payment.amount_thousandths)
        .bind(4, payment.kind)
        .bind(5, payment.payer)
        .bind(6, payment.card)
        .run();
    if (sqlite3_changes(db_) == 0)
      return false;
    append_event(
        db_, reference, "payment_read",
        {{"payment_id", payment.payment_id}, {"amount_thousandths", *payment.amount_thousandths}});
    return true;
  }
  nlohmann::json detail = {{"payment_id", payment.payment_id},
                           {"link_id", payment.link_id},
                           {"kind", payment.kind},
                           {"after_sale", after_sale}};
  if (payment.amount_thousandths) {
    detail["amount_thousandths"] = *payment.amount_thousandths;
  } else {
    detail["problem"] = payment.problem;
  }
  append_event(db_, reference, "payment", detail);
  return true;
}

LedgerResult<SaleRecord> Ledger::record_paid(
    const std::string& reference, std::int64_t paid_at_ms,
    const std::vector<std::pair<std::string, std::int64_t>>& overpaid,
    std::int64_t written_off_thousandths) {
  return write(reference, LedgerWrite::kPaid, std::nullopt, [&](const SaleRecord& sale) {
    const bool something_paid =
        std::any_of(sale.payments.begin(), sale.payments.end(), [](const PaymentRecord& payment) {
          return payment.amount_thousandths && payment.refund_reason == RefundReason::kNone;
        });
    if (!something_paid) {
      throw std::logic_error(call_text("record_paid", reference) +
                             ": the sale has no readable payment to count");
    }
    // Under the write lock taken by BEGIN IMMEDIATE, so no other writer can take the same
    // number; only paid sales get one, so the numbers have no gaps. The floor keeps numbers
    // rising after old sales were pruned or the ledger was rebuilt.
    Statement highest(db_,
                      "SELECT MAX(COALESCE((SELECT MAX(receipt_number) FROM sales), 0), "
                      "(SELECT value FROM ledger_counters WHERE name = 'receipt_number_floor'))");
    highest.step();
    const std::int64_t receipt_number = highest.int64(0) + 1;
    Statement update(db_,
                     "UPDATE sales SET paid_at_ms = ?2, receipt_number = ?3, "
                     "written_off_thousandths = ?4 WHERE reference = ?1");
    update.bind(1, reference)
        .bind(2, paid_at_ms)
        .bind(3, receipt_number)
        .bind(4, written_off_thousandths)
        .run();
    // What waited to be counted now is: readable payments pay for the sale, unreadable ones
    // are owed back once the dashboard tells how much they were.
    Statement count(db_,
                    "UPDATE payments SET counted = 1 WHERE reference = ?1 AND refund_reason = '' "
                    "AND counted = 0 AND amount_thousandths IS NOT NULL");
    count.bind(1, reference).run();
    Statement unreadable(db_,
                         "UPDATE payments SET refund_reason = ?2 WHERE reference = ?1 AND "
                         "refund_reason = '' AND amount_thousandths IS NULL");
    unreadable.bind(1, reference).bind(2, refund_reason_name(RefundReason::kUnreadable)).run();
    nlohmann::json refunds = nlohmann::json::array();
    for (const auto& [payment_id, thousandths] : overpaid) {
      Statement refund(db_,
                       "UPDATE payments SET refund_reason = ?3, refund_thousandths = ?4 WHERE "
                       "reference = ?1 AND payment_id = ?2 AND counted = 1");
      refund.bind(1, reference)
          .bind(2, payment_id)
          .bind(3, refund_reason_name(RefundReason::kOverpaid))
          .bind(4, thousandths)
          .run();
      if (sqlite3_changes(db_) != 1) {
        throw std::logic_error(call_text("record_paid", reference) + ": the refund names payment " +
                               payment_id + ", which is not one the sale counted");
      }
      refunds.push_back({{"payment_id", payment_id}, {"refund_thousandths", thousandths}});
    }
    append_event(db_, reference, "paid",
                 {{"paid_at_ms", paid_at_ms},
                  {"receipt_number", receipt_number},
                  {"written_off_thousandths", written_off_thousandths},
                  {"overpaid", refunds}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_underpaid(const std::string& reference) {
  // The link may not be confirmed closed yet (the deactivation went unanswered): the sale closes
  // it in the background, and no link for the rest is made before it is (record_link_created).
  return write(reference, LedgerWrite::kUnderpaid, std::nullopt, [&](const SaleRecord& sale) {
    if (sale.payments.empty()) {
      throw std::logic_error(call_text("record_underpaid", reference) +
                             ": the sale has no payment");
    }
    append_event(db_, reference, "underpaid",
                 {{"counted_thousandths", sale.counted_thousandths()}, {"link_id", sale.link_id}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_check_payment(const std::string& reference) {
  return write(reference, LedgerWrite::kCheckPayment, std::nullopt, [&](const SaleRecord& sale) {
    append_event(db_, reference, "check_payment", {{"link_id", sale.link_id}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_receipt_issued(
    const std::string& reference,
    const std::vector<std::pair<std::string, std::string>>& receipts) {
  return write(reference, LedgerWrite::kReceiptIssued, std::nullopt, [&](const SaleRecord&) {
    nlohmann::json issued = nlohmann::json::object();
    for (const auto& [payment_id, receipt_id] : receipts) {
      Statement update(db_,
                       "UPDATE payments SET backend_receipt_id = ?3 WHERE reference = ?1 AND "
                       "payment_id = ?2");
      update.bind(1, reference).bind(2, payment_id).bind(3, receipt_id).run();
      issued[payment_id] = receipt_id;
    }
    append_event(db_, reference, "receipt_issued", {{"receipts", issued}});
    return true;
  });
}

namespace {

// Only a completed sale has a receipt to copy; a cancelled one never printed.
void require_receipt(const SaleRecord& sale, std::string_view call) {
  if (sale.stage == SaleStage::kEnded && sale.end != SaleEnd::kCompleted) {
    throw std::logic_error(call_text(call, sale.reference) + ": the sale ended " +
                           std::string(sale.end ? end_name(*sale.end) : "without an end") +
                           " and has no receipt to print");
  }
}

}  // namespace

LedgerResult<SaleRecord> Ledger::record_printed(const std::string& reference) {
  return write(reference, LedgerWrite::kPrinted, std::nullopt, [&](const SaleRecord& sale) {
    require_receipt(sale, "record_printed");
    const bool copy = sale.stage != SaleStage::kReceiptIssued;
    Statement update(
        db_, "UPDATE sales SET prints = prints + 1, print_pending = 0 WHERE reference = ?1");
    update.bind(1, reference).run();
    append_event(db_, reference, "printed", {{"prints", sale.prints + 1}, {"copy", copy}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_print_started(const std::string& reference) {
  return write(reference, LedgerWrite::kPrintStarted, std::nullopt, [&](const SaleRecord& sale) {
    require_receipt(sale, "record_print_started");
    Statement update(db_, "UPDATE sales SET print_pending = 1 WHERE reference = ?1");
    update.bind(1, reference).run();
    append_event(db_, reference, "print_started", {{"prints_before", sale.prints}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_print_failed(const std::string& reference,
                                                     const std::string& detail) {
  // print_pending stays: if an earlier attempt was cut off by a power loss, that one may have
  // printed, and only a successful print may clear the doubt.
  return write(reference, LedgerWrite::kPrintFailed, std::nullopt, [&](const SaleRecord&) {
    append_event(db_, reference, "print_failed", {{"detail", detail}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_ended(const std::string& reference, SaleEnd end,
                                              const std::string& detail,
                                              std::optional<std::int64_t> ended_at_ms) {
  return write(reference, LedgerWrite::kEnded, end, [&](const SaleRecord& sale) {
    // A sale that was paid can only complete: the money is taken, so its receipt must come out.
    // One whose payment could not be read ends unresolved, and then owes every payment back.
    if (end != SaleEnd::kCompleted && end != SaleEnd::kUnresolved && !sale.payments.empty()) {
      throw std::logic_error(call_text("record_ended", reference, end_name(end)) +
                             ": the sale has payments, so it cannot end without them");
    }
    Statement update(db_,
                     "UPDATE sales SET end_kind = ?2, end_detail = ?3, ended_at_ms = ?4 "
                     "WHERE reference = ?1");
    update.bind(1, reference)
        .bind(2, end_name(end))
        .bind(3, detail)
        .bind(4, ended_at_ms.value_or(now_ms()))
        .run();
    if (end == SaleEnd::kUnresolved) {
      Statement refund(db_,
                       "UPDATE payments SET refund_reason = ?2, refund_thousandths = "
                       "amount_thousandths WHERE reference = ?1 AND refund_reason = ''");
      refund.bind(1, reference).bind(2, refund_reason_name(RefundReason::kUnresolved)).run();
    }
    append_event(
        db_, reference, "ended",
        {{"end", end_name(end)}, {"detail", detail}, {"from_stage", stage_name(sale.stage)}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_create_uncertain(const std::string& reference) {
  return write(reference, LedgerWrite::kCreateUncertain, std::nullopt, [&](const SaleRecord&) {
    Statement update(db_, "UPDATE sales SET create_uncertain = 1 WHERE reference = ?1");
    update.bind(1, reference).run();
    append_event(db_, reference, "create_uncertain", nlohmann::json::object());
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_create_settled(const std::string& reference) {
  return write(reference, LedgerWrite::kCreateSettled, std::nullopt, [&](const SaleRecord&) {
    Statement update(db_, "UPDATE sales SET create_uncertain = 0 WHERE reference = ?1");
    update.bind(1, reference).run();
    append_event(db_, reference, "create_settled", {{"link", nullptr}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_late_link(const std::string& reference,
                                                  const std::string& link_id,
                                                  const std::string& link_url,
                                                  std::int64_t expires_at_ms) {
  return write(reference, LedgerWrite::kLateLink, std::nullopt, [&](const SaleRecord& sale) {
    if (!sale.create_uncertain || !sale.link_id.empty()) {
      throw std::logic_error(call_text("record_late_link", reference) +
                             ": the sale has no uncertain create to settle");
    }
    Statement update(db_,
                     "UPDATE sales SET link_id = ?2, link_url = ?3, link_expires_at_ms = ?4, "
                     "create_uncertain = 0, link_closed = 0 WHERE reference = ?1");
    update.bind(1, reference).bind(2, link_id).bind(3, link_url).bind(4, expires_at_ms).run();
    remember_link(db_, reference, link_id, sale.amount_minor);
    append_event(db_, reference, "late_link", {{"link_id", link_id}, {"link_url", link_url}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::record_link_closed(const std::string& reference) {
  return write(reference, LedgerWrite::kLinkClosed, std::nullopt, [&](const SaleRecord& sale) {
    if (sale.link_id.empty()) {
      throw std::logic_error(call_text("record_link_closed", reference) + ": the sale has no link");
    }
    if (sale.link_closed)
      return false;
    Statement update(db_, "UPDATE sales SET link_closed = 1 WHERE reference = ?1");
    update.bind(1, reference).run();
    append_event(db_, reference, "link_closed", {{"link_id", sale.link_id}});
    return true;
  });
}

LedgerResult<SaleRecord> Ledger::clear_refund(const std::string& reference,
                                              const std::string& payment_id, std::int64_t at_ms) {
  try {
    Transaction step(db_);
    Statement find(db_,
                   "SELECT 1 FROM payments WHERE reference = ?1 AND payment_id = ?2 AND "
                   "refund_reason <> ''");
    find.bind(1, reference).bind(2, payment_id);
    if (!find.step()) {
      throw std::logic_error(call_text("clear_refund", reference, payment_id) +
                             ": no refund is owed from that payment");
    }
    Statement update(db_,
                     "UPDATE payments SET refund_cleared_at_ms = ?3 WHERE reference = ?1 AND "
                     "payment_id = ?2 AND refund_cleared_at_ms IS NULL");
    update.bind(1, reference).bind(2, payment_id).bind(3, at_ms).run();
    if (sqlite3_changes(db_) > 0) {
      append_event(db_, reference, "refund_cleared", {{"payment_id", payment_id}});
      step.commit();
    }
    return *load(db_, reference);
  } catch (const LedgerError& error) {
    return LedgerFailure{error.what()};
  }
}

std::optional<SaleRecord> Ledger::find(const std::string& reference) const {
  return load(db_, reference);
}

std::vector<SaleRecord> Ledger::unfinished() const {
  Statement query(db_, select_sales("WHERE stage <> ?1 ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kEnded));
  return load_all(db_, query);
}

std::optional<SaleRecord> Ledger::last_printed() const {
  Statement query(db_, select_sales("WHERE prints > 0 ORDER BY receipt_number DESC LIMIT 1"));
  if (!query.step())
    return std::nullopt;
  return read_sale(db_, query);
}

std::vector<SaleRecord> Ledger::recent(int limit) const {
  if (limit <= 0)
    return {};
  Statement query(db_, select_sales("ORDER BY started_at_ms DESC, rowid DESC LIMIT ?1"));
  query.bind(1, std::int64_t{limit});
  return load_all(db_, query);
}

std::vector<SaleRecord> Ledger::uncertain_creates() const {
  Statement query(
      db_, select_sales("WHERE create_uncertain = 1 AND stage = ?1 ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kEnded));
  return load_all(db_, query);
}

std::vector<SaleRecord> Ledger::links_to_close() const {
  Statement query(db_,
                  select_sales("WHERE link_closed = 0 AND link_id IS NOT NULL AND stage NOT IN "
                               "(?1, ?2) ORDER BY started_at_ms, rowid"));
  query.bind(1, stage_name(SaleStage::kStarted)).bind(2, stage_name(SaleStage::kLinkCreated));
  return load_all(db_, query);
}

std::vector<RefundDue> Ledger::refunds_owed() const {
  Statement query(db_, "SELECT p.reference, s.currency, " + qualified_payment_columns("p") +
                           " FROM payments p JOIN sales s ON s.reference = p.reference "
                           "WHERE p.refund_reason <> '' AND p.refund_cleared_at_ms IS NULL "
                           "ORDER BY p.seen_at_ms, p.rowid");
  std::vector<RefundDue> refunds;
  while (query.step())
    refunds.push_back(RefundDue{query.text(0), query.text(1), read_payment(query, 2)});
  return refunds;
}

LedgerResult<int> Ledger::prune_ended_before(std::int64_t cutoff_ms) try {
  Transaction step(db_);
  raise_floor_to_highest(db_);
  const std::string owed =
      "stage = 'ended' AND started_at_ms < ?1 AND NOT (link_id IS NOT NULL AND link_closed = 0) "
      "AND create_uncertain = 0 "
      "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.reference = sales.reference AND "
      "p.refund_reason <> '' AND p.refund_cleared_at_ms IS NULL)";
  Statement events(
      db_, "DELETE FROM sale_events WHERE reference IN (SELECT reference FROM sales WHERE " + owed +
               ")");
  events.bind(1, cutoff_ms).run();
  Statement payments(
      db_,
      "DELETE FROM payments WHERE reference IN (SELECT reference FROM sales WHERE " + owed + ")");
  payments.bind(1, cutoff_ms).run();
  for (const char* table : {"sale_links", "sale_lines"}) {
    Statement rows(db_, std::string("DELETE FROM ") + table +
                            " WHERE reference IN (SELECT reference FROM sales WHERE " + owed + ")");
    rows.bind(1, cutoff_ms).run();
  }
  Statement sales(db_, "DELETE FROM sales WHERE " + owed);
  sales.bind(1, cutoff_ms).run();
  const int pruned = sqlite3_changes(db_);
  step.commit();
  return pruned;
} catch (const LedgerError& error) {
  return LedgerFailure{error.what()};
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
    throw std::logic_error(call_text("import_sale", sale.reference) +
                           ": the sale is already in the ledger");
  }
  Statement insert(db_, "INSERT INTO sales (" + std::string(kSaleColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
  insert.bind(1, sale.reference)
      .bind(2, sale.business_day)
      .bind(3, sale.started_at_ms)
      .bind(4, sale.currency)
      .bind(5, sale.amount_minor)
      .bind(6, stage_name(sale.stage));
  if (!sale.link_id.empty()) {
    insert.bind(7, sale.link_id)
        .bind(8, sale.link_url)
        .bind(9, sale.link_expires_at_ms)
        .bind(10, sale.link_amount_minor);
  }
  if (sale.receipt_number > 0)
    insert.bind(11, sale.paid_at_ms).bind(12, sale.receipt_number);
  insert.bind(13, sale.written_off_thousandths).bind(14, std::int64_t{sale.prints});
  if (sale.end)
    insert.bind(15, end_name(*sale.end)).bind(16, sale.end_detail);
  insert.bind(17, std::int64_t{sale.link_closed ? 1 : 0})
      .bind(18, std::int64_t{sale.print_pending ? 1 : 0})
      .bind(19, std::int64_t{sale.create_uncertain ? 1 : 0})
      .bind(20, sale.tip_minor);
  if (sale.ended_at_ms > 0)
    insert.bind(21, sale.ended_at_ms);
  insert.run();
  keep_lines(db_, sale);
  for (const PaymentRecord& payment : sale.payments) {
    Statement kept(db_, "INSERT INTO payments (reference, " + std::string(kPaymentColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14)");
    kept.bind(1, sale.reference)
        .bind(2, payment.payment_id)
        .bind(3, payment.link_id)
        .bind(5, payment.problem)
        .bind(6, payment.kind)
        .bind(7, payment.payer)
        .bind(8, payment.card)
        .bind(9, payment.backend_receipt_id)
        .bind(10, payment.seen_at_ms)
        .bind(11, std::int64_t{payment.counted ? 1 : 0})
        .bind(12, refund_reason_name(payment.refund_reason));
    if (payment.amount_thousandths)
      kept.bind(4, *payment.amount_thousandths);
    if (payment.refund_thousandths)
      kept.bind(13, *payment.refund_thousandths);
    if (payment.refund_cleared_at_ms)
      kept.bind(14, *payment.refund_cleared_at_ms);
    kept.run();
  }
  for (const std::string& link : sale.links)
    remember_link(db_, sale.reference, link, sale.amount_minor);
  if (!sale.link_id.empty())
    remember_link(db_, sale.reference, sale.link_id, sale.link_amount_minor);
  append_event(db_, sale.reference, "imported", {{"why", why}, {"stage", stage_name(sale.stage)}});
  step.commit();
}

std::vector<SaleRecord> Ledger::ended_between(std::int64_t from_ms, std::int64_t to_ms) const {
  Statement query(db_, select_sales("WHERE stage = 'ended' AND ended_at_ms >= ?1 AND "
                                    "ended_at_ms < ?2 ORDER BY ended_at_ms, rowid"));
  query.bind(1, from_ms).bind(2, to_ms);
  return load_all(db_, query);
}

std::vector<SaleRecord> Ledger::sales_of_day(const std::string& business_day) const {
  Statement query(db_,
                  select_sales("WHERE business_day = ?1 ORDER BY started_at_ms DESC, rowid DESC"));
  query.bind(1, business_day);
  return load_all(db_, query);
}

namespace {

constexpr std::string_view kZColumns =
    "number, from_ms, to_ms, made_at_ms, report, prints, print_pending";

ZReportRecord read_z(const Statement& row) {
  return ZReportRecord{row.int64(0),     row.int64(1), row.int64(2),
                       row.int64(3),     row.text(4),  static_cast<int>(row.int64(5)),
                       row.int64(6) != 0};
}

std::optional<ZReportRecord> load_z(sqlite3* db, std::int64_t number) {
  Statement query(db, "SELECT " + std::string(kZColumns) + " FROM z_reports WHERE number = ?1");
  query.bind(1, number);
  if (!query.step())
    return std::nullopt;
  return read_z(query);
}

}  // namespace

LedgerResult<ZReportRecord> Ledger::record_z_report(std::int64_t to_ms, std::int64_t made_at_ms,
                                                    const std::string& report_json) try {
  // Under the write lock, so the number is the highest plus one: no gap, never used twice.
  Transaction step(db_);
  Statement last(db_, "SELECT COALESCE(MAX(number), 0), COALESCE(MAX(to_ms), 0) FROM z_reports");
  last.step();
  const std::int64_t number = last.int64(0) + 1;
  Statement insert(db_,
                   "INSERT INTO z_reports (number, from_ms, to_ms, made_at_ms, report) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, number)
      .bind(2, last.int64(1))
      .bind(3, to_ms)
      .bind(4, made_at_ms)
      .bind(5, report_json)
      .run();
  step.commit();
  return *load_z(db_, number);
} catch (const LedgerError& error) {
  return LedgerFailure{error.what()};
}

LedgerResult<ZReportRecord> Ledger::record_z_print_started(std::int64_t number) try {
  Transaction step(db_);
  Statement update(db_, "UPDATE z_reports SET print_pending = 1 WHERE number = ?1");
  update.bind(1, number).run();
  if (sqlite3_changes(db_) != 1)
    throw std::logic_error("Ledger::record_z_print_started(" + std::to_string(number) +
                           "): no such Z report");
  step.commit();
  return *load_z(db_, number);
} catch (const LedgerError& error) {
  return LedgerFailure{error.what()};
}

LedgerResult<ZReportRecord> Ledger::record_z_printed(std::int64_t number) try {
  Transaction step(db_);
  Statement update(db_,
                   "UPDATE z_reports SET prints = prints + 1, print_pending = 0 WHERE number = ?1");
  update.bind(1, number).run();
  if (sqlite3_changes(db_) != 1)
    throw std::logic_error("Ledger::record_z_printed(" + std::to_string(number) +
                           "): no such Z report");
  step.commit();
  return *load_z(db_, number);
} catch (const LedgerError& error) {
  return LedgerFailure{error.what()};
}

std::optional<ZReportRecord> Ledger::last_z_report() const {
  Statement query(
      db_, "SELECT " + std::string(kZColumns) + " FROM z_reports ORDER BY number DESC LIMIT 1");
  if (!query.step())
    return std::nullopt;
  return read_z(query);
}

std::int64_t Ledger::z_period_start() const {
  Statement query(db_, "SELECT COALESCE(MAX(to_ms), 0) FROM z_reports");
  query.step();
  return query.int64(0);
}

std::int64_t Ledger::counter(std::string_view name) const {
  Statement query(db_, "SELECT value FROM ledger_counters WHERE name = ?1");
  query.bind(1, name);
  return query.step() ? query.int64(0) : 0;
}

LedgerResult<void> Ledger::set_counters(
    const std::vector<std::pair<std::string, std::int64_t>>& counters) try {
  for (const auto& [name, value] : counters) {
    if (name == "receipt_number_floor")
      throw std::logic_error("Ledger::set_counters: the receipt number floor only rises");
  }
  Transaction step(db_);
  for (const auto& [name, value] : counters) {
    Statement upsert(db_,
                     "INSERT INTO ledger_counters (name, value) VALUES (?1, ?2) "
                     "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    upsert.bind(1, name).bind(2, value).run();
  }
  step.commit();
  return BOOST_OUTCOME_V2_NAMESPACE::success();
} catch (const LedgerError& error) {
  return LedgerFailure{error.what()};
}

int Ledger::schema_version() const {
  return read_schema_version(db_);
}

std::int64_t SaleRecord::counted_thousandths() const {
  std::int64_t sum = 0;
  for (const PaymentRecord& payment : payments) {
    if (payment.counted && payment.amount_thousandths)
      sum += *payment.amount_thousandths;
  }
  return sum;
}

std::vector<std::string> SaleRecord::known_links() const {
  std::vector<std::string> known = links;
  for (const PaymentRecord& payment : payments) {
    if (std::find(known.begin(), known.end(), payment.link_id) == known.end())
      known.push_back(payment.link_id);
  }
  if (!link_id.empty() && std::find(known.begin(), known.end(), link_id) == known.end())
    known.push_back(link_id);
  return known;
}

}  // namespace linkpos::store
