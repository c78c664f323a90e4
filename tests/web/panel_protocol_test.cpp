#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "drivers/sim/web/origin_check.hpp"
#include "drivers/sim/web/panel_address.hpp"
#include "drivers/sim/web/panel_protocol.hpp"

namespace linkpos::drivers::sim::web {
namespace {

using hal::Key;

TEST(PanelProtocolTest, KeyMessagesNameTheKeysAsScriptsDo) {
  EXPECT_EQ(parse_page_message(R"({"key": "CHARGE"})").key, Key::kCharge);
  EXPECT_EQ(parse_page_message(R"({"key":"00"})").key, Key::k00);
  EXPECT_EQ(parse_page_message(R"({"key": "F4", "at": 12})").key, Key::kF4);
  EXPECT_EQ(parse_page_message(R"({"key": "7"})").problem, "");
}

TEST(PanelProtocolTest, AnythingElseIsAProblemToLogNotAKey) {
  for (const char* message : {"", "CHARGE", "{\"key\": 5}", "[\"CHARGE\"]", "{\"keys\": \"1\"}",
                              "{\"key\": \"charge\"}", "{\"key\": null}", "{\"key\": \"1\""}) {
    const PageMessage parsed = parse_page_message(message);
    EXPECT_FALSE(parsed.key) << message;
    EXPECT_FALSE(parsed.problem.empty()) << message;
  }
  EXPECT_NE(parse_page_message(R"({"key": "charge"})").problem.find("\"charge\" is not a key"),
            std::string::npos);
  EXPECT_FALSE(parse_page_message(std::string(kMaxPageMessageBytes + 1, ' ')).key);
}

TEST(PanelProtocolTest, ProblemsQuoteTheNetworkOnlyInShortPrintableAscii) {
  const std::string problem =
      parse_page_message("{\"key\": \"\\u001b[2J\\n" + std::string(100, 'A') + "\"}").problem;
  EXPECT_EQ(problem.find('\x1b'), std::string::npos);
  EXPECT_EQ(problem.find('\n'), std::string::npos);
  EXPECT_LT(problem.size(), 80u);
  EXPECT_EQ(log_safe("a\"b\\c"), "\"a?b?c\"");
}

TEST(PanelProtocolTest, FrameTextIsTheFrameLogLine) {
  EXPECT_EQ(frame_text_message({"amount", {"Amount", "12.50"}}),
            R"({"screen":"amount","lines":["Amount","12.50"]})");
}

TEST(PanelProtocolTest, ReceiptsCarryTheirNameAndTextWithBadUtf8Replaced) {
  const auto message = nlohmann::json::parse(receipt_message("T1-01J", "Total  12.50\n\xff\n"));
  EXPECT_EQ(message["receipt"]["name"], "T1-01J");
  EXPECT_EQ(message["receipt"]["text"], "Total  12.50\n\xEF\xBF\xBD\n");
}

TEST(OriginCheckTest, HostsAreIpAddressesOrLocalhost) {
  for (const char* host : {"127.0.0.1:8080", "127.0.0.1", "localhost:5", "LOCALHOST:5",
                           "[::1]:8080", "[::1]", "192.168.1.20:8080"}) {
    EXPECT_TRUE(host_allowed(host)) << host;
  }
  // Names resolved through DNS could be a rebinding attacker's; the rest is malformed.
  for (const char* host :
       {"", "evil.example:8080", "localhost.evil.example", "127.0.0.1:", "127.0.0.1:99999",
        "127.0.0.1:80x", "::1", "[127.0.0.1]", "[::1", "[::1]x", "127.0.0.1:80:80"}) {
    EXPECT_FALSE(host_allowed(host)) << host;
  }
}

TEST(OriginCheckTest, OnlyThePagesOwnOriginOrNoBrowserMayOpenTheWebSocket) {
  EXPECT_TRUE(origin_allowed("127.0.0.1:8080", "http://127.0.0.1:8080"));
  EXPECT_TRUE(origin_allowed("localhost:8080", "http://LocalHost:8080"));
  EXPECT_TRUE(origin_allowed("127.0.0.1:8080", std::nullopt));
  EXPECT_FALSE(origin_allowed("127.0.0.1:8080", "http://evil.example"));
  EXPECT_FALSE(origin_allowed("127.0.0.1:8080", "http://127.0.0.1:9090"));
  EXPECT_FALSE(origin_allowed("127.0.0.1:8080", "https://127.0.0.1:8080"));
  EXPECT_FALSE(origin_allowed("127.0.0.1:8080", "null"));
  EXPECT_FALSE(origin_allowed("127.0.0.1:8080", ""));
  EXPECT_FALSE(origin_allowed("", "http://"));
}

TEST(PanelAddressTest, LoopbackIsTheOnlyPrivateAddress) {
  EXPECT_TRUE(is_loopback_address("127.0.0.1"));
  EXPECT_TRUE(is_loopback_address("127.1.2.3"));
  EXPECT_TRUE(is_loopback_address("::1"));
  EXPECT_FALSE(is_loopback_address("0.0.0.0"));
  EXPECT_FALSE(is_loopback_address("::"));
  EXPECT_FALSE(is_loopback_address("192.168.1.20"));
  EXPECT_FALSE(is_loopback_address("localhost"));  // a name, not an address
}

TEST(PanelAddressTest, OnlyAddressesAndLocalhostAreBound) {
  EXPECT_EQ(bindable_address("localhost"), "127.0.0.1");
  EXPECT_EQ(bindable_address("::1"), "::1");
  EXPECT_EQ(bindable_address("10.0.0.7"), "10.0.0.7");
  EXPECT_FALSE(bindable_address("pos.example"));
  EXPECT_FALSE(bindable_address(""));
}

TEST(PanelAddressTest, TheUrlIsOneABrowserOnThisMachineOpens) {
  EXPECT_EQ(panel_url("127.0.0.1", 8080), "http://127.0.0.1:8080/");
  EXPECT_EQ(panel_url("::1", 8080), "http://[::1]:8080/");
  EXPECT_EQ(panel_url("0.0.0.0", 8080), "http://127.0.0.1:8080/");
  EXPECT_EQ(panel_url("::", 8080), "http://[::1]:8080/");
  EXPECT_EQ(panel_url("192.168.1.20", 80), "http://192.168.1.20:80/");
}

}  // namespace
}  // namespace linkpos::drivers::sim::web
