// The terminal's Wix client (PaymentLinksClient over net::HttpClient) against a hostile wixsim:
// one test per fault, over plain HTTP and over TLS. What each proves is what the client does,
// and wixsim's fault counts show how often it asked.
#include <gtest/gtest.h>

#include <optional>

#include "faults/hostile_wixsim.hpp"
#include "wixsim/link_requests.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using Elapsed = std::chrono::steady_clock::duration;

class PaymentLinksFaultsTest : public ::testing::TestWithParam<Transport> {
 protected:
  // One call of the client, driven to its answer; how long it took goes to `elapsed`.
  template <class T>
  wix::WixResult<T> call(const std::function<void(std::function<void(wix::WixResult<T>)>)>& start,
                         Elapsed* elapsed = nullptr) {
    std::optional<wix::WixResult<T>> result;
    const auto began = std::chrono::steady_clock::now();
    start([&](wix::WixResult<T> answer) { result = std::move(answer); });
    if (!wixsim.run_until([&] { return result.has_value(); })) {
      ADD_FAILURE() << "the client never answered";
      return wix::WixError{};
    }
    if (elapsed)
      *elapsed = std::chrono::steady_clock::now() - began;
    return std::move(*result);
  }

  wix::WixResult<std::string> get_settings(Elapsed* elapsed = nullptr) {
    return call<std::string>([&](auto done) { wixsim.client().get_settings(done); }, elapsed);
  }

  wix::WixResult<wix::PaymentLinkInfo> create_link(Elapsed* elapsed = nullptr) {
    wix::CreateLinkRequest request;
    request.title = "Sale T1-FAULTS";
    request.currency = "EUR";
    request.lines = {{"Amount", 1, "12.50"}};
    request.expires_at = wixsim.clock().now() + 15min;
    return call<wix::PaymentLinkInfo>(
        [&](auto done) { wixsim.client().create_link(request, done); }, elapsed);
  }

  // How many requests the fault rule at `index` applied to.
  int applied(std::size_t index = 0) { return wixsim.faults().at(index).value("applied", -1); }

  HostileWixsim wixsim{GetParam()};
};

TEST_P(PaymentLinksFaultsTest, LatencyBelowTheTimeoutOnlyMakesTheAnswerLate) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "latency"}, {"latency_ms", 400}});
  Elapsed elapsed{};
  const auto settings = get_settings(&elapsed);
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_GE(elapsed, 400ms);
  EXPECT_EQ(applied(), 1) << "answered the first time";
}

TEST_P(PaymentLinksFaultsTest, A503OnceIsRetriedAndTheRetrySucceeds) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "503"}, {"count", 1}});
  const auto settings = get_settings();
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(applied(), 1);
  // wixsim's log: the refusal, then the retry answered.
  EXPECT_TRUE(wixsim.process().wait_for_stderr(
      "GET /payment-links/v1/payment-links-settings 503 (get-settings) [fault: 503]", 10s));
  EXPECT_TRUE(wixsim.process().wait_for_stderr(
      "GET /payment-links/v1/payment-links-settings 200 (get-settings)", 10s));
}

TEST_P(PaymentLinksFaultsTest, A503ForEverIsAServerErrorOnceTheAttemptsAreSpent) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "503"}});
  const auto settings = get_settings();
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, wix::WixErrorKind::kServerError);
  EXPECT_EQ(settings.error().http_status, 503u);
  EXPECT_EQ(applied(), HostileWixsim::kQuickRetries.attempts);
}

TEST_P(PaymentLinksFaultsTest, WaitsBetweenAttemptsDoubleUpToTheLongestEachJitteredDownToHalf) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "503"}});
  wixsim.connect(wixsim.client_settings(), {5, 40ms, 100ms});
  ASSERT_FALSE(get_settings());
  const auto& waits = wixsim.waits();
  ASSERT_EQ(waits.size(), 4u) << "a wait before each attempt after the first";
  // The back-off is 40, 80, 100 (the longest), 100 ms; each wait lies between half and all of it.
  const std::chrono::milliseconds ceilings[] = {40ms, 80ms, 100ms, 100ms};
  for (std::size_t i = 0; i < waits.size(); ++i) {
    EXPECT_GE(waits[i], ceilings[i] / 2) << "wait " << i;
    EXPECT_LE(waits[i], ceilings[i]) << "wait " << i;
  }
  EXPECT_EQ(applied(), 5);
}

TEST_P(PaymentLinksFaultsTest, A429IsRetriedNoSoonerThanItsRetryAfterEvenForACreate) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", "429"}, {"retry_after", 1}, {"count", 1}});
  Elapsed elapsed{};
  const auto link = create_link(&elapsed);
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_GE(elapsed, 1s) << "Retry-After: 1 is honoured";
  EXPECT_EQ(applied(), 1);
  EXPECT_EQ(wixsim.links().size(), 1u) << "a 429 is refused unprocessed: one link";
}

TEST_P(PaymentLinksFaultsTest, ARetryAfterGivenAsAnHttpDateIsHonouredByWixsClock) {
  // The date is Wix's clock plus two seconds, read against the answer's own Date header.
  wixsim.add_faults({{"route", "get-settings"},
                     {"fault", "503"},
                     {"retry_after", 2},
                     {"retry_after_form", "date"},
                     {"count", 1}});
  Elapsed elapsed{};
  const auto settings = get_settings(&elapsed);
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_GE(elapsed, 1s) << "the date is in the future: wait";
  EXPECT_EQ(applied(), 1);
}

TEST_P(PaymentLinksFaultsTest, AQueryWhoseConnectionClosedBeforeTheAnswerIsRetried) {
  const auto link = create_link();
  ASSERT_TRUE(link) << link.error().message;
  // Twice: the kept-alive connection's own retry fails too, so the client's back-off retries.
  wixsim.add_faults({{"route", "query-payments"}, {"fault", "close-before-answer"}, {"count", 2}});
  const auto payments = call<std::vector<wix::LinkPayment>>(
      [&](auto done) { wixsim.client().all_payments(link.value().id, done); });
  ASSERT_TRUE(payments) << payments.error().message;
  EXPECT_TRUE(payments.value().empty());
  EXPECT_EQ(applied(), 2);
}

TEST_P(PaymentLinksFaultsTest, ACreateClosedBeforeTheAnswerMayHaveBeenSentAndIsNotRepeated) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", "close-before-answer"}});
  const auto link = create_link();
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().kind, wix::WixErrorKind::kNetwork);
  EXPECT_EQ(link.error().net_failure, net::NetFailure::kConnectionClosed);
  EXPECT_TRUE(link.error().may_have_been_sent);
  EXPECT_EQ(applied(), 1) << "a create that may have been made is never sent again";
  EXPECT_EQ(wixsim.links().size(), 0u) << "closed before the route ran";
}

TEST_P(PaymentLinksFaultsTest, ACreateCommittedThenDroppedMayHaveBeenSentAndTheLinkExists) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", "commit-then-drop"}});
  const auto link = create_link();
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().kind, wix::WixErrorKind::kNetwork);
  EXPECT_TRUE(link.error().may_have_been_sent);
  EXPECT_EQ(applied(), 1);
  EXPECT_EQ(wixsim.links().size(), 1u) << "the route ran before the connection was dropped";
}

TEST_P(PaymentLinksFaultsTest, AMalformedJsonAnswerIsABadReply) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "malformed-json"}});
  const auto settings = get_settings();
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, wix::WixErrorKind::kBadReply);
  EXPECT_EQ(applied(), 1) << "a 200 is an answer: not retried";
}

TEST_P(PaymentLinksFaultsTest, ATruncatedBodyIsAClosedConnectionAfterTheRetries) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "truncated-body"}});
  const auto settings = get_settings();
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, wix::WixErrorKind::kNetwork);
  EXPECT_EQ(settings.error().net_failure, net::NetFailure::kConnectionClosed);
  EXPECT_NE(settings.error().message.find("before a complete answer"), std::string::npos)
      << settings.error().message;
  EXPECT_EQ(applied(), HostileWixsim::kQuickRetries.attempts);
}

TEST_P(PaymentLinksFaultsTest, AResetMidBodyIsAClosedConnection) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "reset-mid-body"}, {"count", 1}});
  wixsim.connect(wixsim.client_settings(), {1, 20ms, 20ms});
  const auto settings = get_settings();
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, wix::WixErrorKind::kNetwork);
  EXPECT_EQ(settings.error().net_failure, net::NetFailure::kConnectionClosed)
      << settings.error().message;
  EXPECT_TRUE(get_settings()) << "and the next call, on a new connection, works";
}

TEST_P(PaymentLinksFaultsTest, AnEndlessBodyStopsAtTheSizeLimitAndIsNotRetried) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "endless-body"}});
  auto settings = wixsim.client_settings();
  settings.max_body_bytes = 64 * 1024;
  wixsim.connect(settings);
  Elapsed elapsed{};
  const auto answer = get_settings(&elapsed);
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().net_failure, net::NetFailure::kResponseTooLarge)
      << answer.error().message;
  EXPECT_LT(elapsed, settings.request_timeout) << "the limit, not the timeout, ended it";
  EXPECT_EQ(applied(), 1);
}

TEST_P(PaymentLinksFaultsTest, ATricklingEndlessBodyTimesOut) {
  wixsim.add_faults({{"route", "get-settings"}, {"fault", "endless-body"}, {"interval_ms", 100}});
  auto settings = wixsim.client_settings();
  settings.request_timeout = 600ms;
  wixsim.connect(settings, {1, 20ms, 20ms});
  Elapsed elapsed{};
  const auto answer = get_settings(&elapsed);
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().net_failure, net::NetFailure::kTimeout) << answer.error().message;
  EXPECT_GE(elapsed, 600ms);
  EXPECT_LT(elapsed, 5s);
}

INSTANTIATE_TEST_SUITE_P(OverPlainHttpAndTls, PaymentLinksFaultsTest,
                         ::testing::Values(Transport::kPlain, Transport::kTls),
                         [](const ::testing::TestParamInfo<Transport>& tested) {
                           return transport_name(tested.param);
                         });

}  // namespace
}  // namespace linkpos::testing
