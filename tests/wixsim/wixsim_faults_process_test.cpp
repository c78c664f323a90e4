// Faults in the real wixsim binary, set by flags and through /_wixsim/faults while it runs, as
// the bytes on the socket show them.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/time.h>

#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "wixsim/link_requests.hpp"
#include "wixsim/wixsim_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using boost::asio::ip::tcp;
using nlohmann::json;

constexpr const char* kLinks = "/payment-links/v1/payment-links";
constexpr const char* kSettings = "/payment-links/v1/payment-links-settings";
constexpr const char* kFaults = "/_wixsim/faults";

// An API request's bytes, with the key and site.
std::string api_request(const std::string& method, const std::string& target,
                        const std::string& body = "") {
  return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + kApiKey +
         "\r\nwix-site-id: " + kSiteId +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

// Whatever came back on a connection and how reading it ended: eof, connection_reset, or no
// error when `max_bytes` arrived first. A socket timeout fails the test rather than hang it.
struct RawAnswer {
  std::string bytes;
  boost::system::error_code end;
};

class RawConnection {
 public:
  explicit RawConnection(const std::string& base_url) {
    const auto port = base_url.substr(base_url.rfind(':') + 1);
    boost::asio::connect(socket_, tcp::resolver(io_).resolve("127.0.0.1", port));
    const timeval timeout{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  void send(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }

  RawAnswer receive(std::size_t max_bytes = 1 << 20) {
    RawAnswer answer;
    char block[4096];
    while (answer.bytes.size() < max_bytes) {
      const std::size_t got = socket_.read_some(boost::asio::buffer(block), answer.end);
      answer.bytes.append(block, got);
      if (answer.end)
        break;
    }
    EXPECT_NE(answer.end, boost::asio::error::would_block) << "wixsim went silent";
    EXPECT_NE(answer.end, boost::asio::error::try_again) << "wixsim went silent";
    return answer;
  }

 private:
  boost::asio::io_context io_;
  tcp::socket socket_{io_};
};

RawAnswer answer_to(const WixsimProcess& wixsim, const std::string& request) {
  RawConnection connection(wixsim.base_url());
  connection.send(request);
  return connection.receive();
}

std::string header(const HttpReply& reply, const std::string& name) {
  for (const auto& [field, value] : reply.headers) {
    if (field == name)
      return value;
  }
  return "";
}

json links_in(const WixsimProcess& wixsim) {
  return wixsim.get("/_wixsim/state").json()["links"];
}

HttpReply set_faults(const WixsimProcess& wixsim, const json& rules) {
  return http_call(wixsim.base_url(), "POST", kFaults, rules.dump(),
                   {{"Content-Type", "application/json"}});
}

TEST(WixsimFaultsTest, TheControlEndpointSetsCountsDownAndClearsFaultsWhileWixsimRuns) {
  WixsimProcess wixsim({"--plain"});
  EXPECT_EQ(wixsim.api("GET", kSettings).status, 200);
  const auto added =
      set_faults(wixsim, {{{"route", "get-settings"}, {"fault", "503"}, {"count", 1}}});
  ASSERT_EQ(added.status, 200) << added.body;

  const auto refused = wixsim.api("GET", kSettings);
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.body, "");
  EXPECT_EQ(wixsim.api("GET", kSettings).status, 200) << "count 1: once only";
  EXPECT_EQ(wixsim.get(kFaults).json(),
            json::parse(R"({"faults": [{"route": "get-settings", "fault": "503", "count": 0,
                                        "applied": 1}]})"));

  ASSERT_EQ(set_faults(wixsim, {{"route", "*"}, {"fault", "close-before-answer"}}).status, 200);
  EXPECT_EQ(wixsim.api("GET", kSettings).status, 0) << "no answer at all";
  EXPECT_EQ(wixsim.get("/_wixsim/state").status, 200) << "the harness is never faulted";
  EXPECT_EQ(http_call(wixsim.base_url(), "DELETE", kFaults).json()["faults"], json::array());
  EXPECT_EQ(wixsim.api("GET", kSettings).status, 200);

  ASSERT_TRUE(wixsim.process().wait_for_stderr(
      "GET /payment-links/v1/payment-links-settings - (get-settings) "
      "[fault: close-before-answer]",
      10s));
  const auto& log = wixsim.process().stderr_lines();
  EXPECT_NE(std::find(log.begin(), log.end(),
                      "wixsim: GET /payment-links/v1/payment-links-settings 503 (get-settings) "
                      "[fault: 503]"),
            log.end());
}

TEST(WixsimFaultsTest, AnUnusableRuleIsRefusedWith400AndChangesNothing) {
  WixsimProcess wixsim({"--plain"});
  const auto refused = set_faults(wixsim, {{"route", "create-links"}, {"fault", "503"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["details"]["applicationError"]["code"], "INVALID_FAULT");
  EXPECT_EQ(wixsim.get(kFaults).json()["faults"], json::array());
}

TEST(WixsimFaultsTest, FaultFlagsApplyFromTheStart) {
  WixsimProcess wixsim(
      {"--plain", "--fault", "get-settings:429:1:retry_after=3", "--fault", "get-link:500"});
  const auto busy = wixsim.api("GET", kSettings);
  EXPECT_EQ(busy.status, 429);
  EXPECT_EQ(header(busy, "Retry-After"), "3");
  EXPECT_EQ(wixsim.api("GET", kSettings).status, 200);
  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/any").status, 500);
  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/any").status, 500) << "no count: for ever";
}

TEST(WixsimFaultsTest, AnUnusableFaultFlagIsAUsageError) {
  ChildProcess wixsim({WIXSIM_BINARY, "--listen", "127.0.0.1:0", "--api-key", "k", "--site-id", "s",
                       "--plain", "--fault", "create-link:504"});
  EXPECT_EQ(wixsim.wait(10s), 64);
  bool explained = false;
  for (const auto& line : wixsim.stderr_lines())
    explained = explained || line.find("--fault create-link:504") != std::string::npos;
  EXPECT_TRUE(explained);
}

TEST(WixsimFaultsTest, CloseBeforeAnswerReadsTheCreateAndClosesWithoutMakingTheLink) {
  WixsimProcess wixsim({"--plain", "--fault", "create-link:close-before-answer:1"});
  const auto answer = answer_to(wixsim, api_request("POST", kLinks, custom_link_request().dump()));
  EXPECT_EQ(answer.bytes, "");
  EXPECT_EQ(answer.end, boost::asio::error::eof);
  EXPECT_EQ(links_in(wixsim).size(), 0u);
}

TEST(WixsimFaultsTest, CommitThenDropMakesTheLinkThenClosesWithoutAnswer) {
  WixsimProcess wixsim({"--plain", "--fault", "create-link:commit-then-drop:1"});
  const auto answer = answer_to(wixsim, api_request("POST", kLinks, custom_link_request().dump()));
  EXPECT_EQ(answer.bytes, "");
  EXPECT_EQ(answer.end, boost::asio::error::eof);
  EXPECT_EQ(links_in(wixsim).size(), 1u);
}

// The Content-Length of a raw answer, and how many body bytes came after its head.
std::pair<std::size_t, std::size_t> promised_and_sent(const std::string& bytes) {
  const auto head_end = bytes.find("\r\n\r\n");
  const auto length_at = bytes.find("Content-Length: ");
  if (head_end == std::string::npos || length_at == std::string::npos || length_at > head_end)
    return {0, 0};
  return {std::stoul(bytes.substr(length_at + 16)), bytes.size() - head_end - 4};
}

TEST(WixsimFaultsTest, TruncatedBodyPromisesTheWholeBodySendsHalfThenCloses) {
  WixsimProcess wixsim({"--plain", "--fault", "create-link:truncated-body"});
  const auto answer = answer_to(wixsim, api_request("POST", kLinks, custom_link_request().dump()));
  EXPECT_EQ(answer.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.bytes;
  const auto [promised, sent] = promised_and_sent(answer.bytes);
  EXPECT_GT(promised, 100u);
  EXPECT_EQ(sent, promised / 2);
  EXPECT_EQ(answer.end, boost::asio::error::eof) << "a plain close: FIN";
  EXPECT_EQ(links_in(wixsim).size(), 1u) << "the route ran";
}

TEST(WixsimFaultsTest, ResetMidBodySendsHalfTheBodyThenResetsTheConnection) {
  WixsimProcess wixsim({"--plain", "--fault", "get-settings:reset-mid-body"});
  const auto answer = answer_to(wixsim, api_request("GET", kSettings));
  EXPECT_EQ(answer.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.bytes;
  const auto [promised, sent] = promised_and_sent(answer.bytes);
  EXPECT_GT(promised, 0u);
  EXPECT_EQ(sent, promised / 2);
  EXPECT_EQ(answer.end, boost::asio::error::connection_reset) << "SO_LINGER 0: RST";
}

TEST(WixsimFaultsTest, MalformedJsonIsAWhole200WhoseBodyIsNotJson) {
  WixsimProcess wixsim({"--plain", "--fault", "create-link:malformed-json:1"});
  const auto reply = wixsim.api("POST", kLinks, custom_link_request().dump());
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_FALSE(reply.body.empty());
  EXPECT_TRUE(reply.json().is_discarded()) << reply.body;
  EXPECT_EQ(links_in(wixsim).size(), 1u) << "the route ran";
}

TEST(WixsimFaultsTest, AnEndlessBodyKeepsComingChunkedAsLongAsTheClientReads) {
  WixsimProcess wixsim({"--plain", "--fault", "query-payments:endless-body"});
  RawConnection connection(wixsim.base_url());
  connection.send(api_request("POST", "/payment-links/v1/payment-link-payments/query", "{}"));
  const std::size_t enough = 4 << 20;
  const auto answer = connection.receive(enough);
  EXPECT_FALSE(answer.end) << answer.end.message();
  EXPECT_GE(answer.bytes.size(), enough);
  const auto head = answer.bytes.substr(0, answer.bytes.find("\r\n\r\n"));
  EXPECT_NE(head.find("Transfer-Encoding: chunked"), std::string::npos) << head;
  EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
}

TEST(WixsimFaultsTest, LatencyDelaysItsOwnRequestWhileOtherConnectionsAreServed) {
  WixsimProcess wixsim({"--plain"});
  ASSERT_EQ(
      set_faults(
          wixsim,
          {{"route", "get-settings"}, {"fault", "latency"}, {"latency_ms", 600}, {"count", 1}})
          .status,
      200);
  const auto start = std::chrono::steady_clock::now();
  RawConnection slow(wixsim.base_url());
  slow.send(api_request("GET", kSettings));

  EXPECT_EQ(wixsim.get("/_wixsim/state").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 600ms) << "one slow request holds no other";

  const auto answer = slow.receive(1);
  EXPECT_EQ(answer.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.bytes;
  EXPECT_GE(std::chrono::steady_clock::now() - start, 600ms);
}

}  // namespace
}  // namespace linkpos::testing
