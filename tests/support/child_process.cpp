#include "support/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace linkpos::testing {
namespace {

#ifndef LINKPOS_EMULATOR
#define LINKPOS_EMULATOR ""
#endif

std::vector<std::string> with_emulator(std::vector<std::string> arguments) {
  const std::string emulator = LINKPOS_EMULATOR;
  if (!emulator.empty()) {
    // The emulator and its options, '|'-separated ("qemu-aarch64|-L|/usr/aarch64-linux-gnu").
    std::vector<std::string> prefix;
    std::string part;
    for (const char c : emulator) {
      if (c == '|') {
        prefix.push_back(part);
        part.clear();
      } else {
        part += c;
      }
    }
    prefix.push_back(part);
    arguments.insert(arguments.begin(), prefix.begin(), prefix.end());
  }
  return arguments;
}

// This process's environment with `changes` set in it, as NAME=value strings.
std::vector<std::string> with_environment(
    const std::vector<std::pair<std::string, std::string>>& changes) {
  std::vector<std::string> variables;
  if (changes.empty())
    return variables;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string text = *variable;
    const std::string name = text.substr(0, text.find('='));
    bool changed = false;
    for (const auto& change : changes)
      changed = changed || change.first == name;
    if (!changed)
      variables.push_back(text);
  }
  for (const auto& [name, value] : changes)
    variables.push_back(name + "=" + value);
  return variables;
}

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> arguments, std::string working_dir,
                           bool keys_on_stdin, bool quiet_stderr,
                           const std::vector<std::pair<std::string, std::string>>& environment) {
  arguments = with_emulator(std::move(arguments));
  // Made before fork: the child of a process with threads may only call async-signal-safe
  // functions, and setenv() is not one.
  std::vector<std::string> variables = with_environment(environment);
  std::vector<char*> envp;
  for (auto& variable : variables)
    envp.push_back(variable.data());
  envp.push_back(nullptr);
  int out[2];
  int err[2];
  int in[2] = {-1, -1};
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  if (keys_on_stdin && pipe2(in, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    if (quiet_stderr) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDERR_FILENO);
    } else {
      dup2(err[1], STDERR_FILENO);
    }
    if (keys_on_stdin) {
      dup2(in[0], STDIN_FILENO);
    } else {
      const int null = open("/dev/null", O_RDONLY);
      dup2(null, STDIN_FILENO);
    }
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0)
      _exit(126);
    std::vector<char*> argv;
    for (auto& argument : arguments)
      argv.push_back(argument.data());
    argv.push_back(nullptr);
    if (environment.empty())
      execvp(argv[0], argv.data());
    else
      execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  if (keys_on_stdin) {
    close(in[0]);
    stdin_ = in[1];
  }
  out_.fd = out[0];
  err_.fd = err[0];
}

ChildProcess::~ChildProcess() {
  if (!exit_code_) {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  close(out_.fd);
  close(err_.fd);
  if (stdin_ >= 0)
    close(stdin_);
}

void ChildProcess::write_stdin(const std::string& bytes) {
  if (stdin_ < 0 ||
      ::write(stdin_, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
    throw std::runtime_error("cannot write to the process's stdin");
  }
}

std::optional<std::string> ChildProcess::next_line(Stream& stream, std::vector<std::string>& lines,
                                                   std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto newline = stream.pending.find('\n');
    if (newline != std::string::npos) {
      std::string line = stream.pending.substr(0, newline);
      stream.pending.erase(0, newline + 1);
      lines.push_back(line);
      return line;
    }
    if (stream.closed)
      return std::nullopt;
    // Rounded up: a wait of less than a millisecond still polls once.
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return std::nullopt;
    pollfd ready{stream.fd, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(left.count())) <= 0)
      continue;
    char buffer[4096];
    const ssize_t got = read(stream.fd, buffer, sizeof buffer);
    if (got <= 0) {
      stream.closed = true;
    } else {
      stream.pending.append(buffer, static_cast<std::size_t>(got));
    }
  }
}

std::optional<std::string> ChildProcess::next_stderr_line(std::chrono::milliseconds timeout) {
  return next_line(err_, stderr_lines_, timeout);
}

std::optional<std::string> ChildProcess::next_stdout_line(std::chrono::milliseconds timeout) {
  return next_line(out_, stdout_lines_, timeout);
}

bool ChildProcess::wait_for_stderr(const std::string& text, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return false;
    const auto line = next_stderr_line(left);
    if (!line)
      return false;
    if (line->find(text) != std::string::npos)
      return true;
  }
}

void ChildProcess::kill_hard() {
  signal(SIGKILL);
}

void ChildProcess::signal(int number) {
  ::kill(pid_, number);
}

void ChildProcess::drain(std::chrono::milliseconds timeout) {
  while (next_stderr_line(timeout)) {
  }
  while (next_stdout_line(timeout)) {
  }
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
  if (exit_code_)
    return exit_code_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    // Reading keeps the pipes from filling up and blocking the child.
    next_stderr_line(std::chrono::milliseconds(20));
    next_stdout_line(std::chrono::milliseconds(0));
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      drain(std::chrono::milliseconds(1000));
      return exit_code_;
    }
  }
  return std::nullopt;
}

}  // namespace linkpos::testing
