#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace linkpos::testing {

// A program of ours run as a real process, as a technician would run it: its stdout and stderr
// are read through pipes, line by line. Cross builds start it through the emulator named at
// build time (LINKPOS_EMULATOR), since the machine cannot run the target's binaries directly.
class ChildProcess {
 public:
  // With `keys_on_stdin`, the process reads what write_stdin() sends (a pipe, as a technician
  // would pipe keys in); otherwise its stdin is /dev/null. With `quiet_stderr` its stderr goes
  // to /dev/null: for a long-running helper (wixsim) whose log nobody reads, which would
  // otherwise fill the pipe and stall it. `environment` sets (or replaces) variables in the
  // process's environment, which is otherwise this one's.
  explicit ChildProcess(std::vector<std::string> arguments, std::string working_dir = "",
                        bool keys_on_stdin = false, bool quiet_stderr = false,
                        const std::vector<std::pair<std::string, std::string>>& environment = {});
  ~ChildProcess();  // kills the process if it is still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next stderr (or stdout) line, waiting at most `timeout`; nullopt at end of output or
  // on timeout.
  std::optional<std::string> next_stderr_line(std::chrono::milliseconds timeout);
  std::optional<std::string> next_stdout_line(std::chrono::milliseconds timeout);

  // Reads stderr until a line containing `text` arrives; false on timeout or end of output.
  bool wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout);

  void write_stdin(const std::string& bytes);
  void kill_hard();  // SIGKILL, as a power cut
  void signal(int number);
  // Waits for the process to end, collecting the rest of its output; its exit code, or
  // 128 + the signal that killed it; nullopt if it did not end in time.
  std::optional<int> wait(std::chrono::milliseconds timeout);

  // The process has closed both outputs (it ended, or is about to).
  bool ended() const { return out_.closed && err_.closed; }

  // Every stderr line read so far.
  const std::vector<std::string>& stderr_lines() const { return stderr_lines_; }
  const std::vector<std::string>& stdout_lines() const { return stdout_lines_; }

 private:
  struct Stream {
    int fd = -1;
    std::string pending;
    bool closed = false;
  };
  std::optional<std::string> next_line(Stream& stream, std::vector<std::string>& lines,
                                       std::chrono::milliseconds timeout);
  void drain(std::chrono::milliseconds timeout);

  int pid_ = -1;
  int stdin_ = -1;
  std::optional<int> exit_code_;
  Stream out_;
  Stream err_;
  std::vector<std::string> stderr_lines_;
  std::vector<std::string> stdout_lines_;
};

}  // namespace linkpos::testing
