#include "store/schema.hpp"

#include <sqlite3.h>

#include <iterator>
#include <string>

#include "store/ledger.hpp"
#include "store/sqlite_statement.hpp"
#include "store/sqlite_transaction.hpp"

namespace linkpos::store {
namespace {

// kMigrations[n] takes a file from version n to version n + 1. Append, never edit: files in the
// field are at every version that ever shipped.
constexpr const char* kMigrations[] = {
    // 1: sales and their history. Stages and ends are stored by name so that the file reads well
    // in the sqlite3 shell; NULL means "not reached yet".
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
    // 2: whether each sale's link is confirmed closed (a link takes payments until Wix says it
    // is not ACTIVE), and payments beyond a sale's first, which the merchant must refund.
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
    // 3: a print in progress is marked, so a receipt whose completion was never recorded comes
    // out again marked as a reprint; receipt numbers carry on past pruned sales and rebuilt
    // ledgers through a floor; ended sales may be pruned, their history with them.
    R"sql(
ALTER TABLE sales ADD COLUMN print_pending INTEGER NOT NULL DEFAULT 0;

CREATE TABLE ledger_counters (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
);
INSERT INTO ledger_counters (name, value) VALUES ('receipt_number_floor', 0);

DROP TRIGGER sale_events_no_delete;
)sql",
    // 4: a create whose answer never came (the connection dropped after sending) may have made a
    // link: the sale is marked until a search of the service settles it.
    R"sql(
ALTER TABLE sales ADD COLUMN create_uncertain INTEGER NOT NULL DEFAULT 0;
)sql",
};

constexpr int kLatestVersion = static_cast<int>(std::size(kMigrations));

void refuse_unknown_version(sqlite3* db, int version) {
  if (version >= 0 && version <= kLatestVersion)
    return;
  const char* file = sqlite3_db_filename(db, "main");
  if (version < 0) {
    throw LedgerError("sale ledger " + std::string(file != nullptr ? file : "") +
                      ": schema version " + std::to_string(version) +
                      " was not written by linkpos; move the file aside to start a new ledger");
  }
  throw LedgerError("sale ledger " + std::string(file != nullptr ? file : "") +
                    ": schema version " + std::to_string(version) +
                    " is newer than this firmware knows (" + std::to_string(kLatestVersion) +
                    "); install the firmware that wrote it, or move the file aside to start a "
                    "new ledger");
}

}  // namespace

int latest_schema_version() {
  return kLatestVersion;
}

int read_schema_version(sqlite3* db) {
  Statement query(db, "PRAGMA user_version");
  query.step();
  return static_cast<int>(query.int64(0));
}

void check_schema_known(sqlite3* db) {
  refuse_unknown_version(db, read_schema_version(db));
}

void migrate(sqlite3* db) {
  for (;;) {
    const int seen = read_schema_version(db);
    refuse_unknown_version(db, seen);
    if (seen == kLatestVersion)
      return;
    Transaction step(db);
    // Another process may have migrated between the read and the lock: then look again.
    if (read_schema_version(db) != seen)
      continue;
    exec(db, kMigrations[seen]);
    // PRAGMA takes no bound parameters; the number is ours, not outside input.
    exec(db, "PRAGMA user_version = " + std::to_string(seen + 1));
    step.commit();
  }
}

}  // namespace linkpos::store
