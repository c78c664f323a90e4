#include <gtest/gtest.h>

#include "net/base_url.hpp"

namespace linkpos::net {
namespace {

TEST(BaseUrlTest, HttpsDefaultsToPort443) {
  const auto url = parse_base_url("https://www.wixapis.com");
  ASSERT_TRUE(url) << url.error();
  EXPECT_TRUE(url.value().tls);
  EXPECT_EQ(url.value().host, "www.wixapis.com");
  EXPECT_EQ(url.value().port, 443);
  EXPECT_EQ(url.value().authority(), "www.wixapis.com");
}

TEST(BaseUrlTest, ExplicitPortAndTrailingSlashAreAccepted) {
  const auto url = parse_base_url("https://localhost:8443/");
  ASSERT_TRUE(url) << url.error();
  EXPECT_EQ(url.value().host, "localhost");
  EXPECT_EQ(url.value().port, 8443);
  EXPECT_EQ(url.value().authority(), "localhost:8443");
}

TEST(BaseUrlTest, PlainHttpIsParsedAsNotTls) {
  const auto url = parse_base_url("http://127.0.0.1:8080");
  ASSERT_TRUE(url) << url.error();
  EXPECT_FALSE(url.value().tls);
  EXPECT_EQ(url.value().port, 8080);
}

TEST(BaseUrlTest, BracketedIpv6HostKeepsItsBracketsOnlyInTheAuthority) {
  const auto url = parse_base_url("https://[::1]:9443");
  ASSERT_TRUE(url) << url.error();
  EXPECT_EQ(url.value().host, "::1");
  EXPECT_EQ(url.value().authority(), "[::1]:9443");
}

TEST(BaseUrlTest, UnusableUrlsAreRefusedWithAReason) {
  for (const char* bad : {"www.wixapis.com", "ftp://host", "https://", "https://host:",
                          "https://host:0", "https://host:70000", "https://host:12ab",
                          "https://host/path", "https://user@host", "https://[::1"}) {
    const auto url = parse_base_url(bad);
    EXPECT_FALSE(url) << bad;
    if (!url) {
      EXPECT_NE(url.error().find(bad), std::string::npos) << url.error();
    }
  }
}

}  // namespace
}  // namespace linkpos::net
