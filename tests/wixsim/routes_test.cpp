// The whole request → response path without sockets: authentication, the routing table, and
// each endpoint's JSON shape.
#include <gtest/gtest.h>

#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/site_options.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::custom_link_request;

constexpr const char* kLinks = "/payment-links/v1/payment-links";

class RoutesTest : public ::testing::Test {
 protected:
  HttpRequest api_request(std::string method, std::string target, const json& body = nullptr) {
    HttpRequest request{
        std::move(method), std::move(target), {}, body.is_null() ? "" : body.dump()};
    request.headers = {
        {"Authorization", "KEY"}, {"wix-site-id", "SITE"}, {"Content-Type", "application/json"}};
    return request;
  }

  // Sends the request; the response's JSON body (null if it has none).
  json call(const HttpRequest& request, int expected_status = 200) {
    last = router.handle(request);
    EXPECT_EQ(last.response.status, expected_status)
        << request.method << " " << request.target << ": " << last.response.body;
    if (last.response.content_type != "application/json")
      return nullptr;
    return json::parse(last.response.body);
  }

  std::string create_link(const json& body = custom_link_request()) {
    return call(api_request("POST", kLinks, body))["paymentLink"]["id"];
  }

  TimePoint now = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h;
  GuidSource guids{3};
  SiteState site{testing::site_options("https://localhost:8443"), guids};
  std::vector<std::string> created;
  WixApi api{site, [this] { return now; },
             [this](const std::string& id) { created.push_back(id); }};
  Checkout checkout{site, [this] { return now; }};
  Router router{wixsim_routes(api, checkout), {"KEY", "SITE"}};
  RoutedResponse last;
};

TEST_F(RoutesTest, TheApiWantsTheKeyAndTheSite) {
  auto request = api_request("GET", std::string(kLinks) + "/x");
  request.headers = {{"wix-site-id", "SITE"}};
  auto body = call(request, 401);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "UNAUTHENTICATED");
  EXPECT_TRUE(body["message"].is_string());

  request.headers = {{"Authorization", "WRONG"}, {"wix-site-id", "SITE"}};
  call(request, 401);
  request.headers = {{"Authorization", "KEY"}, {"wix-site-id", "OTHER"}};
  body = call(request, 403);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "PERMISSION_DENIED");
  request.headers = {{"Authorization", "KEY"}};
  call(request, 403);
  request.headers = {{"authorization", "Bearer KEY"}, {"WIX-SITE-ID", "SITE"}};
  call(request, 404);  // authenticated: the link just does not exist
  call(api_request("POST", "/receipts/v1/receipts/x/send-email", json::object()), 404);
}

TEST_F(RoutesTest, UnknownPathsAreNotFoundWithWixsErrorBody) {
  const auto body = call(api_request("GET", "/payment-links/v2/nothing"), 404);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "NOT_FOUND");
  HttpRequest anonymous{"GET", "/favicon.ico", {}, ""};
  call(anonymous, 404);
  EXPECT_EQ(last.route, "not-found");
}

TEST_F(RoutesTest, CreateAnswersWithTheWholeLink) {
  const auto body = call(api_request("POST", kLinks, custom_link_request("12.50")));
  EXPECT_EQ(last.route, "create-link");
  const auto& link = body["paymentLink"];
  for (const char* field :
       {"id", "revision", "createdDate", "updatedDate", "type", "title", "currency",
        "paymentsLimit", "totalPayments", "status", "links", "ecomPaymentLink"}) {
    EXPECT_TRUE(link.contains(field)) << field;
  }
  EXPECT_EQ(link["status"], "ACTIVE");
  EXPECT_EQ(link["revision"], "1");
  EXPECT_EQ(link["links"]["url"]["url"],
            "https://localhost:8443/pay/" + link["id"].get<std::string>());
  EXPECT_EQ(created, std::vector<std::string>{link["id"]}) << "auto-pay hears of the new link";
}

TEST_F(RoutesTest, CreateRefusesBadBodiesWithValidationErrors) {
  auto invalid = custom_link_request();
  invalid["paymentLink"]["currency"] = "EURO";
  const auto body = call(api_request("POST", kLinks, invalid), 400);
  EXPECT_EQ(body["details"]["validationError"]["fieldViolations"][0]["field"],
            "paymentLink.currency");

  auto not_json = api_request("POST", kLinks);
  not_json.body = "{\"paymentLink\": ";
  call(not_json, 400);
  EXPECT_TRUE(created.empty());
}

TEST_F(RoutesTest, GetDeactivateActivateAndDeleteALink) {
  const std::string id = create_link();
  const std::string path = std::string(kLinks) + "/" + id;
  EXPECT_EQ(call(api_request("GET", path))["paymentLink"]["id"], id);
  EXPECT_EQ(
      call(api_request("POST", path + "/deactivate", json::object()))["paymentLink"]["status"],
      "INACTIVE");
  EXPECT_EQ(call(api_request("GET", path))["paymentLink"]["status"], "INACTIVE");
  EXPECT_EQ(call(api_request("POST", path + "/activate", json::object()))["paymentLink"]["status"],
            "ACTIVE");
  EXPECT_EQ(call(api_request("DELETE", path)), json::object());
  call(api_request("GET", path), 404);
}

TEST_F(RoutesTest, APaidLinkCannotBeDeleted) {
  const std::string id = create_link();
  ASSERT_TRUE(std::holds_alternative<CompletedCheckout>(site.pay(id, now)));
  const auto body = call(api_request("DELETE", std::string(kLinks) + "/" + id), 428);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "PAYMENT_LINK_HAS_PAYMENTS");
}

TEST_F(RoutesTest, QueryLinksAnswersPaymentLinksAndPagingMetadata) {
  const std::string first = create_link();
  now += 1s;
  const std::string second = create_link();
  const auto body =
      call(api_request("POST", std::string(kLinks) + "/query",
                       {{"query",
                         {{"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}},
                          {"cursorPaging", {{"limit", 1}}}}}}));
  ASSERT_EQ(body["paymentLinks"].size(), 1u);
  EXPECT_EQ(body["paymentLinks"][0]["id"], second);
  EXPECT_EQ(body["pagingMetadata"]["count"], 1);
  EXPECT_EQ(body["pagingMetadata"]["hasNext"], true);
  const auto next = call(
      api_request("POST", std::string(kLinks) + "/query",
                  {{"query",
                    {{"cursorPaging",
                      {{"limit", 1}, {"cursor", body["pagingMetadata"]["cursors"]["next"]}}}}}}));
  EXPECT_EQ(next["paymentLinks"][0]["id"], first);
}

TEST_F(RoutesTest, BothQueriesRefuseACursorThatComesWithAFilterOrSort) {
  create_link();
  create_link();
  site.pay(site.links()[0].id, now);
  site.pay(site.links()[1].id, now);
  for (const std::string& path : {std::string(kLinks) + "/query",
                                  std::string("/payment-links/v1/payment-link-payments/query")}) {
    const auto first =
        call(api_request("POST", path, {{"query", {{"cursorPaging", {{"limit", 1}}}}}}));
    const std::string next = first["pagingMetadata"]["cursors"]["next"];
    const auto refused = call(
        api_request(
            "POST", path,
            {{"query",
              {{"filter", {{"id", {{"$exists", true}}}}}, {"cursorPaging", {{"cursor", next}}}}}}),
        400);
    EXPECT_EQ(refused["details"]["validationError"]["fieldViolations"][0]["field"], "query.filter")
        << path;
    const auto page =
        call(api_request("POST", path, {{"query", {{"cursorPaging", {{"cursor", next}}}}}}));
    EXPECT_EQ(page["pagingMetadata"]["count"], 1) << path;
  }
}

TEST_F(RoutesTest, PaymentsAreQueriedByLinkAndGetAReceipt) {
  const std::string paid_link = create_link();
  const std::string other_link = create_link();
  site.pay(paid_link, now);
  site.pay(other_link, now);
  const auto body = call(api_request(
      "POST", "/payment-links/v1/payment-link-payments/query",
      {{"query",
        {{"filter", {{"paymentLinkId", paid_link}}}, {"cursorPaging", {{"limit", 100}}}}}}));
  ASSERT_EQ(body["paymentLinkPayments"].size(), 1u);
  const auto& payment = body["paymentLinkPayments"][0];
  EXPECT_EQ(payment["paymentLinkId"], paid_link);
  EXPECT_EQ(payment["amount"], "12.50");
  EXPECT_TRUE(body.contains("pagingMetadata"));

  const std::string receipt_path =
      "/payment-link-payments/" + payment["id"].get<std::string>() + "/issue-receipt";
  const auto receipt =
      call(api_request("POST", "/payment-links/v1" + receipt_path, json::object()));
  ASSERT_EQ(receipt.size(), 1u) << receipt.dump();
  EXPECT_EQ(receipt["receiptId"].get<std::string>().size(), 36u) << "a GUID";
  const auto again = call(api_request("POST", "/payment-links/v1" + receipt_path), 409);
  EXPECT_EQ(again["details"]["applicationError"]["code"], "RECEIPT_ALREADY_ISSUED");
  const auto payments =
      call(api_request("POST", "/payment-links/v1/payment-link-payments/query",
                       {{"query", {{"filter", {{"id", payment["id"]}}}}}}))["paymentLinkPayments"];
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["receiptId"], receipt["receiptId"]) << "the payment carries it";
}

TEST_F(RoutesTest, SettingsHaveARevisionAndThePolicyCheckbox) {
  const auto body = call(api_request("GET", "/payment-links/v1/payment-links-settings"));
  EXPECT_EQ(body["paymentLinksSettings"]["revision"], "1");
  EXPECT_EQ(body["paymentLinksSettings"]["policyAgreementCheckboxDisabled"], false);
}

TEST_F(RoutesTest, TheCheckoutPageShowsTheAmountAndAPayForm) {
  const std::string id = create_link(custom_link_request("12.50"));
  const HttpRequest page{"GET", "/pay/" + id, {}, ""};
  call(page);
  EXPECT_EQ(last.response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(last.response.body.find("12.50 EUR"), std::string::npos);
  EXPECT_NE(last.response.body.find("Amount"), std::string::npos) << "the line item";
  EXPECT_NE(last.response.body.find("action=\"/pay/" + id + "/pay\""), std::string::npos);
  EXPECT_EQ(last.response.body.find("<script"), std::string::npos);
  EXPECT_EQ(last.response.body.find("src="), std::string::npos) << "no external resources";
}

TEST_F(RoutesTest, PayingFromTheBrowserAnswersPagesAndFromTestsJson) {
  const std::string id = create_link();
  call(HttpRequest{"POST",
                   "/pay/" + id + "/pay",
                   {{"Content-Type", "application/x-www-form-urlencoded"}},
                   "pay=1"});
  EXPECT_NE(last.response.body.find("Paid"), std::string::npos);
  call(HttpRequest{"POST", "/pay/" + id + "/pay", {}, ""}, 409);
  EXPECT_EQ(last.response.content_type, "text/html; charset=utf-8");

  const std::string other = create_link();
  const auto body =
      call(HttpRequest{"POST",
                       "/pay/" + other + "/pay",
                       {{"Content-Type", "application/json"}},
                       R"({"contactDetails": {"firstName": "Zoë", "email": "zoe@example.com"}})"});
  EXPECT_EQ(body["paymentLinkPayment"]["paymentLinkId"], other);
  EXPECT_EQ(body["paymentLinkPayment"]["regularPaymentLinkPayment"]["contactDetails"]["email"],
            "zoe@example.com");
  const auto refused = call(
      HttpRequest{"POST", "/pay/" + other + "/pay", {{"Content-Type", "application/json"}}, ""},
      409);
  EXPECT_EQ(refused["details"]["applicationError"]["code"], "PAYMENT_LINK_ALREADY_PAID");
}

TEST_F(RoutesTest, AnExpiredLinksCheckoutRefusesWith410) {
  auto request = custom_link_request();
  request["paymentLink"]["expirationDate"] = "2025-01-21T09:05:00Z";
  const std::string id = create_link(request);
  now += 10min;
  call(HttpRequest{"GET", "/pay/" + id, {}, ""});
  EXPECT_NE(last.response.body.find("EXPIRED"), std::string::npos);
  EXPECT_EQ(last.response.body.find("<form"), std::string::npos);
  call(HttpRequest{"POST", "/pay/" + id + "/pay", {}, ""}, 410);
}

TEST_F(RoutesTest, InitiatePaymentAnswersACheckoutUrlWhosePagePaysTheLink) {
  const std::string id = create_link(custom_link_request("12.50"));
  const std::string path = std::string(kLinks) + "/" + id + "/initiate-payment";
  const auto started = call(api_request("POST", path, json::object()));
  EXPECT_EQ(last.route, "initiate-payment");
  ASSERT_EQ(started.size(), 1u) << started.dump();
  const std::string url = started["ecomCheckout"]["checkoutUrl"];
  const std::string prefix = "https://localhost:8443/checkout/";
  ASSERT_EQ(url.rfind(prefix, 0), 0u) << url;
  const std::string checkout_path = url.substr(std::string("https://localhost:8443").size());
  EXPECT_NE(url.substr(prefix.size()), id) << "a checkout has an id of its own";

  call(HttpRequest{"GET", checkout_path, {}, ""});
  EXPECT_EQ(last.route, "initiated-checkout-page");
  EXPECT_EQ(last.response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(last.response.body.find("12.50 EUR"), std::string::npos);
  EXPECT_NE(last.response.body.find("action=\"" + checkout_path + "/pay\""), std::string::npos)
      << last.response.body;

  const auto paid = call(
      HttpRequest{"POST", checkout_path + "/pay", {{"Content-Type", "application/json"}}, "{}"});
  EXPECT_EQ(last.route, "initiated-checkout-pay");
  EXPECT_EQ(paid["paymentLinkPayment"]["paymentLinkId"], id);
  EXPECT_EQ(paid["paymentLinkPayment"]["amount"], "12.50");
  EXPECT_EQ(status_at(*site.find_link(id), now), LinkStatus::kPaid);

  const auto again = call(
      HttpRequest{"POST", checkout_path + "/pay", {{"Content-Type", "application/json"}}, ""}, 409);
  EXPECT_EQ(again["details"]["applicationError"]["code"], "PAYMENT_LINK_ALREADY_PAID")
      << "as the link's own page answers";
  call(HttpRequest{"GET", checkout_path, {}, ""});
  EXPECT_NE(last.response.body.find("PAID"), std::string::npos);
  EXPECT_EQ(last.response.body.find("<form"), std::string::npos);
}

TEST_F(RoutesTest, AnInitiatedCheckoutIsPaidFromTheBrowserFormWithAChosenAmount) {
  const std::string id = create_link(custom_link_request("12.50"));
  const auto started = call(
      api_request("POST", std::string(kLinks) + "/" + id + "/initiate-payment", json::object()));
  const std::string url = started["ecomCheckout"]["checkoutUrl"];
  const std::string pay_path = url.substr(std::string("https://localhost:8443").size()) + "/pay";
  call(HttpRequest{
      "POST", pay_path, {{"Content-Type", "application/x-www-form-urlencoded"}}, "amount=15.00"});
  EXPECT_EQ(last.response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(last.response.body.find("15.00 EUR"), std::string::npos) << last.response.body;
  ASSERT_EQ(site.payments().size(), 1u);
  EXPECT_EQ(site.payments()[0].link_id, id);
}

TEST_F(RoutesTest, InitiatePaymentIsRefusedForALinkThatTakesNoPaymentAndNeedsTheKey) {
  const std::string id = create_link();
  const std::string path = std::string(kLinks) + "/" + id + "/initiate-payment";
  site.pay(id, now);
  const auto refused = call(api_request("POST", path, json::object()), 428);
  EXPECT_EQ(refused["details"]["applicationError"]["code"], "PAYMENT_LINK_NOT_PAYABLE");
  const auto unknown = call(
      api_request("POST", std::string(kLinks) + "/nope/initiate-payment", json::object()), 404);
  EXPECT_EQ(unknown["details"]["applicationError"]["code"], "PAYMENT_LINK_NOT_FOUND");
  auto anonymous = api_request("POST", path, json::object());
  anonymous.headers = {{"wix-site-id", "SITE"}, {"Content-Type", "application/json"}};
  call(anonymous, 401);
  auto garbled =
      api_request("POST", std::string(kLinks) + "/" + create_link() + "/initiate-payment");
  garbled.body = "{";
  call(garbled, 400);
  EXPECT_TRUE(call(HttpRequest{"GET", "/_wixsim/state", {}, ""})["checkouts"].empty());
}

TEST_F(RoutesTest, AnOrderLinkIsAnsweredWithItsOrderUrl) {
  const json order = {{"paymentLink",
                       {{"title", "Order 1001"},
                        {"type", "ECOM_ORDER"},
                        {"currency", "EUR"},
                        {"ecomOrderPaymentLink", {{"orderId", "o1"}, {"amount", "50"}}}}}};
  const std::string id = create_link(order);
  const auto started = call(
      api_request("POST", std::string(kLinks) + "/" + id + "/initiate-payment", json::object()));
  ASSERT_EQ(started.size(), 1u) << started.dump();
  const std::string url = started["ecomOrder"]["orderUrl"];
  EXPECT_EQ(url.rfind("https://localhost:8443/checkout/", 0), 0u) << url;
  const auto paid =
      call(HttpRequest{"POST",
                       url.substr(std::string("https://localhost:8443").size()) + "/pay",
                       {{"Content-Type", "application/json"}},
                       ""});
  EXPECT_EQ(paid["paymentLinkPayment"]["amount"], "50.00");
}

TEST_F(RoutesTest, AnUnknownCheckoutIsNotFound) {
  call(HttpRequest{"GET", "/checkout/nope", {}, ""}, 404);
  EXPECT_EQ(last.response.content_type, "text/html; charset=utf-8");
  const auto body = call(
      HttpRequest{"POST", "/checkout/nope/pay", {{"Content-Type", "application/json"}}, ""}, 404);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "CHECKOUT_NOT_FOUND");
  create_link();
  call(HttpRequest{"POST", "/checkout/" + site.links()[0].id + "/pay", {}, ""}, 404);
  EXPECT_TRUE(site.payments().empty()) << "a link's id is no checkout's";
}

TEST_F(RoutesTest, TheStateDumpNeedsNoKeyAndListsLinksAndPayments) {
  const std::string id = create_link();
  site.pay(id, now);
  const auto body = call(HttpRequest{"GET", "/_wixsim/state", {}, ""});
  ASSERT_EQ(body["links"].size(), 1u);
  EXPECT_EQ(body["links"][0]["status"], "PAID");
  ASSERT_EQ(body["payments"].size(), 1u);
  EXPECT_EQ(body["payments"][0]["paymentLinkId"], id);
  EXPECT_TRUE(body["checkouts"].empty());
}

TEST_F(RoutesTest, TheStateDumpListsTheCheckoutsInitiatePaymentStarted) {
  const std::string id = create_link();
  const auto started = call(
      api_request("POST", std::string(kLinks) + "/" + id + "/initiate-payment", json::object()));
  const auto checkouts = call(HttpRequest{"GET", "/_wixsim/state", {}, ""})["checkouts"];
  ASSERT_EQ(checkouts.size(), 1u);
  EXPECT_EQ(checkouts[0]["paymentLinkId"], id);
  EXPECT_EQ(checkouts[0]["checkoutUrl"], started["ecomCheckout"]["checkoutUrl"]);
  EXPECT_EQ(checkouts[0]["createdDate"], "2025-01-21T09:00:00.000Z");
  EXPECT_EQ(checkouts[0]["checkoutUrl"],
            "https://localhost:8443/checkout/" + checkouts[0]["id"].get<std::string>());
}

}  // namespace
}  // namespace linkpos::tools::wixsim

namespace linkpos::tools::wixsim {
namespace {

TEST_F(RoutesTest, RawPaymentEntriesFromTheHarnessAreListedAsGivenForTheirLinkOnly) {
  const std::string id = create_link();
  const std::string other = create_link();
  call(HttpRequest{"POST",
                   "/_wixsim/raw-payments",
                   {},
                   json::array({{{"id", "raw-1"}, {"paymentLinkId", id}, {"amount", "12,50"}},
                                {{"id", "raw-2"}, {"paymentLinkId", other}}})
                       .dump()});
  const auto page = call(api_request("POST", "/payment-links/v1/payment-link-payments/query",
                                     {{"query", {{"filter", {{"paymentLinkId", id}}}}}}));
  ASSERT_EQ(page["paymentLinkPayments"].size(), 1u);
  EXPECT_EQ(page["paymentLinkPayments"][0]["amount"], "12,50") << "as given, never tidied";
  EXPECT_EQ(call(HttpRequest{"GET", "/_wixsim/state", {}, ""})["rawPayments"].size(), 2u);
  EXPECT_EQ(site.find_link(id)->total_payments, 0) << "a raw entry pays for nothing";
  call(HttpRequest{"POST", "/_wixsim/raw-payments", {}, "not json"}, 400);
}

}  // namespace
}  // namespace linkpos::tools::wixsim

namespace linkpos::tools::wixsim {
namespace {

constexpr const char* kPaymentsQuery = "/payment-links/v1/payment-link-payments/query";

class PeriodQueryTest : public RoutesTest {
 protected:
  // The ids of every page of a query: the first asked with `query`, each later one by its
  // cursor alone.
  std::vector<std::string> ids_of_every_page(const std::string& path, const json& query,
                                             const char* list, std::size_t* pages = nullptr) {
    std::vector<std::string> ids;
    json body = call(api_request("POST", path, {{"query", query}}));
    std::size_t count = 1;
    for (;;) {
      for (const auto& item : body[list])
        ids.push_back(item["id"]);
      if (!body["pagingMetadata"]["hasNext"].get<bool>())
        break;
      body = call(api_request(
          "POST", path,
          {{"query",
            {{"cursorPaging", {{"cursor", body["pagingMetadata"]["cursors"]["next"]}}}}}}));
      ++count;
    }
    if (pages != nullptr)
      *pages = count;
    return ids;
  }

  // A link paid at `when`; the id of its payment.
  std::string paid_at(TimePoint when) {
    const std::string link = create_link();
    const auto paid = site.pay(link, when);
    EXPECT_TRUE(std::holds_alternative<CompletedCheckout>(paid));
    return std::get<CompletedCheckout>(paid).main_payment().id;
  }
};

TEST_F(PeriodQueryTest, PaymentsOfAPeriodComeOldestFirstInPagesWithTheBoundsComparedAsInstants) {
  const TimePoint start = now;  // 2025-01-21T09:00:00.000Z
  paid_at(start);               // before the period
  const std::string at_from = paid_at(start + 1s);
  const std::string inside = paid_at(start + 2s);
  paid_at(start + 3s);  // at its end
  // The same instants written otherwise: without milliseconds, with an offset.
  call(HttpRequest{
      "POST",
      "/_wixsim/raw-payments",
      {},
      json::array({{{"id", "raw-late"}, {"createdDate", "2025-01-21T09:00:02.500Z"}},
                   {{"id", "raw-at-from"}, {"createdDate", "2025-01-21T09:00:01Z"}},
                   {{"id", "raw-before"}, {"createdDate", "2025-01-21T10:00:00.999+01:00"}},
                   {{"id", "raw-at-to"}, {"createdDate", "2025-01-21T10:00:03+01:00"}}})
          .dump()});
  std::size_t pages = 0;
  const auto ids = ids_of_every_page(
      kPaymentsQuery,
      {{"filter",
        {{"createdDate",
          {{"$gte", "2025-01-21T09:00:01.000Z"}, {"$lt", "2025-01-21T09:00:03.000Z"}}}}},
       {"sort", {{{"fieldName", "createdDate"}, {"order", "ASC"}}}},
       {"cursorPaging", {{"limit", 3}}}},
      "paymentLinkPayments", &pages);
  EXPECT_EQ(ids, (std::vector<std::string>{at_from, "raw-at-from", inside, "raw-late"}))
      << "at `from` in, at `to` out, in createdDate order (equal instants in creation order)";
  EXPECT_EQ(pages, 2u);
}

TEST_F(PeriodQueryTest, LinksAreQueriedByIdsWithInAcrossPages) {
  std::vector<std::string> links;
  for (int i = 0; i < 5; ++i)
    links.push_back(create_link());
  std::size_t pages = 0;
  const auto ids = ids_of_every_page(
      std::string(kLinks) + "/query",
      {{"filter", {{"id", {{"$in", {links[4], links[0], "no-such-link", links[2]}}}}}},
       {"cursorPaging", {{"limit", 2}}}},
      "paymentLinks", &pages);
  EXPECT_EQ(ids, (std::vector<std::string>{links[0], links[2], links[4]}))
      << "the links asked for, in creation order; an unknown id is no error";
  EXPECT_EQ(pages, 2u);
}

}  // namespace
}  // namespace linkpos::tools::wixsim
