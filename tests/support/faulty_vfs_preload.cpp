// FaultyVfs inside a real process, loaded with LD_PRELOAD: SQLite's default VFS from before
// main() on, set by the environment.
//   LINKPOS_TEST_FAIL_SYNC=<n>   the nth sync (from 1) fails, and every one after it
//   LINKPOS_TEST_FAIL_WRITE=<n>  the nth write fails (disk full), and every one after it
//   LINKPOS_TEST_FAIL_FILE=<s>   counts only files whose name ends with s ("-wal" if unset)
// With neither number (or 0) it only counts. At exit it writes one line to stderr,
// "faulty-vfs: writes=<w> syncs=<s> failures=<f>", so a test can measure a run first.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/faulty_vfs.hpp"

namespace {

using linkpos::testing::FaultyVfs;
using linkpos::testing::VfsCall;

// Never destroyed: the process may still hold ledger connections when it exits.
FaultyVfs* installed = nullptr;

int number_from(const char* name) {
  const char* text = std::getenv(name);
  return text == nullptr ? 0 : std::atoi(text);
}

__attribute__((constructor)) void install_faulty_vfs() {
  installed = new FaultyVfs();
  const char* file = std::getenv("LINKPOS_TEST_FAIL_FILE");
  const std::string suffix = file != nullptr && *file != '\0' ? file : "-wal";
  if (const int nth = number_from("LINKPOS_TEST_FAIL_SYNC"); nth > 0)
    installed->arm(VfsCall::kSync, nth, suffix);
  else if (const int nth_write = number_from("LINKPOS_TEST_FAIL_WRITE"); nth_write > 0)
    installed->arm(VfsCall::kWrite, nth_write, suffix);
  else
    installed->count(suffix);
}

__attribute__((destructor)) void report_faulty_vfs() {
  if (installed != nullptr) {
    std::fprintf(stderr, "faulty-vfs: writes=%d syncs=%d failures=%d\n", installed->writes(),
                 installed->syncs(), installed->failures());
  }
}

}  // namespace
