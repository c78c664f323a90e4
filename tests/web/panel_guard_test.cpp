// What keeps the browser panel from being a PIN-guessing machine: at most 10 key presses a second
// per page, and beyond loopback a token made at each start that only the log shows.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "drivers/sim/web/browser_panel.hpp"
#include "drivers/sim/web/key_rate_limit.hpp"
#include "drivers/sim/web/panel_token.hpp"
#include "support/run_until.hpp"
#include "web/panel_client.hpp"

namespace linkpos::drivers::sim::web {
namespace {

using namespace std::chrono_literals;
using hal::Key;
using linkpos::testing::http_get;
using linkpos::testing::PanelClient;
using linkpos::testing::run_until;

constexpr const char* kKeyOne = R"({"key": "1"})";

// A panel on loopback whose key presses are counted by the test's clock. The clock also counts
// how often the panel looked at it: once per page opened and once per message read, which tells
// the test when the panel has read everything sent.
class PanelRateLimitTest : public ::testing::Test {
 protected:
  PanelRateLimitTest() {
    panel.start([this](Key key) { pressed.push_back(key); });
  }

  PanelSettings settings() {
    PanelSettings s{"127.0.0.1", 0};
    s.now = [this] {
      ++looks;
      return now;
    };
    return s;
  }

  // Sends `count` presses of 1 and waits until the panel has read them all.
  void burst(PanelClient& client, int count) {
    const int before = looks;
    for (int i = 0; i < count; ++i)
      client.send_text(kKeyOne);
    ASSERT_TRUE(run_until(io, [&] { return looks == before + count; }));
  }

  boost::asio::io_context io;
  std::chrono::steady_clock::time_point now{std::chrono::hours(1)};
  int looks = 0;
  std::ostringstream log;
  BrowserPanel panel{io, settings(), log};
  std::vector<Key> pressed;
};

TEST_F(PanelRateLimitTest, ABurstOfFiftyPressesGetsTenThroughInItsSecond) {
  PanelClient client(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  burst(client, 50);
  EXPECT_EQ(pressed.size(), 10u);
  EXPECT_TRUE(client.open()) << "the page stays connected; only the extra presses are dropped";
  EXPECT_NE(log.str().find("over 10 key presses a second"), std::string::npos) << log.str();

  now += 500ms;
  burst(client, 50);
  EXPECT_EQ(pressed.size(), 15u) << "half a second later, five more";
  now += 10s;
  burst(client, 50);
  EXPECT_EQ(pressed.size(), 25u) << "a long pause saves up no more than ten";
  const auto lines = log.str();
  EXPECT_EQ(lines.find("over 10 key presses"), lines.rfind("over 10 key presses"))
      << "logged once per page, not once per press";
}

TEST_F(PanelRateLimitTest, SomeoneTypingFiveKeysASecondLosesNone) {
  PanelClient client(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  for (std::size_t i = 1; i <= 40; ++i) {
    client.send_text(kKeyOne);
    ASSERT_TRUE(run_until(io, [&] { return pressed.size() == i; })) << "press " << i;
    now += 200ms;
  }
  EXPECT_EQ(log.str().find("dropped"), std::string::npos);
}

TEST_F(PanelRateLimitTest, EachPageHasItsOwnAllowance) {
  PanelClient first(io, panel.port());
  PanelClient second(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return first.open() && second.open(); }));
  burst(first, 20);
  ASSERT_EQ(pressed.size(), 10u);
  burst(second, 20);
  EXPECT_EQ(pressed.size(), 20u);
}

TEST(KeyRateLimitTest, RefillsAtTenASecondUpToTen) {
  auto now = std::chrono::steady_clock::time_point{};
  KeyRateLimit limit([&] { return now; });
  int allowed = 0;
  for (int i = 0; i < 50; ++i)
    allowed += limit.allow() ? 1 : 0;
  EXPECT_EQ(allowed, 10);
  now += 100ms;
  EXPECT_TRUE(limit.allow());
  EXPECT_FALSE(limit.allow());
}

// A panel bound to every address: reachable from the network, so its URL carries a token.
class PanelTokenTest : public ::testing::Test {
 protected:
  PanelTokenTest() {
    panel.start([this](Key key) { pressed.push_back(key); });
  }

  std::string token() const {
    const std::string url = panel.url();
    const auto at = url.find("?token=");
    return at == std::string::npos ? std::string() : url.substr(at + 7);
  }

  boost::asio::io_context io;
  std::ostringstream log;
  BrowserPanel panel{io, PanelSettings{"0.0.0.0", 0}, log};
  std::vector<Key> pressed;
};

TEST_F(PanelTokenTest, ItsUrlCarriesARandomTokenLoggedOnceAtStart) {
  ASSERT_EQ(token().size(), 32u) << panel.url();
  EXPECT_EQ(token().find_first_not_of("0123456789abcdef"), std::string::npos);
  const std::string logged = "linkpos: browser panel at " + panel.url() + "\n";
  EXPECT_EQ(log.str().find(logged), 0u) << log.str();
  EXPECT_EQ(log.str().find(token()), log.str().rfind(token())) << "printed once";
  std::ostringstream other_log;
  BrowserPanel other(io, PanelSettings{"0.0.0.0", 0}, other_log);
  EXPECT_NE(other.url().substr(other.url().find("?token=")), "?token=" + token())
      << "each start makes a new one";
}

TEST_F(PanelTokenTest, ThePageWithoutTheTokenIs403AndWithItIs200) {
  const auto without = http_get(io, panel.port(), "/");
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(without.body.find("<html"), std::string::npos);
  std::string wrong = token();
  wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(http_get(io, panel.port(), "/?token=" + wrong).status, 403);
  EXPECT_EQ(http_get(io, panel.port(), "/?token=").status, 403);
  const auto with = http_get(io, panel.port(), "/?token=" + token());
  EXPECT_EQ(with.status, 200);
  EXPECT_NE(with.body.find("<html"), std::string::npos);
  EXPECT_EQ(http_get(io, panel.port(), "/anything").status, 403) << "nothing is told without it";
}

TEST_F(PanelTokenTest, TheWebSocketWithoutTheTokenIs403AndWithItPressesKeys) {
  PanelClient without(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return without.failed() || without.open(); }));
  EXPECT_EQ(without.refusal_status(), 403);
  PanelClient with(io, panel.port(), std::nullopt, std::nullopt, "/ws?token=" + token());
  ASSERT_TRUE(run_until(io, [&] { return with.failed() || with.open(); }));
  ASSERT_TRUE(with.open());
  with.send_text(R"({"key": "CANCEL"})");
  ASSERT_TRUE(run_until(io, [&] { return !pressed.empty(); }));
  EXPECT_EQ(pressed, std::vector<Key>{Key::kCancel});
}

TEST(PanelTokenLoopbackTest, OnLoopbackThereIsNoToken) {
  boost::asio::io_context io;
  std::ostringstream log;
  BrowserPanel panel(io, PanelSettings{"127.0.0.1", 0}, log);
  EXPECT_EQ(panel.url().find("token"), std::string::npos);
  EXPECT_EQ(http_get(io, panel.port(), "/").status, 200);
}

TEST(PanelTokenPiecesTest, TheQueryValueIsFoundAmongOthers) {
  EXPECT_EQ(query_value("/ws?token=ab12", "token"), "ab12");
  EXPECT_EQ(query_value("/?x=1&token=ab12&y=2", "token"), "ab12");
  EXPECT_EQ(query_value("/?tokens=ab12", "token"), "");
  EXPECT_EQ(query_value("/token=ab12", "token"), "");
  EXPECT_TRUE(same_token("ab12", "ab12"));
  EXPECT_FALSE(same_token("ab12", "ab13"));
  EXPECT_FALSE(same_token("ab12", "ab1"));
}

}  // namespace
}  // namespace linkpos::drivers::sim::web
