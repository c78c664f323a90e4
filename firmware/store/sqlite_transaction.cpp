#include "store/sqlite_transaction.hpp"

#include <sqlite3.h>

#include "store/sqlite_statement.hpp"

namespace linkpos::store {

Transaction::Transaction(sqlite3* db) : db_(db) {
  exec(db_, "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); only an open
  // transaction needs it.
  if (!committed_ && sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  exec(db_, "COMMIT");
  committed_ = true;
}

}  // namespace linkpos::store
