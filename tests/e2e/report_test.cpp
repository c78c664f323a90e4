// `linkpos --report x|z` as a technician's script runs it: no display or keypad, the report on
// the configured printer (or --receipts), an exit code for each way it ends, and Z numbers that
// stay gap-free when the power goes while a Z prints.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "e2e/demo_config.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"
#include "support/read_file.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// A network printer that takes the connection and never answers: the job waits on it.
class SilentPrinter {
 public:
  SilentPrinter() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
        ::listen(listener_, 1) == 0 &&
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      port_ = ntohs(address.sin_port);
  }
  ~SilentPrinter() {
    if (connection_ >= 0)
      ::close(connection_);
    ::close(listener_);
  }
  SilentPrinter(const SilentPrinter&) = delete;
  SilentPrinter& operator=(const SilentPrinter&) = delete;

  int port() const { return port_; }

  // Whether a job connected and sent its first bytes within `timeout`.
  bool job_arrived(std::chrono::milliseconds timeout) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(timeout.count())) != 1)
      return false;
    connection_ = ::accept(listener_, nullptr, nullptr);
    pollfd reading{connection_, POLLIN, 0};
    char byte = 0;
    return connection_ >= 0 && ::poll(&reading, 1, static_cast<int>(timeout.count())) == 1 &&
           ::read(connection_, &byte, 1) == 1;
  }

 private:
  int listener_ = -1;
  int connection_ = -1;
  int port_ = 0;
};

class ReportCommandTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments));
  }

  // One keyed demo sale, paid at once, to its printed receipt.
  void sell(const std::string& keys) {
    auto sale = linkpos({"--config", config, "--keys", keys, "--once"});
    ASSERT_EQ(sale.wait(60s), 0);
  }

  std::optional<int> report(const std::string& kind, const std::string& extra_config = "") {
    auto process = linkpos({"--config", extra_config.empty() ? config : extra_config, "--report",
                            kind, "--receipts", receipts});
    const auto code = process.wait(60s);
    log = process.stderr_lines();
    return code;
  }

  std::string z_text(int number) const {
    return read_file(fs::path(receipts) / ("Z-" + std::to_string(number) + ".txt"));
  }

  // The demo config with the printer replaced by the network printer at `port`.
  std::string network_printer_config(int port) const {
    std::ifstream written(config);
    nlohmann::json adjusted = nlohmann::json::parse(written);
    adjusted["printer"] = {{"kind", "tcp"},
                           {"host", "127.0.0.1"},
                           {"port", port},
                           {"status_check", true},
                           {"status_timeout_ms", 10000}};
    const std::string path = dir.file("network-printer.json");
    std::ofstream(path) << adjusted.dump(2);
    return path;
  }

  TempDir dir;
  const std::string config = write_demo_config(dir, 1);
  const std::string receipts = dir.file("R");
  std::vector<std::string> log;
};

TEST_F(ReportCommandTest, AZPrintsTheDayAsFilesAndClosesItTheNextZCoversWhatCameAfter) {
  sell("1 2 5 0 CHARGE");
  sell("F1 F2 CHARGE");
  ASSERT_EQ(report("x"), 0);
  ASSERT_EQ(std::distance(fs::directory_iterator(receipts), fs::directory_iterator{}), 2)
      << "X-<time>.txt and .escpos";

  ASSERT_EQ(report("z"), 0);
  const std::string z1 = z_text(1);
  EXPECT_NE(z1.find("Z REPORT 000001"), std::string::npos) << z1;
  EXPECT_NE(z1.find("€16.80"), std::string::npos) << "12.50 + 2.50 + 1.80\n" << z1;
  EXPECT_NE(z1.find("Demo: no payment service to compare with."), std::string::npos) << z1;
  EXPECT_TRUE(fs::exists(fs::path(receipts) / "Z-1.escpos"));

  sell("3 0 0 CHARGE");
  ASSERT_EQ(report("z"), 0);
  const std::string z2 = z_text(2);
  EXPECT_NE(z2.find("€3.00"), std::string::npos) << z2;
  EXPECT_EQ(z2.find("€16.80"), std::string::npos) << "the sales Z 1 closed are not counted again";
  store::Ledger ledger(dir.file("ledger.sqlite"));
  EXPECT_EQ(ledger.last_z_report()->number, 2);
}

TEST_F(ReportCommandTest, APowerCutWhileAZPrintsReprintsThatZFirstAndSkipsNoNumber) {
  sell("1 2 5 0 CHARGE");
  SilentPrinter printer;
  ASSERT_GT(printer.port(), 0);
  auto cut = linkpos({"--config", network_printer_config(printer.port()), "--report", "z"});
  ASSERT_TRUE(printer.job_arrived(30s)) << "the Z went to the printer";
  cut.kill_hard();
  cut.wait(10s);

  ASSERT_EQ(report("z"), 0);
  const std::string again = z_text(1);
  EXPECT_NE(again.find("REPRINT"), std::string::npos) << again;
  EXPECT_NE(again.find("€12.50"), std::string::npos) << again;
  const std::string next = z_text(2);
  EXPECT_NE(next.find("Z REPORT 000002"), std::string::npos) << next;
  EXPECT_EQ(next.find("€12.50"), std::string::npos) << "Z 1 closed that sale\n" << next;
  store::Ledger ledger(dir.file("ledger.sqlite"));
  EXPECT_EQ(ledger.last_z_report()->number, 2);
  EXPECT_FALSE(ledger.last_z_report()->print_pending);
}

TEST_F(ReportCommandTest, APrinterThatFailsExitsFourAndTheZStaysClosed) {
  sell("1 2 5 0 CHARGE");
  std::ofstream(dir.file("not-a-folder")) << "x";
  auto process =
      linkpos({"--config", config, "--report", "z", "--receipts", dir.file("not-a-folder")});
  EXPECT_EQ(process.wait(60s), 4);
  store::Ledger ledger(dir.file("ledger.sqlite"));
  ASSERT_TRUE(ledger.last_z_report());
  EXPECT_TRUE(ledger.last_z_report()->print_pending) << "it prints again at the next start";
}

TEST_F(ReportCommandTest, ALedgerThatCannotBeOpenedExitsFive) {
  std::ifstream written(config);
  nlohmann::json adjusted = nlohmann::json::parse(written);
  std::ofstream(dir.file("file")) << "x";
  adjusted["ledger"]["path"] = dir.file("file") + "/ledger.sqlite";
  const std::string path = dir.file("bad-ledger.json");
  std::ofstream(path) << adjusted.dump(2);
  EXPECT_EQ(report("x", path), 5);
}

TEST_F(ReportCommandTest, ABadConfigExitsSeventyEightAndABadKindIsAUsageError) {
  const std::string path = dir.file("bad.json");
  std::ofstream(path) << "{\"terminal\": {\"time_zone\": \"Mars/Olympus\"}}";
  EXPECT_EQ(report("x", path), 78);
  auto process = linkpos({"--config", config, "--report", "y"});
  EXPECT_EQ(process.wait(30s), 64);
}

}  // namespace
}  // namespace linkpos::testing
