// The real wixsim binary over loopback HTTP, as the terminal and a customer's phone use it.
#include <gtest/gtest.h>

#include <csignal>
#include <regex>

#include "wixsim/link_requests.hpp"
#include "wixsim/wixsim_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kLinks = "/payment-links/v1/payment-links";

// The path part of a link's customer URL ("http://localhost:1234/pay/<id>" → "/pay/<id>").
std::string path_of(const std::string& url) {
  return url.substr(url.find('/', url.find("//") + 2));
}

json created_link(const WixsimProcess& wixsim, const json& request = custom_link_request()) {
  const auto reply = wixsim.api("POST", kLinks, request.dump());
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.json()["paymentLink"];
}

TEST(WixsimProcessTest, PrintsItsBaseUrlFirstAndStopsCleanlyOnSigterm) {
  WixsimProcess wixsim({"--plain"});
  EXPECT_TRUE(std::regex_match(wixsim.base_url(), std::regex("http://localhost:[0-9]+")))
      << wixsim.base_url();
  EXPECT_EQ(wixsim.get("/_wixsim/state").status, 200);
  wixsim.process().signal(SIGTERM);
  EXPECT_EQ(wixsim.process().wait(10s), 0);
}

TEST(WixsimProcessTest, RefusesToStartWithoutTlsFilesOrPlain) {
  ChildProcess wixsim(
      {WIXSIM_BINARY, "--listen", "127.0.0.1:0", "--api-key", "k", "--site-id", "s"});
  EXPECT_EQ(wixsim.wait(10s), 64);
}

TEST(WixsimProcessTest, TheApiRefusesAMissingKeyAndAWrongSiteAndLogsNoKey) {
  WixsimProcess wixsim({"--plain"});
  const std::string body = custom_link_request().dump();
  const auto without_key =
      http_call(wixsim.base_url(), "POST", kLinks, body, {{"wix-site-id", kSiteId}});
  EXPECT_EQ(without_key.status, 401);
  EXPECT_EQ(without_key.json()["details"]["applicationError"]["code"], "UNAUTHENTICATED");
  const auto wrong_site = http_call(wixsim.base_url(), "POST", kLinks, body,
                                    {{"Authorization", kApiKey}, {"wix-site-id", "other-site"}});
  EXPECT_EQ(wrong_site.status, 403);
  const auto bearer =
      http_call(wixsim.base_url(), "POST", kLinks, body,
                {{"Authorization", std::string("Bearer ") + kApiKey}, {"wix-site-id", kSiteId}});
  EXPECT_EQ(bearer.status, 200);

  wixsim.process().signal(SIGTERM);
  ASSERT_EQ(wixsim.process().wait(10s), 0);
  const auto& log = wixsim.process().stderr_lines();
  EXPECT_NE(std::find(log.begin(), log.end(),
                      "wixsim: POST /payment-links/v1/payment-links 401 (unauthenticated)"),
            log.end());
  for (const auto& line : log)
    EXPECT_EQ(line.find(kApiKey), std::string::npos) << line;
}

TEST(WixsimProcessTest, ALinkIsPaidOnItsCheckoutPageThenItsPaymentGetsAReceipt) {
  WixsimProcess wixsim({"--plain"});
  const auto link = created_link(wixsim, custom_link_request("12.50"));
  const std::string id = link["id"];
  EXPECT_EQ(link["status"], "ACTIVE");
  const std::string url = link["links"]["url"]["url"];
  ASSERT_EQ(url, wixsim.base_url() + "/pay/" + id);
  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/" + id).json()["paymentLink"]["id"], id);

  // The customer's phone: the checkout page, then its Pay button's form post.
  const auto page = wixsim.get(path_of(url));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("12.50 EUR"), std::string::npos);
  const auto paid = http_call(wixsim.base_url(), "POST", path_of(url) + "/pay", "",
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(paid.status, 200);
  EXPECT_NE(paid.body.find("Paid"), std::string::npos);

  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/" + id).json()["paymentLink"]["status"],
            "PAID");
  const json query = {
      {"query", {{"filter", {{"paymentLinkId", id}}}, {"cursorPaging", {{"limit", 100}}}}}};
  const auto payments =
      wixsim.api("POST", "/payment-links/v1/payment-link-payments/query", query.dump()).json();
  ASSERT_EQ(payments["paymentLinkPayments"].size(), 1u);
  const auto& payment = payments["paymentLinkPayments"][0];
  EXPECT_EQ(payment["amount"], "12.50");
  EXPECT_EQ(payment["currencyCode"], "EUR");
  EXPECT_EQ(payment["type"], "REGULAR");

  const std::string issue = "/payment-links/v1/payment-link-payments/" +
                            payment["id"].get<std::string>() + "/issue-receipt";
  const auto receipt = wixsim.api("POST", issue, "{}");
  ASSERT_EQ(receipt.status, 200);
  const std::string receipt_id = receipt.json()["receiptId"];
  const auto again = wixsim.api("POST", issue, "{}");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["details"]["applicationError"]["code"], "RECEIPT_ALREADY_ISSUED");
  EXPECT_EQ(wixsim.get("/_wixsim/state").json()["payments"][0]["receiptId"], receipt_id);

  const auto second = http_call(wixsim.base_url(), "POST", path_of(url) + "/pay");
  EXPECT_EQ(second.status, 409) << "a single-use link takes one payment";
}

TEST(WixsimProcessTest, InitiatePaymentGivesACheckoutPageThatPaysTheLinkAndIsLogged) {
  WixsimProcess wixsim({"--plain"});
  const std::string id = created_link(wixsim, custom_link_request("12.50"))["id"];
  const std::string initiate = std::string(kLinks) + "/" + id + "/initiate-payment";
  const auto started = wixsim.api("POST", initiate, "{}");
  ASSERT_EQ(started.status, 200) << started.body;
  const std::string url = started.json()["ecomCheckout"]["checkoutUrl"];
  ASSERT_EQ(url.rfind(wixsim.base_url() + "/checkout/", 0), 0u) << url;

  const auto page = wixsim.get(path_of(url));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("12.50 EUR"), std::string::npos);
  const auto paid = http_call(wixsim.base_url(), "POST", path_of(url) + "/pay", "amount=12.50",
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(paid.status, 200);
  EXPECT_NE(paid.body.find("Paid"), std::string::npos);
  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/" + id).json()["paymentLink"]["status"],
            "PAID");

  const auto refused = wixsim.api("POST", initiate, "{}");
  EXPECT_EQ(refused.status, 428);
  EXPECT_EQ(refused.json()["details"]["applicationError"]["code"], "PAYMENT_LINK_NOT_PAYABLE");

  wixsim.process().signal(SIGTERM);
  ASSERT_EQ(wixsim.process().wait(10s), 0);
  const auto& log = wixsim.process().stderr_lines();
  for (const std::string& expected :
       {"wixsim: POST " + initiate + " 200 (initiate-payment)",
        "wixsim: GET " + path_of(url) + " 200 (initiated-checkout-page)",
        "wixsim: POST " + path_of(url) + "/pay 200 (initiated-checkout-pay)",
        "wixsim: POST " + initiate + " 428 (initiate-payment)"}) {
    EXPECT_NE(std::find(log.begin(), log.end(), expected), log.end()) << expected;
  }
}

TEST(WixsimProcessTest, IgnoringThePaymentsLimitTakesASecondPaymentOnAPaidLink) {
  WixsimProcess wixsim({"--plain", "--ignore-payments-limit"});
  const auto link = created_link(wixsim);
  const std::string pay = path_of(link["links"]["url"]["url"]) + "/pay";
  const HttpHeaders json_body{{"Content-Type", "application/json"}};
  EXPECT_EQ(http_call(wixsim.base_url(), "POST", pay, "{}", json_body).status, 200);
  EXPECT_EQ(http_call(wixsim.base_url(), "POST", pay, "{}", json_body).status, 200);
  const auto state = wixsim.get("/_wixsim/state").json();
  EXPECT_EQ(state["payments"].size(), 2u);
  EXPECT_EQ(state["links"][0]["status"], "PAID");
  EXPECT_EQ(state["links"][0]["totalPayments"], 2);
}

TEST(WixsimProcessTest, AutoPayPaysNewLinksAfterTheDelayUnlessDeactivated) {
  WixsimProcess wixsim({"--plain", "--auto-pay", "1"});
  const std::string paid_id = created_link(wixsim)["id"];
  const std::string cancelled_id = created_link(wixsim)["id"];
  EXPECT_EQ(
      wixsim.api("POST", std::string(kLinks) + "/" + cancelled_id + "/deactivate", "{}").status,
      200);
  EXPECT_TRUE(wixsim.get("/_wixsim/state").json()["payments"].empty()) << "not before the delay";

  // wixsim logs each auto-payment as it happens; the log is the event to wait for.
  ASSERT_TRUE(wixsim.process().wait_for_stderr("auto-pay: paid link " + paid_id, 10s));
  ASSERT_TRUE(
      wixsim.process().wait_for_stderr("auto-pay: link " + cancelled_id + " not paid", 10s));
  const auto state = wixsim.get("/_wixsim/state").json();
  ASSERT_EQ(state["payments"].size(), 1u);
  EXPECT_EQ(state["payments"][0]["paymentLinkId"], paid_id);
  EXPECT_EQ(wixsim.api("GET", std::string(kLinks) + "/" + paid_id).json()["paymentLink"]["status"],
            "PAID");
  EXPECT_EQ(
      wixsim.api("GET", std::string(kLinks) + "/" + cancelled_id).json()["paymentLink"]["status"],
      "INACTIVE");
}

TEST(WixsimProcessTest, ServesSeveralRequestsOnOneKeptAliveConnection) {
  WixsimProcess wixsim({"--plain"});
  HttpConnection connection(wixsim.base_url());
  ASSERT_TRUE(connection.connected());
  EXPECT_EQ(connection.call("GET", "/_wixsim/state").status, 200);
  EXPECT_EQ(connection.call("GET", "/no/such/page").status, 404);
  EXPECT_EQ(connection.call("GET", "/_wixsim/state").status, 200);
}

TEST(WixsimProcessTest, AnswersGarbageWith400AndKeepsServing) {
  WixsimProcess wixsim({"--plain"});
  HttpConnection garbage(wixsim.base_url());
  EXPECT_EQ(garbage.raw("THIS IS NOT HTTP\r\n\r\n").status, 400);
  EXPECT_EQ(wixsim.api("POST", kLinks, "{not json").status, 400);
  EXPECT_EQ(wixsim.get("/_wixsim/state").status, 200);
}

}  // namespace
}  // namespace linkpos::testing
