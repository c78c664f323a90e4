#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace linkpos::store {

// Throws LedgerError naming the database file, what was being done, SQLite's own message and,
// for the failures a technician can fix, what to do about it.
[[noreturn]] void throw_sqlite_error(sqlite3* db, std::string_view doing);

// Runs fixed SQL that takes no values (schema scripts, pragmas); throws LedgerError on failure.
void exec(sqlite3* db, const std::string& sql);

// One prepared statement, finalized on destruction. Values only ever enter through bind().
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as ?1, ?2... in the SQL.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);

  // True while rows come; false once the statement is done.
  bool step();
  // Steps a statement that returns no rows to its end.
  void run();

  // Columns are numbered from 0; NULL reads as 0 or "".
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace linkpos::store
