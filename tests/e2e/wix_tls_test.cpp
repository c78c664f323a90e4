// The terminal's TLS against wixsim over loopback: the good chain, and each bad certificate
// refused with its own failure and message.
#include <gtest/gtest.h>

#include "e2e/wixsim_terminal.hpp"

namespace linkpos::testing {
namespace {

net::HttpResult settings_from(const WixsimTerminal& wix) {
  return https_call(
      wix.base_url(), WixsimTerminal::ca_file(), net::HttpMethod::kGet,
      "/payment-links/v1/payment-links-settings", "",
      {{"Authorization", WixsimTerminal::kApiKey}, {"wix-site-id", WixsimTerminal::kSiteId}});
}

TEST(WixTlsTest, AGoodChainIsAccepted) {
  WixsimTerminal wix;
  const auto reply = settings_from(wix);
  ASSERT_TRUE(reply) << reply.error().detail;
  EXPECT_EQ(reply.value().status, 200u);
}

struct BadCertificate {
  const char* name;
  net::NetFailure failure;
  const char* says;
};

void PrintTo(const BadCertificate& certificate, std::ostream* out) {
  *out << certificate.name;
}

class WixTlsRefusalTest : public ::testing::TestWithParam<BadCertificate> {};

TEST_P(WixTlsRefusalTest, IsRefusedWithItsOwnMessage) {
  WixsimTerminal wix({}, GetParam().name);
  const auto reply = settings_from(wix);
  ASSERT_FALSE(reply) << "a bad certificate was accepted";
  EXPECT_EQ(reply.error().failure, GetParam().failure) << reply.error().detail;
  EXPECT_NE(reply.error().detail.find(GetParam().says), std::string::npos) << reply.error().detail;
  EXPECT_FALSE(reply.error().may_have_been_sent) << "nothing reaches a server not trusted";
}

INSTANTIATE_TEST_SUITE_P(
    Certificates, WixTlsRefusalTest,
    ::testing::Values(
        BadCertificate{"other-localhost", net::NetFailure::kTlsUntrustedChain, "trust"},
        BadCertificate{"wronghost", net::NetFailure::kTlsHostnameMismatch, "localhost"},
        BadCertificate{"expired-localhost", net::NetFailure::kTlsCertificateExpired, "clock"}),
    [](const auto& certificate) {
      std::string name = certificate.param.name;
      std::erase(name, '-');
      return name;
    });

}  // namespace
}  // namespace linkpos::testing
