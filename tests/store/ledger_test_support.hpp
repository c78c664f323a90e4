#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"

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

}  // namespace linkpos::store::test
