// Site Properties: the business details a terminal reads, and a site's payment currency, which
// refuses links in any other.
#include <gtest/gtest.h>

#include "tools/wixsim/model/link_validation.hpp"
#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/site_options.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;
using testing::custom_link_request;

constexpr const char* kProperties = "/site-properties/v4/properties";

// The routes of a site with `properties`, answering one request at a time.
class SiteWith {
 public:
  explicit SiteWith(SiteProperties properties) {
    auto options = testing::site_options("http://localhost:8080");
    options.properties = std::move(properties);
    site_.emplace(std::move(options), guids_);
    api_.emplace(
        *site_, [] { return TimePoint{}; }, nullptr);
    checkout_.emplace(*site_, [] { return TimePoint{}; });
    router_.emplace(wixsim_routes(*api_, *checkout_), Credentials{"KEY", "SITE"});
  }

  RoutedResponse call(const std::string& method, const std::string& target,
                      const json& body = nullptr, bool with_key = true) {
    HttpRequest request{method, target, {}, body.is_null() ? "" : body.dump()};
    if (with_key)
      request.headers = {{"Authorization", "KEY"}, {"wix-site-id", "SITE"}};
    return router_->handle(request);
  }

  const SiteState& site() const { return *site_; }

 private:
  GuidSource guids_{5};
  std::optional<SiteState> site_;
  std::optional<WixApi> api_;
  std::optional<Checkout> checkout_;
  std::optional<Router> router_;
};

TEST(SitePropertiesTest, NameTheBusinessItsTimeZoneAndAddress) {
  SiteWith wixsim({std::nullopt, "Café Lumière", "America/New_York"});
  const auto answer = wixsim.call("GET", kProperties);
  EXPECT_EQ(answer.route, "site-properties");
  ASSERT_EQ(answer.response.status, 200) << answer.response.body;
  const auto body = json::parse(answer.response.body);
  ASSERT_EQ(body.size(), 1u) << "{\"properties\": …}";
  const auto& properties = body["properties"];
  EXPECT_EQ(properties["businessName"], "Café Lumière");
  EXPECT_EQ(properties["timeZone"], "America/New_York");
  EXPECT_FALSE(properties.contains("paymentCurrency")) << "no site currency: not said";
  const auto& address = properties["address"];
  for (const char* field : {"street", "streetNumber", "city", "country", "zip",
                            "googleFormattedAddress", "isPhysical", "coordinates"}) {
    EXPECT_TRUE(address.contains(field)) << field;
  }
  EXPECT_EQ(address["country"].get<std::string>().size(), 2u) << "ISO 3166 alpha-2";
}

TEST(SitePropertiesTest, ASiteCurrencyIsThePropertiesPaymentCurrency) {
  SiteWith wixsim({"EUR", "Shop", "Europe/Paris"});
  const auto body = json::parse(wixsim.call("GET", kProperties).response.body);
  EXPECT_EQ(body["properties"]["paymentCurrency"], "EUR");
  EXPECT_EQ(body["properties"]["timeZone"], "Europe/Paris");
}

TEST(SitePropertiesTest, ASiteWithACurrencyRefusesLinksInAnyOtherNamingTheField) {
  SiteWith wixsim({"EUR", "Shop", "Europe/Paris"});
  const auto refused = wixsim.call("POST", "/payment-links/v1/payment-links",
                                   custom_link_request("12.50", 1, "USD"));
  ASSERT_EQ(refused.response.status, 400);
  const auto violations =
      json::parse(refused.response.body)["details"]["validationError"]["fieldViolations"];
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0]["field"], "paymentLink.currency");
  EXPECT_NE(violations[0]["description"].get<std::string>().find("EUR"), std::string::npos);
  EXPECT_TRUE(wixsim.site().links().empty());

  const auto accepted = wixsim.call("POST", "/payment-links/v1/payment-links",
                                    custom_link_request("12.50", 1, "EUR"));
  EXPECT_EQ(accepted.response.status, 200) << accepted.response.body;
}

TEST(SitePropertiesTest, WithoutASiteCurrencyEveryCurrencyIsAccepted) {
  SiteWith wixsim({});
  for (const char* currency : {"EUR", "USD", "JPY", "KWD"}) {
    EXPECT_EQ(wixsim
                  .call("POST", "/payment-links/v1/payment-links",
                        custom_link_request("12.50", 1, currency))
                  .response.status,
              200)
        << currency;
  }
}

TEST(SitePropertiesTest, TheSiteCurrencyRuleIsListedWithTheRequestsOtherViolations) {
  auto body = custom_link_request("-1", 1, "USD");
  const auto error = std::get<WixError>(read_link_terms(body, std::string("EUR")));
  std::vector<std::string> fields;
  for (const auto& violation : error.violations)
    fields.push_back(violation.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"paymentLink.currency",
                                              "paymentLink.ecomPaymentLink.lineItems[0]."
                                              "customItem.price"}));
}

TEST(SitePropertiesTest, AreReadWithTheApiKeyLikeTheRest) {
  SiteWith wixsim({});
  const auto anonymous = wixsim.call("GET", kProperties, nullptr, false);
  EXPECT_EQ(anonymous.response.status, 401);
  EXPECT_EQ(anonymous.route, "unauthenticated");
}

}  // namespace
}  // namespace linkpos::tools::wixsim
