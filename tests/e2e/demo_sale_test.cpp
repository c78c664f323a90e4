// The real linkpos binary, run headless as tests and technicians run it: scripted keys in, the
// frame log, PNG snapshots, receipt files and the ledger out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/demo_config.hpp"
#include "e2e/frame_log.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"
#include "support/read_file.hpp"
#include "support/zbar.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class DemoSaleTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments));
  }

  TempDir dir;
};

TEST_F(DemoSaleTest, AKeyedSaleRunsHeadlessFromKeysToAPrintedReceipt) {
  const auto config = write_demo_config(dir, 1);
  const auto snapshots = dir.file("S");
  const auto receipts = dir.file("R");
  auto process = linkpos({"--config", config, "--keys", "1 2 5 0 CHARGE", "--snapshots", snapshots,
                          "--receipts", receipts, "--once"});
  ASSERT_EQ(process.wait(60s), 0);

  const auto frames = frames_in(process.stderr_lines());
  const std::vector<std::string> expected{"idle", "amount",   "creating", "qr",
                                          "paid", "printing", "idle"};
  EXPECT_EQ(screen_sequence(frames), expected);

  store::Ledger ledger(dir.file("ledger.sqlite"));
  const auto sales = ledger.recent(10);
  ASSERT_EQ(sales.size(), 1u);
  const auto& sale = sales.front();
  EXPECT_EQ(sale.end, store::SaleEnd::kCompleted);
  EXPECT_EQ(sale.amount_minor, 1250);
  EXPECT_EQ(sale.receipt_number, 1);

  // The receipt, named after the sale, in the receipts folder given on the command line.
  const auto escpos = read_file(fs::path(receipts) / (sale.reference + ".escpos"));
  const auto text = read_file(fs::path(receipts) / (sale.reference + ".txt"));
  EXPECT_NE(text.find("€12.50"), std::string::npos);
  EXPECT_NE(text.find(sale.reference), std::string::npos);
  EXPECT_NE(escpos.find("\xD5"
                        "12.50"),
            std::string::npos)
      << "€ in CP858 is 0xD5";
  EXPECT_EQ(escpos.rfind("\x1B@\x1Bt\x13", 0), 0u) << "ESC @ then ESC t 19";

  // Every frame has its snapshot, and the QR frame's code reads back as the link's URL with an
  // independent decoder.
  EXPECT_EQ(std::distance(fs::directory_iterator(snapshots), fs::directory_iterator{}),
            static_cast<long>(frames.size()));
  const auto qr =
      std::find_if(frames.begin(), frames.end(), [](const auto& f) { return f.screen == "qr"; });
  ASSERT_NE(qr, frames.end());
  char name[32];
  std::snprintf(name, sizeof name, "frame-%06d.png", qr->number);
  const auto decoded = zbar_decode((fs::path(snapshots) / name).string());
  ASSERT_TRUE(decoded) << "zbarimg found no QR code in " << name;
  EXPECT_EQ(*decoded, sale.link_url);
}

TEST_F(DemoSaleTest, QuickKeysRingUpTheShippedCataloguesItemsOnTheLinkAndTheReceipt) {
  const auto receipts = dir.file("R");
  auto process = linkpos({"--config", write_demo_config(dir, 1), "--keys", "F1 F1 F2 CHARGE",
                          "--receipts", receipts, "--once"});
  ASSERT_EQ(process.wait(60s), 0);
  const auto frames = frames_in(process.stderr_lines());
  const std::vector<std::string> expected{"idle", "cart",     "creating", "qr",
                                          "paid", "printing", "idle"};
  EXPECT_EQ(screen_sequence(frames), expected);
  store::Ledger ledger(dir.file("ledger.sqlite"));
  const auto sale = ledger.recent(1).at(0);
  EXPECT_EQ(sale.amount_minor, 680);
  ASSERT_EQ(sale.lines.size(), 2u);
  EXPECT_EQ(sale.lines[0].name, "Espresso");
  EXPECT_EQ(sale.lines[0].quantity, 2);
  EXPECT_EQ(sale.lines[1].name, "Croissant");
  EXPECT_EQ(sale.lines[1].quantity, 1);
  const auto text = read_file(fs::path(receipts) / (sale.reference + ".txt"));
  EXPECT_NE(text.find("2 x Espresso"), std::string::npos) << text;
  EXPECT_NE(text.find("Croissant"), std::string::npos) << text;
  EXPECT_NE(text.find("€6.80"), std::string::npos) << text;
}

TEST_F(DemoSaleTest, ASaleKilledWhileItsQrIsUpResumesAfterTheRestartAndCompletes) {
  // The demo pays after a minute: the first run is killed long before that.
  const auto config = write_demo_config(dir, 60);
  {
    auto first = linkpos({"--config", config, "--keys", "1 2 5 0 CHARGE"});
    ASSERT_TRUE(first.wait_for_stderr("\"screen\":\"qr\"", 30s));
    first.kill_hard();
    EXPECT_EQ(first.wait(10s), 128 + SIGKILL);
  }
  std::string reference;
  {
    store::Ledger ledger(dir.file("ledger.sqlite"));
    const auto unfinished = ledger.unfinished();
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished.front().stage, store::SaleStage::kLinkCreated);
    reference = unfinished.front().reference;
  }
  // No keys: the restarted terminal carries on by itself. (The demo forgets links across a
  // restart and counts them paid, so the resumed sale completes.)
  auto second = linkpos({"--config", config, "--once"});
  ASSERT_EQ(second.wait(60s), 0);
  const auto frames = frames_in(second.stderr_lines());
  const auto sequence = screen_sequence(frames);
  EXPECT_EQ(sequence.at(1), "qr") << "the QR comes back first";
  store::Ledger ledger(dir.file("ledger.sqlite"));
  const auto sale = ledger.find(reference);
  ASSERT_TRUE(sale);
  EXPECT_EQ(sale->end, store::SaleEnd::kCompleted);
  EXPECT_EQ(ledger.recent(10).size(), 1u) << "no second sale was started";
  EXPECT_TRUE(fs::exists(fs::path(dir.file("receipts")) / (reference + ".escpos")));
}

TEST_F(DemoSaleTest, CancelOnTheQrScreenEndsTheSaleWithExitCodeOne) {
  const auto config = write_demo_config(dir, 60);
  auto process = linkpos({"--config", config, "--keys", "5 0 0 CHARGE wait:qr CANCEL", "--once"});
  EXPECT_EQ(process.wait(60s), 1);
  store::Ledger ledger(dir.file("ledger.sqlite"));
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kCancelled);
  EXPECT_FALSE(fs::exists(dir.file("receipts")) && !fs::is_empty(dir.file("receipts")));
}

TEST_F(DemoSaleTest, ABadConfigNamesEachBadFieldAndExitsWithEX_CONFIG) {
  const std::string path = dir.file("bad.json");
  std::ofstream(path) << R"({"terminal": {"id": "T1", "currency": "EUX", "max_amount": "1"},
                            "merchant": {"name": "X"}, "backend": {"kind": "wixx"}})";
  auto process = linkpos({"--config", path, "--once"});
  EXPECT_EQ(process.wait(30s), 78);
  std::string all;
  for (const auto& line : process.stderr_lines())
    all += line + "\n";
  EXPECT_NE(all.find("terminal.currency"), std::string::npos) << all;
  EXPECT_NE(all.find("backend.kind"), std::string::npos) << all;
}

TEST_F(DemoSaleTest, AnUnknownKeyInTheScriptIsAUsageError) {
  auto process = linkpos({"--config", write_demo_config(dir, 1), "--keys", "1 2 PAY"});
  EXPECT_EQ(process.wait(30s), 64);
  ASSERT_FALSE(process.stderr_lines().empty());
  EXPECT_NE(process.stderr_lines().back().find("\"PAY\" is not a key"), std::string::npos);
}

TEST_F(DemoSaleTest, VersionNamesTheRevision) {
  auto process = linkpos({"--version"});
  EXPECT_EQ(process.wait(30s), 0);
  ASSERT_FALSE(process.stdout_lines().empty());
  EXPECT_EQ(process.stdout_lines().front().rfind("linkpos ", 0), 0u);
}

}  // namespace
}  // namespace linkpos::testing
