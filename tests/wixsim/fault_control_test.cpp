// The fault control endpoints and the router's two-step dispatch that faults rely on, without
// sockets.
#include <gtest/gtest.h>

#include "tools/wixsim/faults/fault_control.hpp"
#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/site_options.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kFaults = "/_wixsim/faults";

class FaultControlTest : public ::testing::Test {
 protected:
  static std::vector<Route> all_routes(WixApi& api, Checkout& checkout, FaultControl& control) {
    auto routes = wixsim_routes(api, checkout);
    for (auto& route : fault_control_routes(control))
      routes.push_back(std::move(route));
    return routes;
  }

  RoutedResponse call(std::string method, std::string target, std::string body = "") {
    const HttpRequest request{std::move(method), std::move(target), {}, std::move(body)};
    return router.handle(request);
  }

  TimePoint now = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h;
  GuidSource guids{3};
  SiteState site{testing::site_options("https://localhost:8443"), guids};
  WixApi api{site, [this] { return now; }, nullptr};
  Checkout checkout{site, [this] { return now; }};
  FaultPlan plan{faultable_routes(wixsim_routes(api, checkout))};
  FaultControl control{plan};
  Router router{all_routes(api, checkout, control), {"KEY", "SITE"}};
};

TEST_F(FaultControlTest, FaultsMayNameTheApiAndCheckoutRoutesButNotTheHarnessOnes) {
  const auto& names = plan.routes();
  for (const char* name :
       {"create-link", "get-link", "deactivate-link", "query-links", "query-payments",
        "issue-receipt", "checkout-pay", "unauthenticated", "not-found"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  for (const char* name : {"state", "read-faults", "add-faults", "clear-faults"})
    EXPECT_EQ(std::find(names.begin(), names.end(), name), names.end()) << name;
}

TEST_F(FaultControlTest, AddsReadsAndClearsRulesWithoutAKey) {
  const auto added = call("POST", kFaults, R"([{"route": "create-link", "fault": "503",
                                               "count": 1}])");
  EXPECT_EQ(added.route, "add-faults");
  ASSERT_EQ(added.response.status, 200) << added.response.body;
  EXPECT_EQ(json::parse(added.response.body),
            json::parse(R"({"faults": [{"route": "create-link", "fault": "503", "count": 1,
                                        "applied": 0}]})"));
  call("POST", kFaults, R"({"route": "*", "fault": "latency", "latency_ms": 20})");

  const auto read = call("GET", kFaults);
  EXPECT_EQ(read.route, "read-faults");
  ASSERT_EQ(read.response.status, 200);
  const auto faults = json::parse(read.response.body)["faults"];
  ASSERT_EQ(faults.size(), 2u) << "added after the first";
  EXPECT_EQ(faults[1]["latency_ms"], 20);
  ASSERT_EQ(plan.rules().size(), 2u);

  const auto cleared = call("DELETE", kFaults);
  EXPECT_EQ(cleared.route, "clear-faults");
  EXPECT_EQ(json::parse(cleared.response.body), json::parse(R"({"faults": []})"));
  EXPECT_TRUE(plan.rules().empty());
}

TEST_F(FaultControlTest, AnUnusableRuleIsRefusedAndNothingOfItsListIsAdded) {
  const auto refused = call("POST", kFaults, R"([{"route": "get-link", "fault": "500"},
                                                 {"route": "get-link", "fault": "504"}])");
  EXPECT_EQ(refused.response.status, 400);
  const auto error = json::parse(refused.response.body)["details"]["applicationError"];
  EXPECT_EQ(error["code"], "INVALID_FAULT");
  EXPECT_NE(error["description"].get<std::string>().find("rule 1"), std::string::npos);
  EXPECT_TRUE(plan.rules().empty());
  EXPECT_EQ(call("POST", kFaults, "{not json").response.status, 400);
}

TEST_F(FaultControlTest, ARouteRunsOnlyWhenItsAnswerIsAskedFor) {
  HttpRequest create{"POST",
                     "/payment-links/v1/payment-links",
                     {{"Authorization", "KEY"}, {"wix-site-id", "SITE"}},
                     testing::custom_link_request().dump()};
  const RoutedRequest routed = router.dispatch(create);
  EXPECT_EQ(routed.route, "create-link");
  EXPECT_TRUE(site.links().empty()) << "routing alone creates nothing";
  EXPECT_EQ(routed.respond().status, 200);
  EXPECT_EQ(site.links().size(), 1u);

  create.headers.clear();
  EXPECT_EQ(router.dispatch(create).route, "unauthenticated");
  EXPECT_EQ(router.dispatch(create).respond().status, 401);
  EXPECT_EQ(site.links().size(), 1u);
}

}  // namespace
}  // namespace linkpos::tools::wixsim
