// A whole sale driven through the browser panel's WebSocket: the real linkpos binary with
// --panel, wixsim as Wix over TLS, the test as both the cashier's browser and the customer.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "e2e/wixsim_terminal.hpp"
#include "support/run_until.hpp"
#include "web/panel_client.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

bool shows_screen(const PanelClient& panel, const std::string& screen) {
  for (const auto& text : panel.texts()) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_object() && json.value("screen", "") == screen)
      return true;
  }
  return false;
}

std::optional<std::string> receipt_text(const PanelClient& panel) {
  for (const auto& text : panel.texts()) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_object() && json.contains("receipt"))
      return json["receipt"].value("text", "");
  }
  return std::nullopt;
}

TEST(PanelSaleTest, ACashierSellsThroughTheBrowserPanelAndSeesTheReceipt) {
  WixsimTerminal wix;
  ChildProcess terminal({LINKPOS_BINARY, "--config", wix.write_config(), "--panel", "0", "--once"});
  std::string url;
  while (auto line = terminal.next_stderr_line(30s)) {
    const auto at = line->find("browser panel at ");
    if (at != std::string::npos) {
      url = line->substr(at + 17);
      break;
    }
  }
  ASSERT_FALSE(url.empty()) << "the panel's address is logged";
  const auto port = static_cast<unsigned short>(std::stoi(url.substr(url.rfind(':') + 1)));

  boost::asio::io_context io;
  PanelClient panel(io, port);
  ASSERT_TRUE(run_until(
      io, [&] { return shows_screen(panel, "idle"); }, 10s))
      << "a new page gets the screen";
  for (const char* key : {"1", "2", "5", "0", "CHARGE"})
    panel.send_text(nlohmann::json{{"key", key}}.dump());
  ASSERT_TRUE(run_until(
      io, [&] { return shows_screen(panel, "qr"); }, 30s));

  const auto link = wix.state().at("links").at(0);
  EXPECT_EQ(wix.pay(link.at("links").at("url").at("url")), 200u);
  ASSERT_TRUE(run_until(
      io, [&] { return receipt_text(panel).has_value(); }, 30s))
      << "the receipt reaches the page";
  EXPECT_NE(receipt_text(panel)->find("€12.50"), std::string::npos);
  EXPECT_EQ(terminal.wait(30s), 0);
}

}  // namespace
}  // namespace linkpos::testing
