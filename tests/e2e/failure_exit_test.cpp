// How the real binary ends when it cannot go on: a start that fails leaves an out-of-service
// frame instead of the last picture, and a --once run stopped by a signal says so as shells
// expect (128 + the signal), its sale resumed by the next start.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>

#include "e2e/demo_config.hpp"
#include "e2e/frame_log.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class FailureExitTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments));
  }

  TempDir dir;
};

TEST_F(FailureExitTest, AStartStoppedByTheConfigLeavesAnOutOfServiceFrameNamingWhy) {
  const std::string path = dir.file("bad.json");
  std::ofstream(path) << R"({"terminal": {"id": "T1", "currency": "EUX", "max_amount": "1"},
                            "merchant": {"name": "X"}, "backend": {"kind": "demo"}})";
  auto process = linkpos({"--config", path});
  EXPECT_EQ(process.wait(30s), 78);
  const auto frames = frames_in(process.stderr_lines());
  ASSERT_EQ(frames.size(), 1u) << "no sale screen was ever drawn";
  EXPECT_EQ(frames.back().screen, "out-of-service");
  ASSERT_GE(frames.back().lines.size(), 3u);
  EXPECT_EQ(frames.back().lines[0], "Out of service");
  EXPECT_EQ(frames.back().lines[1], "The terminal could not start.");
  EXPECT_NE(frames.back().lines[2].find("terminal.currency"), std::string::npos);
}

TEST_F(FailureExitTest, AStartStoppedByTheLedgerLeavesAnOutOfServiceFrame) {
  std::ifstream shipped(write_demo_config(dir, 1));
  nlohmann::json config = nlohmann::json::parse(shipped);
  std::ofstream(dir.file("a-file")) << "x";
  config["ledger"]["path"] = dir.file("a-file") + "/ledger.sqlite";
  const std::string path = dir.file("bad-ledger.json");
  std::ofstream(path) << config.dump();
  auto process = linkpos({"--config", path});
  EXPECT_EQ(process.wait(30s), 78);
  const auto frames = frames_in(process.stderr_lines());
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames.back().screen, "out-of-service");
}

class SignalledOnceTest : public FailureExitTest, public ::testing::WithParamInterface<int> {};

TEST_P(SignalledOnceTest, ExitsWith128PlusTheSignalAndTheSaleResumesAtTheNextStart) {
  const auto config = write_demo_config(dir, 3);
  auto stopped = linkpos({"--config", config, "--keys", "5 0 0 CHARGE", "--once"});
  ASSERT_TRUE(stopped.wait_for_stderr("\"screen\":\"qr\"", 60s));
  stopped.signal(GetParam());
  EXPECT_EQ(stopped.wait(30s), 128 + GetParam());
  const auto frames = frames_in(stopped.stderr_lines());
  ASSERT_FALSE(frames.empty());
  EXPECT_NE(frames.back().screen, "out-of-service") << "a stop is not a failure";

  auto resumed = linkpos({"--config", config, "--once"});
  EXPECT_EQ(resumed.wait(60s), 0) << "the sale resumes and its receipt prints";
  store::Ledger ledger(dir.file("ledger.sqlite"));
  ASSERT_EQ(ledger.recent(10).size(), 1u);
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kCompleted);
}

INSTANTIATE_TEST_SUITE_P(IntAndTerm, SignalledOnceTest, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int>& signal) {
                           return signal.param == SIGINT ? std::string("SIGINT")
                                                         : std::string("SIGTERM");
                         });

}  // namespace
}  // namespace linkpos::testing
