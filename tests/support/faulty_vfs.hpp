#pragma once

#include <memory>
#include <string>

namespace linkpos::testing {

// The file calls a FaultyVfs can fail.
enum class VfsCall {
  kWrite,  // fails with SQLITE_FULL: the disk is full
  kSync,   // fails with SQLITE_IOERR_FSYNC: the disk could not make the data durable
};

// A SQLite VFS over the default one that counts the writes and syncs made to some files and
// fails one of them on demand, so tests run real SQLite against a full or failing disk. It is
// the default VFS while it lives (connections opened meanwhile go through it) and the one it
// replaced is the default again afterwards; every connection opened through it must be closed
// before it is destroyed. One at a time per process; used from one thread at a time.
class FaultyVfs {
 public:
  FaultyVfs();
  ~FaultyVfs();
  FaultyVfs(const FaultyVfs&) = delete;
  FaultyVfs& operator=(const FaultyVfs&) = delete;

  // Counts, from now on, the writes and syncs to files whose name ends with `suffix`
  // ("-wal", or the database's own name), failing none.
  void count(const std::string& suffix);
  // As count(), and the `nth` (from 1) call of kind `call` fails; so does every later call of
  // that kind to those files while `sticky` (a disk that stays full), until disarm().
  void arm(VfsCall call, int nth, const std::string& suffix, bool sticky = true);
  // Fails nothing more and counts nothing more; the counts so far stay readable.
  void disarm();

  int writes() const;
  int syncs() const;
  // How many calls it failed since it was last armed.
  int failures() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace linkpos::testing
