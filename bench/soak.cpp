// A 1000-sale soak, run by hand (bench/README.md): wixsim over TLS paying every link at once,
// one linkpos process keyed over stdin for every sale, and its CPU time, memory and descriptors
// read from /proc between sales. It fails (exit 1) when the resident memory grows between sale
// 10 and the last sale by more than 10 % or 2 MiB, whichever is larger, or when descriptors leak;
// exit 2 when a sale does not end on the PAID screen.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e/wixsim_terminal.hpp"

namespace linkpos::bench {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;
using testing::WixsimTerminal;

constexpr long kMiB = 1024 * 1024;

// What /proc says of one process at one moment.
struct ProcessSample {
  long cpu_ticks = 0;  // utime + stime
  long rss_bytes = 0;  // VmRSS
  long hwm_bytes = 0;  // VmHWM, the peak
  // VmRSS in parts: the heap and stacks, mapped files (the program, libraries), shared memory
  // (SQLite's WAL index): which part grows says where to look.
  long anon_bytes = 0;
  long file_bytes = 0;
  long shmem_bytes = 0;
  int descriptors = 0;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child of this process whose command name is `name`: ChildProcess keeps its pid to itself.
int child_named(const std::string& name) {
  const std::string parent = std::to_string(getpid());
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const std::string stat = read_text("/proc/" + pid + "/stat");
    const auto open = stat.find('(');
    const auto close = stat.rfind(')');
    if (open == std::string::npos || close == std::string::npos)
      continue;
    std::istringstream rest(stat.substr(close + 2));
    std::string state;
    std::string ppid;
    rest >> state >> ppid;
    if (ppid == parent && stat.substr(open + 1, close - open - 1) == name)
      return std::stoi(pid);
  }
  return -1;
}

long status_kib(const std::string& status, const std::string& field) {
  const auto at = status.find(field + ":");
  return at == std::string::npos ? -1 : std::atol(status.c_str() + at + field.size() + 1);
}

ProcessSample sample(int pid) {
  const std::string dir = "/proc/" + std::to_string(pid);
  ProcessSample s;
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const std::string stat = read_text(dir + "/stat");
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string field;
  for (int number = 3; number <= 15 && fields >> field; ++number) {
    if (number == 14 || number == 15)
      s.cpu_ticks += std::stol(field);
  }
  const std::string status = read_text(dir + "/status");
  s.rss_bytes = status_kib(status, "VmRSS") * 1024;
  s.hwm_bytes = status_kib(status, "VmHWM") * 1024;
  s.anon_bytes = status_kib(status, "RssAnon") * 1024;
  s.file_bytes = status_kib(status, "RssFile") * 1024;
  s.shmem_bytes = status_kib(status, "RssShmem") * 1024;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/fd")) {
    (void)entry;
    ++s.descriptors;
  }
  return s;
}

// Reads the frame log until a frame of `screen` comes; false (with what came instead) when a
// screen that ends the soak comes first, or nothing in time.
bool wait_for_screen(ChildProcess& terminal, const std::string& screen, std::string& instead) {
  const std::string wanted = "{\"screen\":\"" + screen + "\"";
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto line = terminal.next_stderr_line(5s);
    if (!line) {
      if (terminal.ended()) {
        instead = "linkpos ended";
        return false;
      }
      continue;
    }
    if (line->rfind(wanted, 0) == 0)
      return true;
    for (const char* bad : {"error", "underpaid", "check-payment", "out-of-service"}) {
      if (line->rfind(std::string("{\"screen\":\"") + bad + "\"", 0) == 0) {
        instead = *line;
        return false;
      }
    }
  }
  instead = "no " + screen + " frame within 60 s";
  return false;
}

double mib(long bytes) {
  return static_cast<double>(bytes) / kMiB;
}

long file_size(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<long>(size);
}

int run(int sales) {
  // --auto-pay 0: wixsim pays each link as soon as it is made, so a sale's time is the terminal's.
  WixsimTerminal wix({"--auto-pay", "0"});
  if (wix.base_url().empty()) {
    std::cerr << "soak: wixsim did not start\n";
    return 2;
  }
  const std::string config = wix.write_config(WixsimTerminal::kApiKey, [](nlohmann::json& c) {
    c["terminal"]["poll_interval_ms"] = 250;  // the least the config takes
  });
  ChildProcess terminal({LINKPOS_BINARY, "--config", config}, "", /*keys_on_stdin=*/true);
  std::string instead;
  if (!wait_for_screen(terminal, "idle", instead)) {
    std::cerr << "soak: linkpos did not come up: " << instead << "\n";
    return 2;
  }
  const int pid = child_named("linkpos");
  if (pid < 0) {
    std::cerr << "soak: cannot find linkpos in /proc\n";
    return 2;
  }
  std::this_thread::sleep_for(1s);  // the start-up's look at Wix done, its connection kept
  const ProcessSample before = sample(pid);
  const long ticks_per_second = sysconf(_SC_CLK_TCK);

  ProcessSample at_10;
  ProcessSample last = before;
  std::vector<double> cpu_ms;
  const auto started = std::chrono::steady_clock::now();
  for (int sale = 1; sale <= sales; ++sale) {
    terminal.write_stdin("100\r");  // 1.00, CHARGE
    if (!wait_for_screen(terminal, "paid", instead)) {
      std::cerr << "soak: sale " << sale << " did not end PAID: " << instead << "\n";
      return 2;
    }
    terminal.write_stdin("x");  // any key takes PAID away
    if (!wait_for_screen(terminal, "idle", instead)) {
      std::cerr << "soak: sale " << sale << " did not return to idle: " << instead << "\n";
      return 2;
    }
    const ProcessSample now = sample(pid);
    cpu_ms.push_back(1000.0 * static_cast<double>(now.cpu_ticks - last.cpu_ticks) /
                     static_cast<double>(ticks_per_second));
    last = now;
    if (sale == 10)
      at_10 = now;
    if (sale % 100 == 0)
      std::cerr << "soak: " << sale << " sales, RSS " << mib(now.rss_bytes) << " MiB\n";
  }
  const double minutes =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60.0;
  std::this_thread::sleep_for(1s);
  const ProcessSample after = sample(pid);

  std::vector<double> sorted = cpu_ms;
  std::sort(sorted.begin(), sorted.end());
  const auto percentile = [&](double p) {
    return sorted.at(static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1)));
  };
  double total_ms = 0;
  for (const double ms : cpu_ms)
    total_ms += ms;
  const std::string ledger = wix.dir().file("ledger.sqlite");
  std::printf("sales                      %d in %.1f min: %.0f sales/min\n", sales, minutes,
              sales / minutes);
  std::printf(
      "CPU per sale (linkpos)     mean %.2f ms, median %.0f, p95 %.0f, max %.0f "
      "(clock ticks of %.0f ms)\n",
      total_ms / sales, percentile(0.5), percentile(0.95), sorted.back(),
      1000.0 / ticks_per_second);
  std::printf(
      "RSS (VmRSS)                before %.2f MiB, after sale 10 %.2f, after sale %d %.2f\n",
      mib(before.rss_bytes), mib(at_10.rss_bytes), sales, mib(after.rss_bytes));
  for (const auto& [when, at] : {std::pair{"after sale 10", at_10}, std::pair{"at the end", after}})
    std::printf("RSS parts %-16s anonymous %.2f MiB, files %.2f, shared memory %.2f\n", when,
                mib(at.anon_bytes), mib(at.file_bytes), mib(at.shmem_bytes));
  std::printf("peak RSS (VmHWM)           after sale 10 %.2f MiB, after sale %d %.2f\n",
              mib(at_10.hwm_bytes), sales, mib(after.hwm_bytes));
  std::printf("open descriptors           before %d, after sale 10 %d, after sale %d %d\n",
              before.descriptors, at_10.descriptors, sales, after.descriptors);
  std::printf("ledger                     %.2f MiB (+ WAL %.2f MiB)\n", mib(file_size(ledger)),
              mib(file_size(ledger + "-wal")));

  bool failed = false;
  const long allowed = std::max(at_10.rss_bytes / 10, 2 * kMiB);
  if (after.rss_bytes - at_10.rss_bytes > allowed) {
    std::printf("FAIL: RSS grew by %.2f MiB (allowed %.2f)\n",
                mib(after.rss_bytes - at_10.rss_bytes), mib(allowed));
    failed = true;
  }
  const long allowed_peak = std::max(at_10.hwm_bytes / 10, 2 * kMiB);
  if (after.hwm_bytes - at_10.hwm_bytes > allowed_peak) {
    std::printf("FAIL: peak RSS grew by %.2f MiB (allowed %.2f)\n",
                mib(after.hwm_bytes - at_10.hwm_bytes), mib(allowed_peak));
    failed = true;
  }
  // One more allowed: the kept-alive HTTPS connection to Wix may be open at the end and not
  // after sale 10 (or reopened after the server closed it).
  if (after.descriptors > at_10.descriptors + 1) {
    std::printf("FAIL: descriptors leak: %d after sale 10, %d after sale %d\n", at_10.descriptors,
                after.descriptors, sales);
    failed = true;
  }
  terminal.signal(SIGTERM);
  (void)terminal.wait(30s);
  std::printf("%s\n", failed ? "FAILED" : "passed");
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace linkpos::bench

int main(int argc, char** argv) {
  // The number of sales: 1000 unless given (a short run to try the soak itself).
  const int sales = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (sales < 10) {
    std::cerr << "usage: linkpos_soak [SALES >= 10]\n";
    return 64;
  }
  try {
    return linkpos::bench::run(sales);
  } catch (const std::exception& error) {
    std::cerr << "soak: " << error.what() << "\n";
    return 2;
  }
}
