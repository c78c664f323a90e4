// How each failed Wix call reaches the sale: the failure the screen explains, and whether the
// request may have taken effect.
#include "wix/backend_error.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>

namespace linkpos::wix {
namespace {

using app::BackendFailure;
using net::NetFailure;
using namespace std::chrono_literals;
using TimePoint = std::chrono::system_clock::time_point;

const TimePoint kBuildTime = TimePoint(std::chrono::hours(24 * 20'000));
const TimePoint kClockAfterBuild = kBuildTime + 24h * 30;
const TimePoint kClockBeforeBuild = kBuildTime - 24h * 365 * 20;

WixError network(NetFailure failure, bool may_have_been_sent = false) {
  WixError error;
  error.kind = WixErrorKind::kNetwork;
  error.net_failure = failure;
  error.message = "network: " + std::string(net::to_string(failure));
  error.may_have_been_sent = may_have_been_sent;
  return error;
}

WixError answered(unsigned status) {
  return error_from_response(status, "", "", kClockAfterBuild);
}

WixError bad_reply() {
  WixError error;
  error.kind = WixErrorKind::kBadReply;
  error.http_status = 200;
  error.message = "unexpected reply from Wix";
  return error;
}

BackendFailure failure_of(const WixError& error, TimePoint now = kClockAfterBuild) {
  return to_backend_error(error, now, kBuildTime).failure;
}

TEST(BackendErrorTest, ACertificateDateFailureIsTheClockWhenTheClockIsBeforeTheBuild) {
  for (const NetFailure date :
       {NetFailure::kTlsCertificateExpired, NetFailure::kTlsCertificateNotYetValid}) {
    SCOPED_TRACE(net::to_string(date));
    EXPECT_EQ(failure_of(network(date), kClockBeforeBuild), BackendFailure::kClockWrong);
    EXPECT_EQ(failure_of(network(date), kClockAfterBuild), BackendFailure::kSecurity);
  }
}

TEST(BackendErrorTest, AnUntrustedOrMisnamedCertificateIsASecurityFailureWhateverTheClock) {
  for (const NetFailure failure : {NetFailure::kTlsUntrustedChain, NetFailure::kTlsHostnameMismatch,
                                   NetFailure::kTlsFailed, NetFailure::kBadSettings}) {
    SCOPED_TRACE(net::to_string(failure));
    EXPECT_EQ(failure_of(network(failure), kClockBeforeBuild), BackendFailure::kSecurity);
    EXPECT_EQ(failure_of(network(failure), kClockAfterBuild), BackendFailure::kSecurity);
  }
}

TEST(BackendErrorTest, AnAnswerThatIsNotUsableHttpIsABadReply) {
  EXPECT_EQ(failure_of(network(NetFailure::kBadResponse)), BackendFailure::kBadReply);
  EXPECT_EQ(failure_of(network(NetFailure::kResponseTooLarge)), BackendFailure::kBadReply);
}

TEST(BackendErrorTest, EveryOtherNetworkFailureIsUnreachable) {
  for (const NetFailure failure :
       {NetFailure::kDnsFailed, NetFailure::kConnectionRefused, NetFailure::kConnectFailed,
        NetFailure::kTlsHandshakeTimeout, NetFailure::kTimeout, NetFailure::kConnectionClosed}) {
    SCOPED_TRACE(net::to_string(failure));
    EXPECT_EQ(failure_of(network(failure)), BackendFailure::kUnreachable);
  }
  WixError unnamed;
  unnamed.kind = WixErrorKind::kNetwork;
  EXPECT_EQ(failure_of(unnamed), BackendFailure::kUnreachable) << "no NetFailure given";
}

TEST(BackendErrorTest, WixSayingNoIsARefusal) {
  for (const unsigned status : {400u, 404u, 409u, 428u, 405u, 418u, 451u}) {
    SCOPED_TRACE(status);
    EXPECT_EQ(failure_of(answered(status)), BackendFailure::kRefused);
  }
}

TEST(BackendErrorTest, A401Or403IsTheKeyRejected) {
  EXPECT_EQ(failure_of(answered(401)), BackendFailure::kRejectedKey);
  EXPECT_EQ(failure_of(answered(403)), BackendFailure::kRejectedKey);
}

TEST(BackendErrorTest, A429IsBusy) {
  EXPECT_EQ(failure_of(answered(429)), BackendFailure::kBusy);
}

TEST(BackendErrorTest, A5xxIsAServerError) {
  for (const unsigned status : {500u, 502u, 503u, 504u, 599u}) {
    SCOPED_TRACE(status);
    EXPECT_EQ(failure_of(answered(status)), BackendFailure::kServerError);
  }
}

TEST(BackendErrorTest, A2xxWhoseBodyIsUnusableIsABadReply) {
  EXPECT_EQ(failure_of(bad_reply()), BackendFailure::kBadReply);
}

TEST(BackendErrorTest, TheDetailIsWixsMessage) {
  const WixError rejected = answered(401);
  EXPECT_EQ(to_backend_error(rejected, kClockAfterBuild, kBuildTime).detail, rejected.message);
}

TEST(BackendErrorTest, UncertainIsWhetherTheRequestMayHaveBeenSent) {
  EXPECT_TRUE(to_backend_error(network(NetFailure::kTimeout, true), kClockAfterBuild, kBuildTime)
                  .uncertain);
  EXPECT_FALSE(
      to_backend_error(network(NetFailure::kConnectFailed, false), kClockAfterBuild, kBuildTime)
          .uncertain);
  WixError stored_but_garbled = bad_reply();
  stored_but_garbled.may_have_been_sent = true;
  EXPECT_TRUE(to_backend_error(stored_but_garbled, kClockAfterBuild, kBuildTime).uncertain);
  // Only a create can leave something behind after a server error.
  EXPECT_FALSE(to_backend_error(answered(500), kClockAfterBuild, kBuildTime).uncertain);
  EXPECT_FALSE(to_backend_error(answered(409), kClockAfterBuild, kBuildTime).uncertain);
}

TEST(BackendErrorTest, ACreateAnsweredWithAServerErrorIsUncertain) {
  for (const unsigned status : {500u, 503u}) {
    SCOPED_TRACE(status);
    const app::BackendError failure =
        create_failure(answered(status), kClockAfterBuild, kBuildTime);
    EXPECT_EQ(failure.failure, BackendFailure::kServerError);
    EXPECT_TRUE(failure.uncertain);
  }
  EXPECT_FALSE(create_failure(answered(400), kClockAfterBuild, kBuildTime).uncertain);
  EXPECT_FALSE(create_failure(answered(429), kClockAfterBuild, kBuildTime).uncertain);
  EXPECT_FALSE(
      create_failure(network(NetFailure::kConnectionRefused, false), kClockAfterBuild, kBuildTime)
          .uncertain);
  EXPECT_TRUE(
      create_failure(network(NetFailure::kConnectionClosed, true), kClockAfterBuild, kBuildTime)
          .uncertain);
  EXPECT_EQ(
      create_failure(network(NetFailure::kTlsCertificateExpired), kClockBeforeBuild, kBuildTime)
          .failure,
      BackendFailure::kClockWrong);
}

}  // namespace
}  // namespace linkpos::wix
