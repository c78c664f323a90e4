#include "net/http_response.hpp"

#include <gtest/gtest.h>

namespace linkpos::net {
namespace {

TEST(HttpResponseTest, ReadsStatusLowerCaseHeadersJoinedRepeatsAndBody) {
  const auto parsed = parse_response(
      "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: "
      "2\r\n\r\n{}",
      {});
  ASSERT_TRUE(std::holds_alternative<HttpResponse>(parsed)) << std::get<std::string>(parsed);
  const auto& response = std::get<HttpResponse>(parsed);
  EXPECT_EQ(response.status, 429u);
  EXPECT_EQ(response.headers.at("retry-after"), "3");
  EXPECT_EQ(response.headers.at("x-a"), "1, 2");
  EXPECT_EQ(response.body, "{}");
}

TEST(HttpResponseTest, ABodyOverTheLimitIsRefusedEvenWhenItArrivesWithTheHead) {
  const auto parsed =
      parse_response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", {16 * 1024, 4});
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_NE(std::get<std::string>(parsed).find("body limit"), std::string::npos)
      << std::get<std::string>(parsed);
}

TEST(HttpResponseTest, TruncatedAndGarbageResponsesAreErrors) {
  EXPECT_TRUE(std::holds_alternative<std::string>(
      parse_response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", {})));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_response("garbage\r\n\r\n", {})));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_response("", {})));
}

TEST(HttpResponseTest, ABodyEndedByTheConnectionClosingIsRead) {
  const auto parsed = parse_response("HTTP/1.0 503 Service Unavailable\r\n\r\n", {});
  ASSERT_TRUE(std::holds_alternative<HttpResponse>(parsed));
  EXPECT_EQ(std::get<HttpResponse>(parsed).status, 503u);
  EXPECT_EQ(std::get<HttpResponse>(parsed).body, "");
}

}  // namespace
}  // namespace linkpos::net
