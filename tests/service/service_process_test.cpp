// The real linkpos as systemd runs it (Type=notify, WatchdogSec=): the datagrams it sends to a
// notify socket the test owns.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/demo_config.hpp"
#include "e2e/frame_log.hpp"
#include "e2e/wixsim_terminal.hpp"
#include "fakes/temp_dir.hpp"
#include "service/notify_socket.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// Generous, for a loaded 2-core machine running a sanitizer build.
constexpr auto kArrives = 60s;

class ServiceProcessTest : public ::testing::Test {
 protected:
  // linkpos as systemd starts it: $NOTIFY_SOCKET, and a watchdog of 200 ms (pings every 100 ms).
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments), "", false, false,
                        {{"NOTIFY_SOCKET", socket.path()}, {"WATCHDOG_USEC", "200000"}});
  }

  // Reads the process's stderr while it is there to read, so its pipe never fills.
  static void read_stderr(ChildProcess& process) {
    while (process.next_stderr_line(1ms)) {
    }
  }

  // The next datagram starting with `prefix`, counting the pings that came before it.
  std::optional<std::string> await(ChildProcess& process, const std::string& prefix,
                                   std::chrono::milliseconds timeout = kArrives) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      read_stderr(process);
      const auto message = socket.receive(50ms);
      if (!message)
        continue;
      received.push_back(*message);
      if (*message == "WATCHDOG=1")
        ++pings;
      if (message->rfind(prefix, 0) == 0)
        return message;
    }
    return std::nullopt;
  }

  // The first datagram starting with `prefix`, whether it came already or is still to come (a
  // STATUS= may come before or after READY=1).
  std::optional<std::string> first(ChildProcess& process, const std::string& prefix) {
    for (const auto& message : received) {
      if (message.rfind(prefix, 0) == 0)
        return message;
    }
    return await(process, prefix);
  }

  TempDir dir;
  NotifySocket socket;
  std::vector<std::string> received;
  int pings = 0;
};

TEST_F(ServiceProcessTest, ReadyComesAfterTheFirstFrameThenTheStatusAndThePings) {
  auto terminal = linkpos({"--config", write_demo_config(dir, 1)});
  ASSERT_TRUE(await(terminal, "READY=1"));
  // The first frame was written to stderr before READY=1 was sent, so it is in the pipe now.
  read_stderr(terminal);
  const auto frames = frames_in(terminal.stderr_lines());
  ASSERT_FALSE(frames.empty()) << "READY=1 before the first frame";
  EXPECT_EQ(frames.front().screen, "idle");

  EXPECT_EQ(first(terminal, "STATUS=").value_or("(none)"), "STATUS=ready")
      << "the demo backend always answers";
  while (pings < 3 && await(terminal, "WATCHDOG=1")) {
  }
  EXPECT_GE(pings, 3);

  terminal.signal(SIGTERM);
  EXPECT_TRUE(await(terminal, "STOPPING=1"));
  EXPECT_EQ(terminal.wait(kArrives), 0);
  int readies = 0;
  for (const auto& message : received)
    readies += message == "READY=1" ? 1 : 0;
  EXPECT_EQ(readies, 1);
}

TEST_F(ServiceProcessTest, AWrongApiKeyIsInTheStatusAndTheKeyIsNot) {
  WixsimTerminal wix;
  auto terminal = linkpos({"--config", wix.write_config("not-the-key")});
  ASSERT_TRUE(await(terminal, "READY=1"));
  EXPECT_EQ(first(terminal, "STATUS=").value_or("(none)"), "STATUS=API key rejected");
  terminal.signal(SIGTERM);
  EXPECT_EQ(terminal.wait(kArrives), 0);
  for (const auto& message : received)
    EXPECT_EQ(message.find("not-the-key"), std::string::npos) << message;
}

TEST_F(ServiceProcessTest, NoPaymentServiceToReachIsNoNetworkInTheStatus) {
  WixsimTerminal wix;
  // Nothing listens on port 1: the connection is refused, as with the network down.
  auto terminal = linkpos({"--config", wix.write_config(WixsimTerminal::kApiKey, [](auto& config) {
                             config["wix"]["base_url"] = "https://localhost:1";
                           })});
  EXPECT_EQ(first(terminal, "STATUS=").value_or("(none)"), "STATUS=no network");
  terminal.signal(SIGTERM);
  EXPECT_EQ(terminal.wait(kArrives), 0);
}

TEST_F(ServiceProcessTest, AReportRunTellsSystemdNothing) {
  const auto config = write_demo_config(dir, 1);
  auto report = linkpos({"--config", config, "--report", "x"});
  EXPECT_EQ(report.wait(kArrives), 0);
  EXPECT_EQ(socket.drain(), std::vector<std::string>{});
}

}  // namespace
}  // namespace linkpos::testing
