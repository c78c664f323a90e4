#pragma once

#include <string>

struct sqlite3;

namespace linkpos::store {

// The schema version this firmware writes: the file's PRAGMA user_version once migrated.
int latest_schema_version();

// The file's schema version; 0 for a new, empty file.
int read_schema_version(sqlite3* db);

// Throws LedgerError, naming the file and what to do, when its schema is newer than this
// firmware (or not one linkpos ever wrote).
void check_schema_known(sqlite3* db);

// SQL for the thousandths in one minor unit of the currency named by `currency_column`, for
// amounts that schemas before 5 kept in minor units.
std::string thousandths_per_minor_sql(const std::string& currency_column);

// Brings the file up to latest_schema_version(), one transaction per version step, so a power
// cut mid-way leaves it at the last finished step. A file newer than this firmware throws
// LedgerError, untouched.
void migrate(sqlite3* db);

}  // namespace linkpos::store
