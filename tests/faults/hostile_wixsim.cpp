#include "faults/hostile_wixsim.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include "app/currency.hpp"
#include "support/run_until.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

std::string test_cert(const std::string& name) {
  return std::string(LINKPOS_TEST_CERTS_DIR) + "/" + name;
}

std::vector<std::string> wixsim_options(Transport transport) {
  if (transport == Transport::kPlain)
    return {"--plain"};
  return {"--cert", test_cert("localhost.crt"), "--key", test_cert("localhost.key")};
}

}  // namespace

HostileWixsim::HostileWixsim(Transport transport)
    : wixsim_(wixsim_options(transport)), ca_file_(test_cert("ca.crt")) {
  auto harness = net::HttpClient::create(io_, client_settings());
  if (!harness)
    throw std::runtime_error("no client for wixsim at \"" + wixsim_.base_url() +
                             "\": " + harness.error().detail);
  harness_ = std::move(harness).value();
  connect(client_settings());
}

HostileWixsim::~HostileWixsim() = default;

net::HttpClientSettings HostileWixsim::client_settings() const {
  net::HttpClientSettings settings;
  settings.base_url = wixsim_.base_url();
  settings.allow_plain_http = true;
  settings.ca_file = ca_file_;
  settings.connect_timeout = 2000ms;
  settings.request_timeout = 1500ms;
  return settings;
}

void HostileWixsim::connect(net::HttpClientSettings settings, wix::RetryPolicy retry) {
  backend_.reset();
  client_.reset();
  auto http = net::HttpClient::create(io_, std::move(settings));
  if (!http)
    throw std::runtime_error("unusable client settings: " + http.error().detail);
  http_ = std::move(http).value();
  client_ = std::make_unique<wix::PaymentLinksClient>(*http_, clock_,
                                                      wix::WixCredentials{kSiteId, kApiKey}, retry);
  backend_ = std::make_unique<wix::WixBackend>(*client_, *app::currency_by_code("EUR"),
                                               std::chrono::system_clock::time_point{}, qr_target_);
}

void HostileWixsim::show_in_qr(wix::QrTarget target) {
  qr_target_ = target;
  backend_ = std::make_unique<wix::WixBackend>(*client_, *app::currency_by_code("EUR"),
                                               std::chrono::system_clock::time_point{}, qr_target_);
}

bool HostileWixsim::run_until(const std::function<bool()>& done,
                              std::chrono::steady_clock::duration limit) {
  return linkpos::testing::run_until(io_, done, limit);
}

nlohmann::json HostileWixsim::harness(net::HttpMethod method, const std::string& target,
                                      const std::string& body) {
  net::HttpRequest request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.idempotent = method == net::HttpMethod::kGet;
  if (!body.empty())
    request.headers["Content-Type"] = "application/json";
  std::optional<net::HttpResult> result;
  harness_->request(std::move(request),
                    [&](net::HttpResult answer) { result = std::move(answer); });
  if (!run_until([&] { return result.has_value(); })) {
    ADD_FAILURE() << "wixsim's harness did not answer " << target;
    return nullptr;
  }
  if (!*result) {
    ADD_FAILURE() << target << ": " << result->error().detail;
    return nullptr;
  }
  EXPECT_EQ(result->value().status, 200u) << target << ": " << result->value().body;
  return nlohmann::json::parse(result->value().body, nullptr, false);
}

void HostileWixsim::add_faults(const nlohmann::json& rules) {
  harness(net::HttpMethod::kPost, "/_wixsim/faults", rules.dump());
}

nlohmann::json HostileWixsim::faults() {
  return harness(net::HttpMethod::kGet, "/_wixsim/faults")["faults"];
}

nlohmann::json HostileWixsim::links() {
  return harness(net::HttpMethod::kGet, "/_wixsim/state")["links"];
}

}  // namespace linkpos::testing
