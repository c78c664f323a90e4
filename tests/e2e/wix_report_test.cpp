// The day's reports against wixsim over TLS: sales made by the real binary, then `--report x`
// and `--report z` reconciling the ledger with the payments Wix holds for the period.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/wixsim_terminal.hpp"
#include "store/ledger.hpp"
#include "support/read_file.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class WixReportTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments));
  }

  // Runs `--report kind` and answers the text it printed (the one new report file).
  std::string report(const std::string& kind) {
    const auto before = files();
    auto process = linkpos({"--config", config, "--report", kind, "--receipts", reports});
    EXPECT_EQ(process.wait(60s), 0);
    for (const auto& name : files()) {
      if (std::find(before.begin(), before.end(), name) == before.end() &&
          fs::path(name).extension() == ".txt")
        return read_file(fs::path(reports) / name);
    }
    ADD_FAILURE() << "no new report in " << reports;
    return "";
  }

  std::vector<std::string> files() const {
    std::vector<std::string> names;
    if (fs::exists(reports)) {
      for (const auto& entry : fs::directory_iterator(reports))
        names.push_back(entry.path().filename().string());
    }
    return names;
  }

  nlohmann::json link_of_sale(const std::string& reference) const {
    const auto state = wix.state();
    for (const auto& link : state.at("links")) {
      if (link.at("title").get<std::string>().find(reference) != std::string::npos)
        return link;
    }
    return nullptr;
  }

  WixsimTerminal wix;
  const std::string config = wix.write_config();
  const std::string reports = wix.dir().file("reports");
};

TEST_F(WixReportTest, APaymentMadeWhileTheTerminalWasOffIsBroughtInByTheReports) {
  // A paid sale and a cancelled one.
  auto paid = linkpos({"--config", config, "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_TRUE(paid.wait_for_stderr("\"screen\":\"qr\"", 60s));
  EXPECT_EQ(wix.pay(wix.state().at("links").at(0).at("links").at("url").at("url")), 200u);
  ASSERT_EQ(paid.wait(60s), 0);
  auto cancelled = linkpos({"--config", config, "--keys", "5 0 0 CHARGE wait:qr CANCEL", "--once"});
  ASSERT_EQ(cancelled.wait(60s), 1);

  // With the terminal off, Wix takes a payment for the cancelled sale's link (the customer's
  // phone had the checkout open): the terminal never looks at that link again.
  std::string cancelled_reference;
  {
    store::Ledger ledger(wix.dir().file("ledger.sqlite"));
    cancelled_reference = ledger.recent(1).at(0).reference;
  }
  const auto link = link_of_sale(cancelled_reference);
  ASSERT_FALSE(link.is_null());
  nlohmann::json late = wix.state().at("payments").at(0);
  late["id"] = "late-payment-0001";
  late["paymentLinkId"] = link.at("id");
  late["amount"] = "5.00";
  late.erase("receiptId");
  wix.add_raw_payments(nlohmann::json::array({late}));

  const std::string x = report("x");
  EXPECT_NE(x.find("Reconciled with Wix"), std::string::npos) << x;
  EXPECT_NE(x.find("From Wix, now in the ledger: €5.00 payment\nlate-payment-0001"),
            std::string::npos)
      << x;
  EXPECT_EQ(x.find("NOT RECONCILED"), std::string::npos) << x;
  {
    store::Ledger ledger(wix.dir().file("ledger.sqlite"));
    const auto sale = ledger.find(cancelled_reference);
    ASSERT_TRUE(sale);
    ASSERT_EQ(sale->payments.size(), 1u) << "now in the ledger";
    EXPECT_EQ(sale->payments.front().payment_id, "late-payment-0001");
    ASSERT_EQ(ledger.refunds_owed().size(), 1u) << "a payment on a cancelled sale is owed back";
  }

  const std::string z = report("z");
  EXPECT_NE(z.find("Z REPORT 000001"), std::string::npos) << z;
  EXPECT_NE(z.find("€12.50"), std::string::npos) << z;
  EXPECT_NE(z.find("late-payment-0001"), std::string::npos) << "on the refund list\n" << z;
  EXPECT_EQ(z.find("From Wix, now in the ledger"), std::string::npos)
      << "the X brought it in; the Z finds it known\n"
      << z;
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_EQ(ledger.last_z_report()->number, 1);
}

TEST_F(WixReportTest, WhenWixCannotBeReachedTheZSaysNotReconciledAndStillCloses) {
  auto sale = linkpos({"--config", config, "--keys", "5 0 0 CHARGE wait:qr CANCEL", "--once"});
  ASSERT_EQ(sale.wait(60s), 1);
  wix.add_faults({{{"route", "query-payments"}, {"fault", "503"}}});
  const std::string z = report("z");
  EXPECT_NE(z.find("NOT RECONCILED"), std::string::npos) << z;
  EXPECT_NE(z.find("Z REPORT 000001"), std::string::npos) << z;
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_EQ(ledger.last_z_report()->number, 1);
}

}  // namespace
}  // namespace linkpos::testing
