// The real linkpos on a ledger whose disk fails mid-sale (the faulty VFS loaded with
// LD_PRELOAD): it ends with exit 5 on the out-of-service screen, and the next start on a sound
// disk resumes the sale and completes it.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "e2e/demo_config.hpp"
#include "e2e/frame_log.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Built with the test support (tests/support/CMakeLists.txt).
const std::string kPreload = LINKPOS_BINARY_DIR "/tests/support/liblinkpos_faulty_vfs_preload.so";

class StorageFailureTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments,
                       std::vector<std::pair<std::string, std::string>> environment = {}) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments), "", false, false, environment);
  }

  // The WAL syncs a whole --once sale makes from a fresh ledger, start to exit.
  int syncs_of_a_sale() {
    TempDir scratch;
    auto run =
        linkpos({"--config", write_demo_config(scratch, 1), "--keys", "1 2 5 0 CHARGE", "--once"},
                {{"LD_PRELOAD", kPreload}});
    EXPECT_EQ(run.wait(60s), 0);
    const std::regex counts("faulty-vfs: writes=(\\d+) syncs=(\\d+) failures=0");
    for (const std::string& line : run.stderr_lines()) {
      std::smatch match;
      if (std::regex_search(line, match, counts))
        return std::stoi(match[2]);
    }
    ADD_FAILURE() << "the preloaded VFS reported no counts";
    return 0;
  }

  TempDir dir;
};

TEST_F(StorageFailureTest, ASyncFailingMidSaleExitsFiveOutOfServiceAndTheRestartCompletesIt) {
  ASSERT_TRUE(fs::exists(kPreload)) << kPreload;
  const int syncs = syncs_of_a_sale();
  ASSERT_GT(syncs, 8);
  // The last syncs are the sale's last steps and closing the ledger; this one falls after the
  // link is kept (checked below), while the customer pays.
  const int nth = syncs - 6;
  const auto config = write_demo_config(dir, 1);
  {
    auto failing =
        linkpos({"--config", config, "--keys", "1 2 5 0 CHARGE", "--once"},
                {{"LD_PRELOAD", kPreload}, {"LINKPOS_TEST_FAIL_SYNC", std::to_string(nth)}});
    EXPECT_EQ(failing.wait(60s), 5);
    const auto frames = frames_in(failing.stderr_lines());
    ASSERT_FALSE(frames.empty());
    EXPECT_EQ(frames.back().screen, "out-of-service");
    ASSERT_GE(frames.back().lines.size(), 2u);
    EXPECT_EQ(frames.back().lines[1], "Storage: the sale ledger cannot be written.");
  }
  std::string reference;
  {
    store::Ledger ledger(dir.file("ledger.sqlite"));
    const auto unfinished = ledger.unfinished();
    ASSERT_EQ(unfinished.size(), 1u) << "the disk failed mid-sale";
    EXPECT_FALSE(unfinished.front().link_id.empty()) << "its link was kept before the fault";
    reference = unfinished.front().reference;
  }

  auto restarted = linkpos({"--config", config, "--once"});
  ASSERT_EQ(restarted.wait(60s), 0);
  const auto frames = frames_in(restarted.stderr_lines());
  ASSERT_FALSE(frames.empty());
  EXPECT_NE(frames.back().screen, "out-of-service");

  store::Ledger ledger(dir.file("ledger.sqlite"));
  const auto sales = ledger.recent(10);
  ASSERT_EQ(sales.size(), 1u) << "no second sale";
  const auto& sale = sales.front();
  EXPECT_EQ(sale.reference, reference);
  EXPECT_EQ(sale.end, store::SaleEnd::kCompleted) << sale.end_detail;
  EXPECT_EQ(sale.links.size(), 1u) << "one link";
  EXPECT_EQ(sale.receipt_number, 1);
  EXPECT_TRUE(ledger.refunds_owed().empty());
  int receipts = 0;
  for (const auto& file : fs::directory_iterator(dir.file("receipts")))
    receipts += file.path().extension() == ".escpos" ? 1 : 0;
  EXPECT_EQ(receipts, 1);
  EXPECT_TRUE(fs::exists(fs::path(dir.file("receipts")) / (reference + ".escpos")));
}

}  // namespace
}  // namespace linkpos::testing
