// The whole sale with real processes and real TLS: wixsim as Wix, the linkpos binary with
// scripted (or piped) keys, the test as the customer's phone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/frame_log.hpp"
#include "e2e/wixsim_terminal.hpp"
#include "store/ledger.hpp"
#include "support/read_file.hpp"
#include "support/zbar.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class WixSaleTest : public ::testing::Test {
 protected:
  ChildProcess linkpos(std::vector<std::string> arguments, bool keys_on_stdin = false) {
    arguments.insert(arguments.begin(), LINKPOS_BINARY);
    return ChildProcess(std::move(arguments), "", keys_on_stdin);
  }

  // The URL on the first QR frame, read back from its snapshot by zbarimg.
  std::string scan_qr(ChildProcess& terminal, const std::string& snapshots) {
    EXPECT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
    const auto frames = frames_in(terminal.stderr_lines());
    const auto qr =
        std::find_if(frames.begin(), frames.end(), [](const auto& f) { return f.screen == "qr"; });
    if (qr == frames.end())
      return "";
    char name[32];
    std::snprintf(name, sizeof name, "frame-%06d.png", qr->number);
    return zbar_decode((fs::path(snapshots) / name).string()).value_or("");
  }

  nlohmann::json only_link() {
    const auto links = wix.state().at("links");
    EXPECT_EQ(links.size(), 1u);
    return links.at(0);
  }

  WixsimTerminal wix;
};

TEST_F(WixSaleTest, ACustomerPaysFromTheQrCodeAndTheReceiptCarriesEveryId) {
  const auto snapshots = wix.dir().file("S");
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE",
                           "--snapshots", snapshots, "--once"});
  const std::string url = scan_qr(terminal, snapshots);
  ASSERT_EQ(url.rfind(wix.base_url() + "/pay/", 0), 0u)
      << "the QR code carries the link's URL: " << url;
  EXPECT_EQ(wix.pay(url), 200u);
  ASSERT_EQ(terminal.wait(60s), 0);

  const auto link = only_link();
  EXPECT_EQ(link.at("links").at("url").at("url"), url);
  EXPECT_TRUE(link.at("status") == "PAID" || link.at("status") == "INACTIVE") << link.at("status");
  EXPECT_EQ(link.at("ecomPaymentLink").at("lineItems").at(0).at("customItem").at("price"), "12.50");
  const auto payment = wix.state().at("payments").at(0);

  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  const auto sale = ledger.recent(1).at(0);
  EXPECT_NE(link.at("title").get<std::string>().find(sale.reference), std::string::npos);
  const auto receipt = read_file(fs::path(wix.dir().file("receipts")) / (sale.reference + ".txt"));
  EXPECT_NE(receipt.find("€12.50"), std::string::npos);
  EXPECT_NE(receipt.find(payment.at("id").get<std::string>()), std::string::npos) << receipt;
  EXPECT_NE(receipt.find(payment.at("receiptId").get<std::string>()), std::string::npos) << receipt;
  EXPECT_NE(receipt.find(link.at("id").get<std::string>()), std::string::npos);
}

TEST_F(WixSaleTest, ACartBecomesOneCustomLineItemPerLineOnTheLink) {
  const auto config = wix.write_config(WixsimTerminal::kApiKey, [](nlohmann::json& c) {
    c["terminal"]["tips"] = nlohmann::json::array({0, 10});
  });
  auto terminal = linkpos({"--config", config, "--keys", "F1 F1 F2 CHARGE wait:tip 2", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  const auto link = only_link();
  const auto items = link.at("ecomPaymentLink").at("lineItems");
  ASSERT_EQ(items.size(), 3u) << link.dump();
  EXPECT_EQ(items[0].at("customItem").at("name"), "Espresso");
  EXPECT_EQ(items[0].at("customItem").at("quantity"), 2);
  EXPECT_EQ(items[0].at("customItem").at("price"), "2.50");
  EXPECT_EQ(items[1].at("customItem").at("name"), "Croissant");
  EXPECT_EQ(items[1].at("customItem").at("quantity"), 1);
  EXPECT_EQ(items[2].at("customItem").at("name"), "Tip");
  EXPECT_EQ(items[2].at("customItem").at("price"), "0.68");
  EXPECT_EQ(wix.pay(link.at("links").at("url").at("url")), 200u);
  EXPECT_EQ(terminal.wait(60s), 0);
  EXPECT_EQ(wix.state().at("payments").at(0).at("amount"), "7.48");
}

TEST_F(WixSaleTest, ACancelledSaleLeavesItsLinkInactive) {
  auto terminal =
      linkpos({"--config", wix.write_config(), "--keys", "5 0 0 CHARGE wait:qr CANCEL", "--once"});
  EXPECT_EQ(terminal.wait(60s), 1);
  EXPECT_EQ(only_link().at("status"), "INACTIVE");
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kCancelled);
  EXPECT_TRUE(ledger.recent(1).at(0).link_closed);
}

TEST_F(WixSaleTest, APaymentRacingACancelIsFound) {
  // Keys come over stdin, so the customer pays after the QR is up and before the CANCEL, with
  // polling too slow to notice first.
  const auto config = wix.write_config(WixsimTerminal::kApiKey, [](nlohmann::json& c) {
    c["terminal"]["poll_interval_ms"] = 60000;
  });
  auto terminal = linkpos({"--config", config, "--once"}, /*keys_on_stdin=*/true);
  terminal.write_stdin("100\r");  // 1.00, CHARGE
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  EXPECT_EQ(wix.pay(only_link().at("links").at("url").at("url")), 200u);
  terminal.write_stdin("x");  // CANCEL
  EXPECT_EQ(terminal.wait(60s), 0) << "the last look finds the payment: the sale completes";
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kCompleted);
}

TEST_F(WixSaleTest, AnExpiredLinkEndsTheSaleCleanly) {
  const auto config = wix.write_config(WixsimTerminal::kApiKey, [](nlohmann::json& c) {
    c["terminal"]["payment_timeout_seconds"] = 10;
    c["terminal"]["link_validity_seconds"] = 10;
  });
  auto terminal = linkpos({"--config", config, "--keys", "5 CHARGE", "--once"});
  EXPECT_EQ(terminal.wait(60s), 2);
  const auto status = only_link().at("status");
  EXPECT_TRUE(status == "EXPIRED" || status == "INACTIVE") << status;
  const auto frames = frames_in(terminal.stderr_lines());
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames.back().screen, "error");
  EXPECT_EQ(frames.back().lines.front(), "No payment received");
}

TEST_F(WixSaleTest, ASecondPaymentOnTheLinkIsKeptForARefund) {
  WixsimTerminal lenient({"--ignore-payments-limit"});
  const auto config = lenient.write_config(
      WixsimTerminal::kApiKey, [](nlohmann::json& c) { c["terminal"]["poll_interval_ms"] = 3000; });
  auto terminal = linkpos({"--config", config, "--keys", "7 CHARGE", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  const auto url =
      lenient.state().at("links").at(0).at("links").at("url").at("url").get<std::string>();
  EXPECT_EQ(lenient.pay(url), 200u);
  EXPECT_EQ(lenient.pay(url), 200u);
  EXPECT_EQ(terminal.wait(60s), 0);
  store::Ledger ledger(lenient.dir().file("ledger.sqlite"));
  // Seen in one poll it is an overpayment, seen after the sale a payment after it: either way
  // the second payment is owed back in full.
  const auto refunds = ledger.refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.refund_thousandths, 70);
  bool logged = false;
  for (const auto& line : terminal.stderr_lines())
    logged = logged || line.find("refund") != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST_F(WixSaleTest, APaymentMadeDuringAnOutageIsSeenWhenWixComesBack) {
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "9 9 CHARGE", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  // Wix stops answering the terminal (the customer's side still works).
  wix.add_faults(
      nlohmann::json::array({{{"route", "query-payments"}, {"fault", "close-before-answer"}},
                             {{"route", "get-link"}, {"fault", "503"}}}));
  ASSERT_TRUE(terminal.wait_for_stderr("Network problem", 60s))
      << "the QR screen says what is happening";
  EXPECT_EQ(wix.pay(only_link().at("links").at("url").at("url")), 200u);
  EXPECT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 10s)) << "still waiting, QR still up";
  wix.clear_faults();
  EXPECT_EQ(terminal.wait(60s), 0) << "the payment is seen once Wix answers again";
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kCompleted);
}

TEST_F(WixSaleTest, AWrongApiKeyIsShownAsRejectedAndLosesNothing) {
  auto terminal =
      linkpos({"--config", wix.write_config("not-the-key"), "--keys", "1 2 5 0 CHARGE", "--once"});
  EXPECT_EQ(terminal.wait(60s), 3);
  const auto frames = frames_in(terminal.stderr_lines());
  const auto error =
      std::find_if(frames.begin(), frames.end(), [](const auto& f) { return f.screen == "error"; });
  ASSERT_NE(error, frames.end());
  bool says_rejected = false;
  for (const auto& line : error->lines)
    says_rejected = says_rejected || line.find("API key rejected") != std::string::npos;
  EXPECT_TRUE(says_rejected);
  for (const auto& line : terminal.stderr_lines())
    EXPECT_EQ(line.find("not-the-key"), std::string::npos) << line;
  EXPECT_TRUE(wix.state().at("links").empty());
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  ASSERT_EQ(ledger.recent(5).size(), 1u) << "the attempt is in the ledger";
  EXPECT_EQ(ledger.recent(1).at(0).end, store::SaleEnd::kFailed);
}

}  // namespace
}  // namespace linkpos::testing
