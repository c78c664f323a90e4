// wix.qr_target "checkout" with real processes and real TLS: the QR code carries the checkout Wix
// starts for the link (Initiate Payment), one page less for the customer; when Wix will not start
// one, the link's own page. Either way the sale keeps its one link and completes once paid. (The
// default target, the link's page, is wix_sale_test's.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "e2e/frame_log.hpp"
#include "e2e/wixsim_terminal.hpp"
#include "store/ledger.hpp"
#include "support/read_file.hpp"
#include "support/zbar.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class WixCheckoutTest : public ::testing::Test {
 protected:
  // The README's run with wix.qr_target "checkout": 12.50 keyed, snapshots kept, one sale.
  ChildProcess sell_with_checkout_target() {
    const auto config = wix.write_config(
        WixsimTerminal::kApiKey, [](nlohmann::json& c) { c["wix"]["qr_target"] = "checkout"; });
    return ChildProcess({LINKPOS_BINARY, "--config", config, "--keys", "1 2 5 0 CHARGE",
                         "--snapshots", snapshots(), "--once"},
                        "", false);
  }

  std::string snapshots() const { return wix.dir().file("S"); }

  // The URL on the first QR frame, read back from its snapshot by zbarimg.
  std::string scan_qr(ChildProcess& terminal) {
    EXPECT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
    const auto frames = frames_in(terminal.stderr_lines());
    const auto qr =
        std::find_if(frames.begin(), frames.end(), [](const auto& f) { return f.screen == "qr"; });
    if (qr == frames.end())
      return "";
    char name[32];
    std::snprintf(name, sizeof name, "frame-%06d.png", qr->number);
    return zbar_decode((fs::path(snapshots()) / name).string()).value_or("");
  }

  nlohmann::json only_link() const {
    const auto links = wix.state().at("links");
    EXPECT_EQ(links.size(), 1u) << links.dump();
    return links.empty() ? nlohmann::json::object() : links.at(0);
  }

  // The one sale: completed on the one link, its receipt printed with the payment on it.
  void expect_completed_on_one_link_with_its_receipt(const std::string& link_id) const {
    store::Ledger ledger(wix.dir().file("ledger.sqlite"));
    const auto sales = ledger.recent(10);
    ASSERT_EQ(sales.size(), 1u);
    const auto& sale = sales.front();
    EXPECT_EQ(sale.end, store::SaleEnd::kCompleted);
    EXPECT_EQ(sale.known_links(), std::vector<std::string>{link_id});
    EXPECT_EQ(sale.receipt_number, 1);
    const auto payments = wix.state().at("payments");
    ASSERT_EQ(payments.size(), 1u) << payments.dump();
    EXPECT_EQ(payments.at(0).at("paymentLinkId"), link_id);
    EXPECT_EQ(payments.at(0).at("amount"), "12.50");
    const auto receipt =
        read_file(fs::path(wix.dir().file("receipts")) / (sale.reference + ".txt"));
    EXPECT_NE(receipt.find("€12.50"), std::string::npos) << receipt;
    EXPECT_NE(receipt.find(payments.at(0).at("id").get<std::string>()), std::string::npos)
        << receipt;
  }

  WixsimTerminal wix;
};

TEST_F(WixCheckoutTest, TheQrCodeIsWixsCheckoutOfTheLinkAndPayingItCompletesTheSale) {
  auto terminal = sell_with_checkout_target();
  const std::string url = scan_qr(terminal);
  ASSERT_EQ(url.rfind(wix.base_url() + "/checkout/", 0), 0u)
      << "the QR code carries the checkout Initiate Payment answered: " << url;

  const auto link = only_link();
  EXPECT_NE(url, link.at("links").at("url").at("url"));
  const auto checkouts = wix.state().at("checkouts");
  ASSERT_EQ(checkouts.size(), 1u) << "one checkout, started for the sale's link";
  EXPECT_EQ(checkouts.at(0).at("checkoutUrl"), url);
  EXPECT_EQ(checkouts.at(0).at("paymentLinkId"), link.at("id"));

  EXPECT_EQ(wix.pay(url), 200u);
  ASSERT_EQ(terminal.wait(60s), 0);
  expect_completed_on_one_link_with_its_receipt(link.at("id"));
}

TEST_F(WixCheckoutTest, WhenWixNeverStartsACheckoutTheQrCodeIsTheLinksOwnPage) {
  // Counted, so the test can tell the terminal did ask (the rule never runs out).
  constexpr int kPlenty = 1000;
  wix.add_faults(nlohmann::json::array(
      {{{"route", "initiate-payment"}, {"fault", "503"}, {"count", kPlenty}}}));
  auto terminal = sell_with_checkout_target();
  const std::string url = scan_qr(terminal);

  const auto link = only_link();
  EXPECT_EQ(url, link.at("links").at("url").at("url")) << "fell back to the link's own URL";
  EXPECT_EQ(url.rfind(wix.base_url() + "/pay/", 0), 0u) << url;
  EXPECT_TRUE(wix.state().at("checkouts").empty());
  const auto faults = https_call(wix.base_url(), WixsimTerminal::ca_file(), net::HttpMethod::kGet,
                                 "/_wixsim/faults");
  ASSERT_TRUE(faults);
  const auto rules = nlohmann::json::parse(faults.value().body).at("faults");
  ASSERT_EQ(rules.size(), 1u) << rules.dump();
  EXPECT_LT(rules.at(0).at("count").get<int>(), kPlenty) << "the terminal asked for a checkout";

  EXPECT_EQ(wix.pay(url), 200u);
  ASSERT_EQ(terminal.wait(60s), 0);
  expect_completed_on_one_link_with_its_receipt(link.at("id"));
}

}  // namespace
}  // namespace linkpos::testing
