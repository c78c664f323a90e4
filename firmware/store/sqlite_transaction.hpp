#pragma once

struct sqlite3;

namespace linkpos::store {

// BEGIN IMMEDIATE on construction: the write lock is taken before anything is read, so what a
// step reads (the sale's stage, the highest receipt number) cannot change before it writes.
// Rolls back on destruction unless commit() succeeded, so an exception leaves the file as it was.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  sqlite3* db_;
  bool committed_ = false;
};

}  // namespace linkpos::store
