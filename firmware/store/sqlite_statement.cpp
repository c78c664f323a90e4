#include "store/sqlite_statement.hpp"

#include <sqlite3.h>

#include <limits>

#include "store/ledger.hpp"

namespace linkpos::store {
namespace {

std::string_view advice_for(int primary_code) {
  switch (primary_code) {
    case SQLITE_NOTADB:
      return "; move it aside (keep it for a technician) and the terminal starts a new ledger";
    case SQLITE_CORRUPT:
      return "; the file is damaged: move it aside (keep it for a technician) and the terminal "
             "starts a new ledger";
    case SQLITE_CANTOPEN:
      return "; check that its folder exists and that linkpos may create files there";
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return "; make the file and its folder writable by linkpos";
    case SQLITE_FULL:
      return "; the storage is full: free some space";
    case SQLITE_IOERR:
      return "; the storage failed to read or write: check the disk";
    case SQLITE_BUSY:
      return "; another program holds the file locked: close it";
    default:
      return "";
  }
}

}  // namespace

void throw_sqlite_error(sqlite3* db, std::string_view doing) {
  const char* file = sqlite3_db_filename(db, "main");
  std::string message = "sale ledger ";
  message += (file != nullptr && *file != '\0') ? file : "(unknown file)";
  message += ": ";
  message += doing;
  message += " failed: ";
  message += sqlite3_errmsg(db);
  message += advice_for(sqlite3_errcode(db) & 0xFF);
  throw LedgerError(message);
}

void exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    throw_sqlite_error(db, sql);
  }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(stmt_);
    throw_sqlite_error(db_, sql);
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) {
    throw_sqlite_error(db_, sqlite3_sql(stmt_));
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw LedgerError("sale ledger: a text value is too long to store");
  }
  // An empty view may have no data pointer, which SQLite would store as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  if (sqlite3_bind_text(stmt_, index, data, static_cast<int>(value.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK) {
    throw_sqlite_error(db_, sqlite3_sql(stmt_));
  }
  return *this;
}

bool Statement::step() {
  switch (sqlite3_step(stmt_)) {
    case SQLITE_ROW:
      return true;
    case SQLITE_DONE:
      return false;
    default:
      throw_sqlite_error(db_, sqlite3_sql(stmt_));
  }
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  if (data == nullptr)
    return {};
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace linkpos::store
