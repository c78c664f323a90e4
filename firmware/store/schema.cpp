#include "store/schema.hpp"

#include <sqlite3.h>

#include <iterator>
#include <string>

#include "store/ledger.hpp"
#include "store/sqlite_statement.hpp"
#include "store/sqlite_transaction.hpp"

namespace linkpos::store {

// 1000 for the currencies without decimals, 1 for those with three, 10 for the rest (ISO 4217,
// as the firmware that wrote those schemas knew them).
std::string thousandths_per_minor_sql(const std::string& currency_column) {
  return "(CASE WHEN " + currency_column +
         " IN ('CLP', 'ISK', 'JPY', 'KRW', 'UGX', 'VND', 'XAF', 'XOF') THEN 1000 WHEN " +
         currency_column +
         " IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 1 ELSE 10 END)";
}

namespace {

// kMigrations[n] takes a file from version n to version n + 1. Append, never edit: files in the
// field are at every version that ever shipped.
const std::string kMigrations[] = {
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
    // 5: every payment of a sale's links, kept exactly: Wix amounts have up to three decimals,
    // so amounts are thousandths of the currency's unit. A sale's payments may together make its
    // total (gift card and card), fall short (a checkout discount; then a further link may ask
    // for the rest, so link_amount_minor says what the current link asks) or go past it; what
    // is owed back is kept on the payment it comes from until a technician clears it. Every link
    // a sale had is kept, so a search for a lost create never takes an old one for it. A payment
    // is known by its sale and its id: Wix's ids are unique, but a record from Wix that shows
    // under two sales must never be dropped from either. The sale's one payment and the extra
    // payments of versions 2-4 move here.
    R"sql(
CREATE TABLE payments (
  payment_id           TEXT NOT NULL,
  reference            TEXT NOT NULL REFERENCES sales (reference),
  link_id              TEXT NOT NULL,
  amount_thousandths   INTEGER,
  problem              TEXT NOT NULL DEFAULT '',
  kind                 TEXT NOT NULL DEFAULT '',
  payer                TEXT NOT NULL DEFAULT '',
  card                 TEXT NOT NULL DEFAULT '',
  backend_receipt_id   TEXT NOT NULL DEFAULT '',
  seen_at_ms           INTEGER NOT NULL,
  counted              INTEGER NOT NULL DEFAULT 0,
  refund_reason        TEXT NOT NULL DEFAULT '',
  refund_thousandths   INTEGER,
  refund_cleared_at_ms INTEGER,
  PRIMARY KEY (reference, payment_id)
);

CREATE TABLE sale_links (
  reference    TEXT NOT NULL REFERENCES sales (reference),
  link_id      TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  PRIMARY KEY (reference, link_id)
);

ALTER TABLE sales ADD COLUMN link_amount_minor INTEGER;
ALTER TABLE sales ADD COLUMN written_off_thousandths INTEGER NOT NULL DEFAULT 0;
UPDATE sales SET link_amount_minor = amount_minor WHERE link_id IS NOT NULL;
INSERT INTO sale_links (reference, link_id, amount_minor)
  SELECT reference, link_id, amount_minor FROM sales WHERE link_id IS NOT NULL;

INSERT INTO payments (payment_id, reference, link_id, amount_thousandths, kind,
                      backend_receipt_id, seen_at_ms, counted)
  SELECT payment_id, reference, COALESCE(link_id, ''), paid_amount_minor * )sql" +
        thousandths_per_minor_sql("currency") + R"sql(, 'REGULAR',
         COALESCE(backend_receipt_id, ''), COALESCE(paid_at_ms, started_at_ms), 1
  FROM sales WHERE payment_id IS NOT NULL;
INSERT OR IGNORE INTO payments (payment_id, reference, link_id, amount_thousandths, kind,
                                seen_at_ms, refund_reason, refund_thousandths, refund_cleared_at_ms)
  SELECT e.payment_id, e.reference, COALESCE(s.link_id, ''), e.amount_minor * )sql" +
        thousandths_per_minor_sql("s.currency") + R"sql(, 'REGULAR', e.seen_at_ms,
         'after_sale', e.amount_minor * )sql" +
        thousandths_per_minor_sql("s.currency") +
        R"sql(, CASE WHEN e.acknowledged = 1 THEN e.seen_at_ms END
  FROM extra_payments e JOIN sales s ON s.reference = e.reference;
DROP TABLE extra_payments;
ALTER TABLE sales DROP COLUMN payment_id;
ALTER TABLE sales DROP COLUMN paid_amount_minor;
ALTER TABLE sales DROP COLUMN backend_receipt_id;
)sql",
    // 6: what a sale sold, line by line (an item times its quantity, a keyed amount), with each
    // line's VAT rate, and the tip apart; the day's Z reports, numbered without gaps and never
    // pruned, kept before they print so a cut print comes out again as a reprint.
    R"sql(
CREATE TABLE sale_lines (
  reference          TEXT NOT NULL REFERENCES sales (reference),
  position           INTEGER NOT NULL,
  name               TEXT NOT NULL,
  quantity           INTEGER NOT NULL,
  unit_price_minor   INTEGER NOT NULL,
  vat_basis_points   INTEGER,
  PRIMARY KEY (reference, position)
);
ALTER TABLE sales ADD COLUMN tip_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN ended_at_ms INTEGER;
UPDATE sales SET ended_at_ms = (SELECT MAX(at_ms) FROM sale_events e
                                WHERE e.reference = sales.reference AND e.kind = 'ended')
  WHERE stage = 'ended';
CREATE INDEX sales_by_end ON sales (ended_at_ms);
INSERT INTO sale_lines (reference, position, name, quantity, unit_price_minor)
  SELECT reference, 0, 'Sale', 1, amount_minor FROM sales;

CREATE TABLE z_reports (
  number        INTEGER PRIMARY KEY NOT NULL,
  from_ms       INTEGER NOT NULL,
  to_ms         INTEGER NOT NULL,
  made_at_ms    INTEGER NOT NULL,
  report        TEXT NOT NULL CHECK (json_valid(report)),
  prints        INTEGER NOT NULL DEFAULT 0,
  print_pending INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
BEGIN SELECT RAISE(ABORT, 'Z reports are never deleted'); END;
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
