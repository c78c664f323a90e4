// The real wixsim binary, its variant flags set as a technician or a test of the terminal sets
// them, seen over loopback: amounts and currencies, discount and gift card, site properties,
// the clock and its Date headers, a busy site.
#include <gtest/gtest.h>

#include <cstdio>
#include <optional>

#include "wixsim/http_date_reader.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/wixsim_process.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kLinks = "/payment-links/v1/payment-links";
constexpr const char* kPayments = "/payment-links/v1/payment-link-payments/query";
constexpr const char* kProperties = "/site-properties/v4/properties";

std::string header(const HttpReply& reply, const std::string& name) {
  for (const auto& [field, value] : reply.headers) {
    if (field == name)
      return value;
  }
  return "";
}

json created_link(const WixsimProcess& wixsim, const json& request) {
  const auto reply = wixsim.api("POST", kLinks, request.dump());
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.json()["paymentLink"];
}

json payments_of(const WixsimProcess& wixsim, const std::string& link_id) {
  const json query = {{"query", {{"filter", {{"paymentLinkId", link_id}}}}}};
  return wixsim.api("POST", kPayments, query.dump()).json()["paymentLinkPayments"];
}

HttpReply pay(const WixsimProcess& wixsim, const std::string& link_id, const std::string& body,
              const std::string& content_type) {
  return http_call(wixsim.base_url(), "POST", "/pay/" + link_id + "/pay", body,
                   {{"Content-Type", content_type}});
}

std::chrono::sys_seconds system_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// An RFC 3339 UTC date-time, as a client writes expirationDate.
std::string rfc3339(std::chrono::sys_seconds time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

// The whole seconds of a UTC date-time as wixsim writes them ("2025-01-21T09:18:11.648Z").
std::optional<std::chrono::sys_seconds> read_rfc3339_seconds(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if (std::sscanf(text.c_str(), "%d-%u-%uT%d:%d:%d", &year, &month, &day, &hours, &minutes,
                  &seconds) != 6 ||
      !text.ends_with('Z')) {
    return std::nullopt;
  }
  return std::chrono::sys_days{std::chrono::year{year} / month / day} + std::chrono::hours{hours} +
         std::chrono::minutes{minutes} + std::chrono::seconds{seconds};
}

TEST(WixsimVariantsTest, DiscountGiftCardScaleAndCurrencyFieldFromFlags) {
  WixsimProcess wixsim({"--plain", "--amount-scale", "3", "--discount", "5", "--gift-card", "40",
                        "--payment-currency-field", "currencyCode"});
  const auto link = created_link(wixsim, custom_link_request("12.35", 2));
  const std::string id = link["id"];
  EXPECT_EQ(link["ecomPaymentLink"]["lineItems"][0]["customItem"]["price"], "12.350");

  const auto page = wixsim.get("/pay/" + id);
  EXPECT_NE(page.body.find("value=\"11.733\""), std::string::npos) << page.body;

  // The page's form, sent as the browser sends it, without changing the amount.
  ASSERT_EQ(pay(wixsim, id, "amount=11.733", "application/x-www-form-urlencoded").status, 200);
  auto payments = payments_of(wixsim, id);
  ASSERT_EQ(payments.size(), 2u);
  EXPECT_EQ(payments[0]["type"], "GIFT_CARD");
  EXPECT_EQ(payments[0]["amount"], "4.693");
  EXPECT_EQ(payments[1]["type"], "REGULAR");
  EXPECT_EQ(payments[1]["amount"], "7.040");
  EXPECT_EQ(payments[0]["ecomCheckout"], payments[1]["ecomCheckout"]);
  for (const auto& payment : payments) {
    EXPECT_EQ(payment["currencyCode"], "EUR");
    EXPECT_FALSE(payment.contains("currency"));
  }
  auto state = wixsim.get("/_wixsim/state").json();
  EXPECT_EQ(state["links"][0]["status"], "ACTIVE") << "one checkout of two";
  EXPECT_EQ(state["links"][0]["totalPayments"], 1);

  const auto chosen = pay(wixsim, id, R"({"amount": 20})", "application/json");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.json()["paymentLinkPayments"].size(), 2u);
  payments = payments_of(wixsim, id);
  ASSERT_EQ(payments.size(), 4u);
  EXPECT_EQ(payments[2]["amount"], "8.000");
  EXPECT_EQ(payments[3]["amount"], "12.000");
  state = wixsim.get("/_wixsim/state").json();
  EXPECT_EQ(state["links"][0]["status"], "PAID");
  EXPECT_EQ(state["payments"].size(), 4u) << "the dump lists every record";

  const auto other = created_link(wixsim, custom_link_request("5"));
  const auto refused = pay(wixsim, other["id"], R"({"amount": "0"})", "application/json");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["details"]["validationError"]["fieldViolations"][0]["field"], "amount");
}

TEST(WixsimVariantsTest, AmountsAsJsonNumbersAndTheCurrencyFieldAlone) {
  WixsimProcess wixsim({"--plain", "--amount-form", "number", "--amount-scale", "0",
                        "--payment-currency-field", "currency"});
  const auto link = created_link(wixsim, custom_link_request("12.50"));
  const auto price = link["ecomPaymentLink"]["lineItems"][0]["customItem"]["price"];
  EXPECT_TRUE(price.is_number()) << price;
  EXPECT_EQ(price.dump(), "12.5");
  ASSERT_EQ(pay(wixsim, link["id"], "{}", "application/json").status, 200);
  const auto payment = payments_of(wixsim, link["id"])[0];
  EXPECT_TRUE(payment["amount"].is_number());
  EXPECT_EQ(payment["amount"].dump(), "12.5");
  EXPECT_EQ(payment["currency"], "EUR");
  EXPECT_FALSE(payment.contains("currencyCode"));
}

TEST(WixsimVariantsTest, SitePropertiesFromFlagsAndMadeUnreadableByFaults) {
  WixsimProcess wixsim({"--plain", "--site-currency", "EUR", "--site-time-zone", "America/New_York",
                        "--site-business-name", "Café Test", "--fault", "site-properties:403:1"});
  const auto denied = wixsim.api("GET", kProperties);
  EXPECT_EQ(denied.status, 403);
  const auto error = denied.json()["details"]["applicationError"];
  EXPECT_EQ(error["code"], "PERMISSION_DENIED");
  EXPECT_NE(error["description"].get<std::string>().find("Read site, business, and email details"),
            std::string::npos);

  const auto read = wixsim.api("GET", kProperties);
  ASSERT_EQ(read.status, 200) << read.body;
  const auto properties = read.json()["properties"];
  EXPECT_EQ(properties["paymentCurrency"], "EUR");
  EXPECT_EQ(properties["timeZone"], "America/New_York");
  EXPECT_EQ(properties["businessName"], "Café Test");
  EXPECT_TRUE(properties["address"].is_object());

  const auto added = http_call(wixsim.base_url(), "POST", "/_wixsim/faults",
                               R"({"route": "site-properties", "fault": "404", "count": 1})",
                               {{"Content-Type", "application/json"}});
  ASSERT_EQ(added.status, 200) << added.body;
  const auto missing = wixsim.api("GET", kProperties);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["details"]["applicationError"]["code"], "NOT_FOUND");

  const auto dollars = wixsim.api("POST", kLinks, custom_link_request("5", 1, "USD").dump());
  EXPECT_EQ(dollars.status, 400);
  EXPECT_EQ(dollars.json()["details"]["validationError"]["fieldViolations"][0]["field"],
            "paymentLink.currency");
}

TEST(WixsimVariantsTest, EveryAnswerIsDatedByWixsimsClockWhichTheOffsetSetsAhead) {
  WixsimProcess wixsim({"--plain", "--clock-offset", "7200", "--fault",
                        "get-settings:503:1:retry_after=30:retry_after_date=1"});
  const auto before = system_now();
  const auto state = wixsim.get("/_wixsim/state");
  const auto missing = wixsim.get("/no/such/page");
  auto request = custom_link_request();
  // An hour left by this machine's clock, which is two hours behind wixsim's.
  request["paymentLink"]["expirationDate"] = rfc3339(before + 1h);
  const auto created = wixsim.api("POST", kLinks, request.dump());
  const auto after = system_now() + 1s;

  for (const auto* reply : {&state, &missing, &created}) {
    const auto date = read_http_date(header(*reply, "Date"));
    ASSERT_TRUE(date) << "\"" << header(*reply, "Date") << "\"";
    EXPECT_GE(*date, before + 2h);
    EXPECT_LE(*date, after + 2h);
  }
  ASSERT_EQ(created.status, 200) << created.body;
  const auto link = created.json()["paymentLink"];
  EXPECT_EQ(link["status"], "EXPIRED") << "past its date by wixsim's clock";
  const auto created_at = read_rfc3339_seconds(link["createdDate"]);
  ASSERT_TRUE(created_at) << link["createdDate"];
  EXPECT_GE(*created_at, before + 2h);
  EXPECT_LE(*created_at, after + 2h);

  const auto busy = wixsim.api("GET", "/payment-links/v1/payment-links-settings");
  EXPECT_EQ(busy.status, 503);
  const auto date = read_http_date(header(busy, "Date"));
  const auto retry_at = read_http_date(header(busy, "Retry-After"));
  ASSERT_TRUE(date && retry_at) << header(busy, "Retry-After");
  EXPECT_GE(*retry_at, *date + 30s) << "never sooner than asked";
  EXPECT_LE(*retry_at, *date + 31s);
}

TEST(WixsimVariantsTest, AClockBehindKeepsALinkActiveThatThisMachineWouldCallExpired) {
  WixsimProcess wixsim({"--plain", "--clock-offset", "-7200.5"});
  const auto before = system_now();
  auto request = custom_link_request();
  request["paymentLink"]["expirationDate"] = rfc3339(before - 1h);
  const auto created = wixsim.api("POST", kLinks, request.dump());
  const auto after = system_now() + 1s;
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.json()["paymentLink"]["status"], "ACTIVE");
  const auto date = read_http_date(header(created, "Date"));
  ASSERT_TRUE(date);
  EXPECT_GE(*date, before - 2h - 1s);
  EXPECT_LE(*date, after - 2h);
}

TEST(WixsimVariantsTest, ABusySitePutsTheTerminalsLinkOnPageTwoOfANewestFirstSearch) {
  WixsimProcess wixsim({"--plain", "--busy-site", "150"});
  const std::string id = created_link(wixsim, custom_link_request())["id"];
  const std::string query = "/payment-links/v1/payment-links/query";
  const json first_query = {{"query",
                             {{"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}},
                              {"cursorPaging", {{"limit", 100}}}}}};
  const auto first = wixsim.api("POST", query, first_query.dump()).json();
  ASSERT_EQ(first["paymentLinks"].size(), 100u);
  for (const auto& link : first["paymentLinks"])
    EXPECT_NE(link["id"], id);
  const std::string next = first["pagingMetadata"]["cursors"]["next"];

  const json resorted = {{"query",
                          {{"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}},
                           {"cursorPaging", {{"cursor", next}}}}}};
  const auto refused = wixsim.api("POST", query, resorted.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["details"]["validationError"]["fieldViolations"][0]["field"],
            "query.sort");

  const json continued = {{"query", {{"cursorPaging", {{"cursor", next}, {"limit", 100}}}}}};
  const auto second = wixsim.api("POST", query, continued.dump()).json();
  ASSERT_EQ(second["paymentLinks"].size(), 51u);
  EXPECT_EQ(second["paymentLinks"][50]["id"], id) << "the oldest of the 151";
}

TEST(WixsimVariantsTest, UnusableVariantFlagsAreUsageErrors) {
  for (const std::vector<std::string>& flag : {std::vector<std::string>{"--amount-scale", "4"},
                                               {"--amount-form", "float"},
                                               {"--payment-currency-field", "code"},
                                               {"--discount", "101"},
                                               {"--gift-card", "x"},
                                               {"--site-currency", "EURO"},
                                               {"--busy-site", "-1"},
                                               {"--clock-offset", "soon"},
                                               {"--site-time-zone", ""}}) {
    std::vector<std::string> arguments{WIXSIM_BINARY, "--listen",  "127.0.0.1:0", "--api-key",
                                       "k",           "--site-id", "s",           "--plain"};
    arguments.insert(arguments.end(), flag.begin(), flag.end());
    ChildProcess wixsim(arguments);
    EXPECT_EQ(wixsim.wait(10s), 64) << flag[0] << " " << flag[1];
  }
}

TEST(WixsimVariantsTest, HelpListsEveryVariantFlag) {
  ChildProcess wixsim({WIXSIM_BINARY, "--help"});
  ASSERT_EQ(wixsim.wait(10s), 0);
  std::string help;
  for (const auto& line : wixsim.stdout_lines())
    help += line + "\n";
  for (const char* flag :
       {"--amount-scale", "--amount-form", "--payment-currency-field", "--discount", "--gift-card",
        "--site-currency", "--site-time-zone", "--site-business-name", "--clock-offset",
        "--busy-site", "--fault", "--ignore-payments-limit"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace linkpos::testing
