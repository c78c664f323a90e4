// wixsim over HTTPS with the generated test certificates, reached through the terminal's own
// HTTPS client (firmware/net), as the terminal reaches it.
#include <gtest/gtest.h>

#include <utility>

#include <boost/asio/io_context.hpp>

#include "net/http_client.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/wixsim_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

std::string test_cert(const std::string& name) {
  return std::string(LINKPOS_TEST_CERTS_DIR) + "/" + name;
}

class WixsimHttpsTest : public ::testing::Test {
 protected:
  // Sends one request and drives the loop until its answer (or the client's own timeout).
  net::HttpResult send(net::HttpClient& client, net::HttpRequest request) {
    std::optional<net::HttpResult> result;
    client.request(std::move(request), [&](net::HttpResult answer) { result = std::move(answer); });
    io.restart();  // the last request may have left the loop out of work, hence stopped
    while (!result && io.run_one_for(30s) > 0) {
    }
    if (!result)
      return net::NetError{net::NetFailure::kTimeout, "no answer from wixsim", true};
    return std::move(*result);
  }

  std::unique_ptr<net::HttpClient> client_trusting(const std::string& ca_file) {
    net::HttpClientSettings settings;
    settings.base_url = wixsim.base_url();
    settings.ca_file = ca_file;
    auto client = net::HttpClient::create(io, settings);
    EXPECT_TRUE(client) << wixsim.base_url();
    return client ? std::move(client).value() : nullptr;
  }

  WixsimProcess wixsim{{"--cert", test_cert("localhost.crt"), "--key", test_cert("localhost.key")}};
  boost::asio::io_context io;
};

TEST_F(WixsimHttpsTest, ServesTheApiOverTlsToAClientTrustingTheTestCa) {
  ASSERT_EQ(wixsim.base_url().rfind("https://localhost:", 0), 0u) << wixsim.base_url();
  auto client = client_trusting(test_cert("ca.crt"));
  ASSERT_TRUE(client);

  net::HttpRequest create;
  create.method = net::HttpMethod::kPost;
  create.target = "/payment-links/v1/payment-links";
  create.headers = {
      {"Authorization", kApiKey}, {"wix-site-id", kSiteId}, {"Content-Type", "application/json"}};
  create.body = custom_link_request("7.25").dump();
  const auto created = send(*client, create);
  ASSERT_TRUE(created) << created.error().detail;
  ASSERT_EQ(created.value().status, 200u) << created.value().body;
  const auto link = nlohmann::json::parse(created.value().body)["paymentLink"];
  EXPECT_EQ(link["links"]["url"]["url"],
            wixsim.base_url() + "/pay/" + link["id"].get<std::string>());

  net::HttpRequest page;
  page.target = "/pay/" + link["id"].get<std::string>();
  page.idempotent = true;
  const auto checkout = send(*client, page);
  ASSERT_TRUE(checkout) << checkout.error().detail;
  EXPECT_NE(checkout.value().body.find("7.25 EUR"), std::string::npos);
  EXPECT_EQ(client->handshake_count(), 1u) << "both requests on one kept-alive TLS connection";
}

TEST_F(WixsimHttpsTest, AClientThatDoesNotTrustItsCaIsRefusedAndWixsimLogsIt) {
  auto client = client_trusting(test_cert("other-ca.crt"));
  ASSERT_TRUE(client);
  net::HttpRequest state;
  state.target = "/_wixsim/state";
  const auto result = send(*client, state);
  EXPECT_FALSE(result);
  EXPECT_TRUE(wixsim.process().wait_for_stderr("TLS handshake failed", 10s));
}

}  // namespace
}  // namespace linkpos::testing
