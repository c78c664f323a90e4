#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "fakes/ledger_write.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"

namespace linkpos::store {

// Every test of the ledger writes: what a write answered (tests/fakes/ledger_write.hpp).
using linkpos::testing::must;

}  // namespace linkpos::store

namespace linkpos::store::test {

// A fresh folder for one test (tests/fakes/temp_dir.hpp).
using TempDir = linkpos::testing::TempDir;

// A second, plain SQLite connection to a ledger file: how the tests look behind the Ledger API.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Runs SQL; returns SQLite's result code and leaves the message in error().
  int exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  std::string error() const { return sqlite3_errmsg(db_); }

  // The first column of the first row, as text ("" when there is no row).
  std::string text(const std::string& sql, const std::string& parameter = {}) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + error());
    }
    if (sqlite3_bind_parameter_count(stmt) > 0) {
      sqlite3_bind_text(stmt, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
    }
    std::string result;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return result;
  }
  std::int64_t number(const std::string& sql, const std::string& parameter = {}) {
    return std::stoll(text(sql, parameter));
  }

 private:
  sqlite3* db_ = nullptr;
};

inline SaleRecord new_sale(const std::string& reference, std::int64_t started_at_ms,
                           std::int64_t amount_minor = 1250) {
  SaleRecord sale;
  sale.reference = reference;
  sale.business_day = "2026-11-25";
  sale.started_at_ms = started_at_ms;
  sale.currency = "EUR";
  sale.amount_minor = amount_minor;
  return sale;
}

// Thousandths of the unit in one minor unit of EUR, the currency of new_sale().
constexpr std::int64_t kEurThousandthsPerCent = 10;

// A payment Wix listed on `link_id`, read whole.
inline PaymentRecord payment(const std::string& payment_id, const std::string& link_id,
                             std::int64_t amount_thousandths, std::int64_t seen_at_ms = 1) {
  PaymentRecord record;
  record.payment_id = payment_id;
  record.link_id = link_id;
  record.amount_thousandths = amount_thousandths;
  record.kind = "REGULAR";
  record.payer = "Ada Lovelace";
  record.card = "**** 4242";
  record.seen_at_ms = seen_at_ms;
  return record;
}

// A payment entry Wix listed on `link_id` whose amount could not be read.
inline PaymentRecord unreadable_payment(const std::string& payment_id, const std::string& link_id,
                                        std::int64_t seen_at_ms = 1) {
  PaymentRecord record;
  record.payment_id = payment_id;
  record.link_id = link_id;
  record.problem = "amount \"12,50\" is not a decimal";
  record.seen_at_ms = seen_at_ms;
  return record;
}

// The sale's payment with that id, or nullopt.
inline std::optional<PaymentRecord> payment_of(const SaleRecord& sale,
                                               const std::string& payment_id) {
  for (const PaymentRecord& kept : sale.payments) {
    if (kept.payment_id == payment_id)
      return kept;
  }
  return std::nullopt;
}

// Started, with its first link ("link-<reference>") asking the whole amount.
inline void start_with_link(Ledger& ledger, const std::string& reference, std::int64_t at_ms,
                            std::int64_t amount_minor = 1250) {
  must(ledger.record_started(new_sale(reference, at_ms, amount_minor)));
  must(ledger.record_link_created(reference, "link-" + reference, "https://pay/" + reference,
                                  at_ms + 360'000, amount_minor));
}

// How many payments a record_payments call kept anew or read again, from the sale's payments
// before and after it.
inline int kept(Ledger& ledger, const std::string& reference,
                const std::vector<PaymentRecord>& payments) {
  const auto before = ledger.find(reference).value().payments;
  const auto after = must(ledger.record_payments(reference, payments)).payments;
  int changed = 0;
  for (const PaymentRecord& payment : after) {
    const bool same = std::any_of(before.begin(), before.end(), [&](const PaymentRecord& old) {
      return old.payment_id == payment.payment_id &&
             old.amount_thousandths == payment.amount_thousandths;
    });
    changed += same ? 0 : 1;
  }
  return changed;
}

// One payment of `amount_thousandths` on the sale's current link, then the sale paid with it;
// returns the receipt number.
inline std::int64_t pay(Ledger& ledger, const std::string& reference, const std::string& payment_id,
                        std::int64_t amount_thousandths, std::int64_t paid_at_ms) {
  const auto sale = ledger.find(reference);
  if (!sale)
    throw std::logic_error("pay: no sale " + reference);
  must(ledger.record_payments(
      reference, {payment(payment_id, sale->link_id, amount_thousandths, paid_at_ms)}));
  return must(ledger.record_paid(reference, paid_at_ms, {})).receipt_number;
}

// A sale of 12.50 EUR from start to end: paid in full by "pay-<reference>", Wix receipt
// "rcpt-<reference>", printed, link closed, ended completed. With `printed` false it stops at
// kReceiptIssued.
inline void sell(Ledger& ledger, const std::string& reference, std::int64_t at_ms,
                 bool printed = true) {
  start_with_link(ledger, reference, at_ms);
  pay(ledger, reference, "pay-" + reference, 1250 * kEurThousandthsPerCent, at_ms + 1000);
  must(ledger.record_receipt_issued(reference, {{"pay-" + reference, "rcpt-" + reference}}));
  if (!printed)
    return;
  must(ledger.record_print_started(reference));
  must(ledger.record_printed(reference));
  must(ledger.record_link_closed(reference));
  must(ledger.record_ended(reference, SaleEnd::kCompleted, "printed"));
}

// The schema steps earlier firmware shipped, as they shipped (firmware/store/schema.cpp keeps
// them too, but unreachable from here and free to be read differently one day): step n takes a
// file from version n to n + 1.
inline constexpr std::string_view kShippedSchemaSteps[] = {
    R"sql(
CREATE TABLE sales (
  reference          TEXT PRIMARY KEY NOT NULL,
  business_day       TEXT NOT NULL,
  started_at_ms      INTEGER NOT NULL,
  currency           TEXT NOT NULL,
  amount_minor       INTEGER NOT NULL,
  stage              TEXT NOT NULL,
  link_id            TEXT,
  link_url           TEXT,
  link_expires_at_ms INTEGER,
  payment_id         TEXT,
  paid_amount_minor  INTEGER,
  paid_at_ms         INTEGER,
  receipt_number     INTEGER UNIQUE,
  backend_receipt_id TEXT,
  prints             INTEGER NOT NULL DEFAULT 0,
  end_kind           TEXT,
  end_detail         TEXT
);
CREATE INDEX sales_by_start ON sales (started_at_ms);

CREATE TABLE sale_events (
  id        INTEGER PRIMARY KEY,
  reference TEXT NOT NULL REFERENCES sales (reference),
  at_ms     INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  detail    TEXT NOT NULL CHECK (json_valid(detail))
);
CREATE INDEX sale_events_by_reference ON sale_events (reference, id);

CREATE TRIGGER sale_events_no_update BEFORE UPDATE ON sale_events
BEGIN SELECT RAISE(ABORT, 'sale_events is append-only'); END;
CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events
BEGIN SELECT RAISE(ABORT, 'sale_events is append-only'); END;
)sql",
    R"sql(
ALTER TABLE sales ADD COLUMN link_closed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE extra_payments (
  payment_id     TEXT PRIMARY KEY NOT NULL,
  reference      TEXT NOT NULL REFERENCES sales (reference),
  amount_minor   INTEGER NOT NULL,
  seen_at_ms     INTEGER NOT NULL,
  acknowledged   INTEGER NOT NULL DEFAULT 0
);
)sql",
    R"sql(
ALTER TABLE sales ADD COLUMN print_pending INTEGER NOT NULL DEFAULT 0;

CREATE TABLE ledger_counters (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
);
INSERT INTO ledger_counters (name, value) VALUES ('receipt_number_floor', 0);

DROP TRIGGER sale_events_no_delete;
)sql",
    R"sql(
ALTER TABLE sales ADD COLUMN create_uncertain INTEGER NOT NULL DEFAULT 0;
)sql",
};

// Creates the ledger file at `path` as the firmware of schema `version` (1 to 4) left it: its
// tables, in WAL mode, and nothing in them; the test puts in the rows that firmware wrote.
inline void write_old_ledger(const std::string& path, int version) {
  if (version < 1 || version > static_cast<int>(std::size(kShippedSchemaSteps)))
    throw std::logic_error("write_old_ledger: no shipped schema " + std::to_string(version));
  RawDb raw(path);
  std::string sql = "PRAGMA journal_mode = WAL; BEGIN;";
  for (int step = 0; step < version; ++step)
    sql += std::string(kShippedSchemaSteps[step]);
  sql += "PRAGMA user_version = " + std::to_string(version) + "; COMMIT;";
  if (raw.exec(sql) != SQLITE_OK)
    throw std::runtime_error("write_old_ledger: " + raw.error());
}

}  // namespace linkpos::store::test
