// A busy site: every link a terminal creates is followed at once by links of other terminals,
// so a newest-first search for it pages past theirs.
#include <gtest/gtest.h>

#include <set>

#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/site_options.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kLinks = "/payment-links/v1/payment-links";

class BusySiteTest : public ::testing::Test {
 protected:
  void open_site(int other_links) {
    auto options = testing::site_options("http://localhost:8080");
    options.other_terminals_links = other_links;
    site.emplace(std::move(options), guids);
    api.emplace(
        *site, [this] { return now; }, [this](const std::string& id) { heard.push_back(id); });
    checkout.emplace(*site, [this] { return now; });
    router.emplace(wixsim_routes(*api, *checkout), Credentials{"KEY", "SITE"});
  }

  json call(const std::string& target, const json& body) {
    const HttpRequest request{
        "POST", target, {{"Authorization", "KEY"}, {"wix-site-id", "SITE"}}, body.dump()};
    const auto response = router->handle(request).response;
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  }

  // The page (1, 2, …) of a newest-first search at 100 a page on which the link is, or 0.
  int page_with(const std::string& id) {
    json query = {{"query",
                   {{"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}},
                    {"cursorPaging", {{"limit", 100}}}}}};
    for (int page = 1; page <= 20; ++page) {
      const auto answer = call(std::string(kLinks) + "/query", query);
      for (const auto& link : answer["paymentLinks"]) {
        if (link["id"] == id)
          return page;
      }
      if (!answer["pagingMetadata"]["hasNext"].get<bool>())
        return 0;
      query = {{"query",
                {{"cursorPaging",
                  {{"limit", 100}, {"cursor", answer["pagingMetadata"]["cursors"]["next"]}}}}}};
    }
    return 0;
  }

  TimePoint now = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h;
  GuidSource guids{9};
  std::vector<std::string> heard;
  std::optional<SiteState> site;
  std::optional<WixApi> api;
  std::optional<Checkout> checkout;
  std::optional<Router> router;
};

TEST_F(BusySiteTest, OtherTerminalsLinksFollowEachLinkJustAfterItAlikeButForTheTitle) {
  open_site(3);
  const auto created = call(kLinks, testing::custom_link_request("12.50", 1, "USD"))["paymentLink"];
  ASSERT_EQ(site->links().size(), 4u);
  EXPECT_EQ(site->links()[0].id, created["id"]) << "the answer is the terminal's own link";
  std::set<std::string> titles{created["title"]};
  for (std::size_t i = 1; i < 4; ++i) {
    const auto other = link_json(site->links()[i], now);
    EXPECT_EQ(site->links()[i].created, site->links()[0].created + std::chrono::milliseconds(i));
    EXPECT_EQ(other["currency"], "USD");
    EXPECT_EQ(other["status"], "ACTIVE");
    EXPECT_EQ(other["ecomPaymentLink"], created["ecomPaymentLink"]);
    titles.insert(other["title"].get<std::string>());
  }
  EXPECT_EQ(titles.size(), 4u) << "every title differs";
  EXPECT_EQ(heard, std::vector<std::string>{created["id"]}) << "only the terminal's is auto-paid";
}

TEST_F(BusySiteTest, ANewestFirstSearchFindsTheLinkOnPageTwoPastOneHundredAndFiftyOthers) {
  open_site(150);
  const std::string id = call(kLinks, testing::custom_link_request())["paymentLink"]["id"];
  EXPECT_EQ(page_with(id), 2);
}

TEST_F(BusySiteTest, ANewestFirstSearchFindsTheLinkOnPageThreePastTwoHundredAndFiftyOthers) {
  open_site(250);
  const std::string id = call(kLinks, testing::custom_link_request())["paymentLink"]["id"];
  EXPECT_EQ(page_with(id), 3);
}

TEST_F(BusySiteTest, AQuietSiteHasOnlyTheTerminalsLinks) {
  open_site(0);
  const std::string id = call(kLinks, testing::custom_link_request())["paymentLink"]["id"];
  EXPECT_EQ(site->links().size(), 1u);
  EXPECT_EQ(page_with(id), 1);
}

}  // namespace
}  // namespace linkpos::tools::wixsim
