// What a Create Payment Link request must hold, and the validation errors Wix answers otherwise.
#include <gtest/gtest.h>

#include <algorithm>

#include "tools/wixsim/model/link_validation.hpp"
#include "wixsim/link_requests.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;
using testing::custom_link_request;

LinkTerms accepted(const json& body) {
  auto result = read_link_terms(body);
  if (auto* error = std::get_if<WixError>(&result)) {
    ADD_FAILURE() << error_body(*error).dump();
    return {};
  }
  return std::get<LinkTerms>(std::move(result));
}

WixError refused(const json& body) {
  auto result = read_link_terms(body);
  if (!std::holds_alternative<WixError>(result)) {
    ADD_FAILURE() << "accepted " << body.dump();
    return {};
  }
  return std::get<WixError>(std::move(result));
}

// The rule the violation of `field` names, or "" if that field has none.
std::string rule_for(const WixError& error, const std::string& field) {
  const auto found = std::find_if(error.violations.begin(), error.violations.end(),
                                  [&](const auto& violation) { return violation.field == field; });
  return found == error.violations.end() ? "" : found->violated_rule;
}

TEST(LinkValidationTest, AcceptsTheTerminalsRequestAndTotalsItsLineItems) {
  auto body = custom_link_request("3.25");
  body["paymentLink"]["ecomPaymentLink"]["lineItems"][0]["customItem"]["quantity"] = 2;
  body["paymentLink"]["ecomPaymentLink"]["lineItems"].push_back(
      {{"type", "CUSTOM"}, {"customItem", {{"name", "Tip"}, {"quantity", 1}, {"price", "1"}}}});
  body["paymentLink"]["expirationDate"] = "2025-06-01T00:00:00Z";
  body["paymentLink"]["note"] = {{"text", "terminal DEMO1"}};
  const auto terms = accepted(body);
  EXPECT_EQ(terms.type, "ECOM");
  EXPECT_EQ(terms.title, "Sale DEMO1-01J");
  EXPECT_EQ(terms.currency, "EUR");
  EXPECT_EQ(terms.payments_limit, 1);
  EXPECT_EQ(format_decimal_amount(terms.total, 2), "7.50");
  ASSERT_EQ(terms.lines.size(), 2u);
  EXPECT_EQ(terms.lines[0].name, "Amount");
  EXPECT_EQ(terms.lines[0].quantity, 2);
  EXPECT_EQ(format_rfc3339(*terms.expiration), "2025-06-01T00:00:00.000Z");
  EXPECT_EQ(terms.echoed["note"]["text"], "terminal DEMO1");
  EXPECT_EQ(terms.echoed["ecomPaymentLink"], body["paymentLink"]["ecomPaymentLink"]);
}

TEST(LinkValidationTest, TrimsNonVisibleCharactersFromTheTitle) {
  auto body = custom_link_request();
  body["paymentLink"]["title"] = " \tCoffee\n";
  EXPECT_EQ(accepted(body).title, "Coffee");
  body["paymentLink"]["title"] = " \t ";
  EXPECT_EQ(rule_for(refused(body), "paymentLink.title"), "REQUIRED_FIELD");
}

TEST(LinkValidationTest, ListsEveryBrokenRuleAtOnce) {
  const json body = {
      {"paymentLink", {{"type", "INVOICE"}, {"currency", "ZZZ"}, {"paymentsLimit", 0}}}};
  const auto error = refused(body);
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(rule_for(error, "paymentLink.title"), "REQUIRED_FIELD");
  EXPECT_EQ(rule_for(error, "paymentLink.type"), "INVALID_ENUM_VALUE");
  EXPECT_EQ(rule_for(error, "paymentLink.currency"), "FORMAT");
  EXPECT_EQ(rule_for(error, "paymentLink.paymentsLimit"), "MIN");

  const auto wire = error_body(error);
  const auto& violation = wire["details"]["validationError"]["fieldViolations"][0];
  EXPECT_TRUE(violation.contains("field") && violation.contains("description") &&
              violation.contains("violatedRule") && violation.contains("ruleName"));
  EXPECT_TRUE(wire["message"].is_string());
}

TEST(LinkValidationTest, RefusesABodyWithoutAPaymentLink) {
  EXPECT_EQ(rule_for(refused(json::object()), "paymentLink"), "REQUIRED_FIELD");
  EXPECT_EQ(rule_for(refused(json::array()), "paymentLink"), "REQUIRED_FIELD");
}

TEST(LinkValidationTest, AnEcomLinkNeedsLineItems) {
  auto body = custom_link_request();
  body["paymentLink"]["ecomPaymentLink"]["lineItems"] = json::array();
  EXPECT_EQ(rule_for(refused(body), "paymentLink.ecomPaymentLink.lineItems"), "MIN_SIZE");
  body["paymentLink"].erase("ecomPaymentLink");
  EXPECT_EQ(rule_for(refused(body), "paymentLink.ecomPaymentLink.lineItems"), "MIN_SIZE");
}

TEST(LinkValidationTest, APriceMustBeANonNegativeDecimalStringWithAtMostThreePlaces) {
  const std::string field = "paymentLink.ecomPaymentLink.lineItems[0].customItem.price";
  const auto rule_for_price = [&](const json& price) {
    auto body = custom_link_request();
    body["paymentLink"]["ecomPaymentLink"]["lineItems"][0]["customItem"]["price"] = price;
    return rule_for(refused(body), field);
  };
  EXPECT_EQ(rule_for_price("-1.00"), "DECIMAL_GTE");
  EXPECT_EQ(rule_for_price("1.2345"), "DECIMAL_MAX_SCALE");
  EXPECT_EQ(rule_for_price("12,50"), "FORMAT");
  EXPECT_EQ(rule_for_price("abc"), "FORMAT");
  EXPECT_EQ(rule_for_price(12.5), "FORMAT") << "a number is not a decimal string";
  EXPECT_EQ(rule_for_price("10000000000000000"), "DECIMAL_LTE");
  EXPECT_EQ(format_decimal_amount(accepted(custom_link_request("0.125")).total, 2), "0.125");
  EXPECT_EQ(format_decimal_amount(accepted(custom_link_request("0")).total, 0), "0");
}

TEST(LinkValidationTest, QuantitiesArePositiveIntegers) {
  auto body = custom_link_request();
  body["paymentLink"]["ecomPaymentLink"]["lineItems"][0]["customItem"]["quantity"] = 0;
  EXPECT_EQ(rule_for(refused(body), "paymentLink.ecomPaymentLink.lineItems[0].customItem.quantity"),
            "MIN");
}

TEST(LinkValidationTest, CatalogItemsArePricedByTheirOverrideOrTheEmulatorsFixedPrice) {
  auto body = custom_link_request();
  body["paymentLink"]["ecomPaymentLink"]["lineItems"] = {
      {{"type", "CATALOG"},
       {"catalogItem",
        {{"quantity", 2},
         {"catalogReference",
          {{"appId", "215238eb-22a5-4c36-9e7b-e7c08025e04e"}, {"catalogItemId", "P1"}}}}}},
      {{"type", "CATALOG"},
       {"catalogItem",
        {{"quantity", 1},
         {"catalogReference",
          {{"appId", "215238eb-22a5-4c36-9e7b-e7c08025e04e"}, {"catalogItemId", "P2"}}},
         {"catalogOverrideFields", {{"price", "1.50"}}}}}}};
  EXPECT_EQ(format_decimal_amount(accepted(body).total, 2), "21.50");
}

TEST(LinkValidationTest, AnOrderLinkTakesExactlyOnePayment) {
  json body = {{"paymentLink",
                {{"title", "Order 1001"},
                 {"type", "ECOM_ORDER"},
                 {"currency", "USD"},
                 {"ecomOrderPaymentLink",
                  {{"orderId", "095159f9-9f44-4ce0-a06f-312d59d56760"}, {"amount", "50"}}}}}};
  const auto terms = accepted(body);
  EXPECT_EQ(terms.payments_limit, 1);
  EXPECT_EQ(format_decimal_amount(terms.total, 0), "50");

  body["paymentLink"]["paymentsLimit"] = 2;
  const auto error = refused(body);
  EXPECT_EQ(error.code, "INVALID_PAYMENTS_LIMIT_FOR_ECOM_ORDER_PAYMENT_LINK");
  EXPECT_EQ(error.http_status, 400);
}

TEST(LinkValidationTest, TheFilledOneOfMustMatchTheType) {
  auto body = custom_link_request();
  body["paymentLink"]["ecomOrderPaymentLink"] = {{"orderId", "x"}, {"amount", "1"}};
  EXPECT_EQ(rule_for(refused(body), "paymentLink.ecomOrderPaymentLink"), "ONE_OF_ALIGNMENT");
}

TEST(LinkValidationTest, AnExpirationDateMustBeADateTime) {
  auto body = custom_link_request();
  body["paymentLink"]["expirationDate"] = "tomorrow";
  EXPECT_EQ(rule_for(refused(body), "paymentLink.expirationDate"), "FORMAT");
}

}  // namespace
}  // namespace linkpos::tools::wixsim
