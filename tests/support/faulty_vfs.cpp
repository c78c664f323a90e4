#include "support/faulty_vfs.hpp"

#include <sqlite3.h>

#include <optional>
#include <stdexcept>
#include <string_view>

namespace linkpos::testing {

struct FaultyVfs::State {
  sqlite3_vfs shim{};
  sqlite3_vfs* real = nullptr;
  std::string suffix;
  bool counting = false;
  std::optional<VfsCall> fail_call;
  int fail_nth = 0;
  bool sticky = true;
  int writes = 0;
  int syncs = 0;
  int failures = 0;

  bool watches(const char* name) const {
    if (name == nullptr || suffix.empty())
      return false;
    const std::string_view path(name);
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  }

  // Counts a call of kind `call` to a watched file; true when it must fail.
  bool fails(VfsCall call) {
    if (!counting)
      return false;
    const int number = call == VfsCall::kWrite ? ++writes : ++syncs;
    if (fail_call != call)
      return false;
    if (number == fail_nth || (sticky && number > fail_nth)) {
      ++failures;
      return true;
    }
    return false;
  }
};

namespace {

using State = FaultyVfs::State;

// The file SQLite sees: ours, with the default VFS's file right behind it in the same block.
struct ShimFile {
  sqlite3_file base;
  State* state;
  // SQLite keeps the name alive until xClose. Looked at on each call, so a file opened before
  // the suffix was chosen is watched too.
  const char* name;
};

sqlite3_file* real_file(sqlite3_file* file) {
  return reinterpret_cast<sqlite3_file*>(reinterpret_cast<ShimFile*>(file) + 1);
}

State* state_of(sqlite3_vfs* vfs) {
  return static_cast<State*>(vfs->pAppData);
}

// The file's methods: each passes on to the default VFS's file; writes and syncs may fail.

int shim_close(sqlite3_file* file) {
  sqlite3_file* real = real_file(file);
  return real->pMethods != nullptr ? real->pMethods->xClose(real) : SQLITE_OK;
}

int shim_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xRead(real, buffer, amount, offset);
}

int shim_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  auto* shim = reinterpret_cast<ShimFile*>(file);
  if (shim->state->watches(shim->name) && shim->state->fails(VfsCall::kWrite))
    return SQLITE_FULL;
  sqlite3_file* real = real_file(file);
  return real->pMethods->xWrite(real, buffer, amount, offset);
}

int shim_truncate(sqlite3_file* file, sqlite3_int64 size) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xTruncate(real, size);
}

int shim_sync(sqlite3_file* file, int flags) {
  auto* shim = reinterpret_cast<ShimFile*>(file);
  if (shim->state->watches(shim->name) && shim->state->fails(VfsCall::kSync))
    return SQLITE_IOERR_FSYNC;
  sqlite3_file* real = real_file(file);
  return real->pMethods->xSync(real, flags);
}

int shim_file_size(sqlite3_file* file, sqlite3_int64* size) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xFileSize(real, size);
}

int shim_lock(sqlite3_file* file, int level) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xLock(real, level);
}

int shim_unlock(sqlite3_file* file, int level) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xUnlock(real, level);
}

int shim_check_reserved_lock(sqlite3_file* file, int* reserved) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xCheckReservedLock(real, reserved);
}

int shim_file_control(sqlite3_file* file, int op, void* argument) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xFileControl(real, op, argument);
}

int shim_sector_size(sqlite3_file* file) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xSectorSize(real);
}

int shim_device_characteristics(sqlite3_file* file) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xDeviceCharacteristics(real);
}

int shim_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** memory) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xShmMap(real, region, size, extend, memory);
}

int shim_shm_lock(sqlite3_file* file, int offset, int count, int flags) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xShmLock(real, offset, count, flags);
}

void shim_shm_barrier(sqlite3_file* file) {
  sqlite3_file* real = real_file(file);
  real->pMethods->xShmBarrier(real);
}

int shim_shm_unmap(sqlite3_file* file, int delete_flag) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xShmUnmap(real, delete_flag);
}

int shim_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xFetch(real, offset, amount, page);
}

int shim_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  sqlite3_file* real = real_file(file);
  return real->pMethods->xUnfetch(real, offset, page);
}

// Version 1 for files without shared memory or memory mapping (as the default VFS gives them,
// journals among them), version 3 for the rest: SQLite looks at the version before it calls.
const sqlite3_io_methods kMethodsV1 = {
    1,
    shim_close,
    shim_read,
    shim_write,
    shim_truncate,
    shim_sync,
    shim_file_size,
    shim_lock,
    shim_unlock,
    shim_check_reserved_lock,
    shim_file_control,
    shim_sector_size,
    shim_device_characteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

const sqlite3_io_methods kMethodsV3 = {
    3,
    shim_close,
    shim_read,
    shim_write,
    shim_truncate,
    shim_sync,
    shim_file_size,
    shim_lock,
    shim_unlock,
    shim_check_reserved_lock,
    shim_file_control,
    shim_sector_size,
    shim_device_characteristics,
    shim_shm_map,
    shim_shm_lock,
    shim_shm_barrier,
    shim_shm_unmap,
    shim_fetch,
    shim_unfetch,
};

// The VFS's own methods: all but xOpen are the default VFS's.

int shim_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  State* state = state_of(vfs);
  auto* shim = reinterpret_cast<ShimFile*>(file);
  shim->base.pMethods = nullptr;
  shim->state = state;
  shim->name = name;
  sqlite3_file* real = real_file(file);
  const int rc = state->real->xOpen(state->real, name, real, flags, out_flags);
  if (real->pMethods != nullptr)
    shim->base.pMethods = real->pMethods->iVersion >= 3 ? &kMethodsV3 : &kMethodsV1;
  return rc;
}

int shim_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xDelete(real, name, sync_dir);
}

int shim_access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xAccess(real, name, flags, result);
}

int shim_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xFullPathname(real, name, size, out);
}

void* shim_dl_open(sqlite3_vfs* vfs, const char* name) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xDlOpen(real, name);
}

void shim_dl_error(sqlite3_vfs* vfs, int size, char* message) {
  sqlite3_vfs* real = state_of(vfs)->real;
  real->xDlError(real, size, message);
}

void (*shim_dl_sym(sqlite3_vfs* vfs, void* library, const char* symbol))(void) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xDlSym(real, library, symbol);
}

void shim_dl_close(sqlite3_vfs* vfs, void* library) {
  sqlite3_vfs* real = state_of(vfs)->real;
  real->xDlClose(real, library);
}

int shim_randomness(sqlite3_vfs* vfs, int size, char* out) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xRandomness(real, size, out);
}

int shim_sleep(sqlite3_vfs* vfs, int microseconds) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xSleep(real, microseconds);
}

int shim_current_time(sqlite3_vfs* vfs, double* now) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xCurrentTime(real, now);
}

int shim_get_last_error(sqlite3_vfs* vfs, int size, char* message) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xGetLastError(real, size, message);
}

int shim_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* now) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xCurrentTimeInt64(real, now);
}

int shim_set_system_call(sqlite3_vfs* vfs, const char* name, sqlite3_syscall_ptr call) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xSetSystemCall(real, name, call);
}

sqlite3_syscall_ptr shim_get_system_call(sqlite3_vfs* vfs, const char* name) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xGetSystemCall(real, name);
}

const char* shim_next_system_call(sqlite3_vfs* vfs, const char* name) {
  sqlite3_vfs* real = state_of(vfs)->real;
  return real->xNextSystemCall(real, name);
}

}  // namespace

FaultyVfs::FaultyVfs() : state_(std::make_unique<State>()) {
  sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
  if (real == nullptr || real->iVersion < 3)
    throw std::runtime_error("FaultyVfs: SQLite has no default VFS of version 3");
  state_->real = real;
  sqlite3_vfs& shim = state_->shim;
  shim.iVersion = 3;
  shim.szOsFile = static_cast<int>(sizeof(ShimFile)) + real->szOsFile;
  shim.mxPathname = real->mxPathname;
  shim.zName = "linkpos-faulty";
  shim.pAppData = state_.get();
  shim.xOpen = shim_open;
  shim.xDelete = shim_delete;
  shim.xAccess = shim_access;
  shim.xFullPathname = shim_full_pathname;
  shim.xDlOpen = shim_dl_open;
  shim.xDlError = shim_dl_error;
  shim.xDlSym = shim_dl_sym;
  shim.xDlClose = shim_dl_close;
  shim.xRandomness = shim_randomness;
  shim.xSleep = shim_sleep;
  shim.xCurrentTime = shim_current_time;
  shim.xGetLastError = shim_get_last_error;
  shim.xCurrentTimeInt64 = shim_current_time_int64;
  shim.xSetSystemCall = shim_set_system_call;
  shim.xGetSystemCall = shim_get_system_call;
  shim.xNextSystemCall = shim_next_system_call;
  if (sqlite3_vfs_register(&shim, 1) != SQLITE_OK)
    throw std::runtime_error("FaultyVfs: cannot register the VFS");
}

FaultyVfs::~FaultyVfs() {
  sqlite3_vfs_unregister(&state_->shim);
  sqlite3_vfs_register(state_->real, 1);
}

void FaultyVfs::count(const std::string& suffix) {
  state_->suffix = suffix;
  state_->counting = true;
  state_->fail_call.reset();
  state_->fail_nth = 0;
  state_->writes = 0;
  state_->syncs = 0;
  state_->failures = 0;
}

void FaultyVfs::arm(VfsCall call, int nth, const std::string& suffix, bool sticky) {
  count(suffix);
  state_->fail_call = call;
  state_->fail_nth = nth;
  state_->sticky = sticky;
}

void FaultyVfs::disarm() {
  state_->counting = false;
  state_->fail_call.reset();
}

int FaultyVfs::writes() const {
  return state_->writes;
}

int FaultyVfs::syncs() const {
  return state_->syncs;
}

int FaultyVfs::failures() const {
  return state_->failures;
}

}  // namespace linkpos::testing
