// The real linkpos binary configured for terminal.language "fr": the receipt and the reports it
// writes carry French money (comma, euro sign after the amount) and French dates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "e2e/demo_config.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"
#include "support/child_process.hpp"
#include "support/read_file.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class LanguageE2eTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments));
  }

  // The demo config with terminal.language set to `language`.
  std::string config_in(const std::string& language) {
    const std::string path = write_demo_config(dir, 1);
    nlohmann::json config = nlohmann::json::parse(std::ifstream(path));
    config["terminal"]["language"] = language;
    std::ofstream(path) << config.dump(2);
    return path;
  }

  TempDir dir;
};

TEST_F(LanguageE2eTest, AFrenchTerminalPrintsFrenchMoneyAndDatesOnItsReceiptAndItsReports) {
  const auto config = config_in("fr");
  const auto receipts = dir.file("R");
  auto sale =
      linkpos({"--config", config, "--keys", "1 2 5 0 CHARGE", "--receipts", receipts, "--once"});
  ASSERT_EQ(sale.wait(60s), 0);

  store::Ledger ledger(dir.file("ledger.sqlite"));
  const auto sales = ledger.recent(10);
  ASSERT_EQ(sales.size(), 1u);
  // UTF-8, a no-break space between the amount and the euro sign after it.
  const auto text = read_file(fs::path(receipts) / (sales.front().reference + ".txt"));
  EXPECT_NE(text.find("12,50\u00A0€"), std::string::npos) << text;
  EXPECT_EQ(text.find("€12.50"), std::string::npos) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(Date +\d\d/\d\d/\d{4} \d\d:\d\d)"))) << text;

  // `--report` takes the language from the same config.
  const auto reports = dir.file("reports");
  auto z = linkpos({"--config", config, "--report", "z", "--receipts", reports});
  ASSERT_EQ(z.wait(60s), 0);
  const auto z_text = read_file(fs::path(reports) / "Z-1.txt");
  EXPECT_NE(z_text.find("RAPPORT Z 000001"), std::string::npos) << z_text;
  EXPECT_NE(z_text.find("12,50\u00A0€"), std::string::npos) << z_text;
  EXPECT_EQ(z_text.find("€12.50"), std::string::npos) << z_text;
  EXPECT_TRUE(std::regex_search(z_text, std::regex(R"(Au +\d\d/\d\d/\d{4} \d\d:\d\d)"))) << z_text;
}

}  // namespace
}  // namespace linkpos::testing
