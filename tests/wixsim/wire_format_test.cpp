// How wixsim writes amounts and payments' currency: its own canonical form at each scale, as
// decimal strings or JSON numbers, and the currency under the field(s) asked for.
#include <gtest/gtest.h>

#include "tools/wixsim/model/link_validation.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "wixsim/link_requests.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

WireFormat strings_at(int scale) {
  return {scale, AmountForm::kString, CurrencyFields::kBoth};
}

WireFormat numbers_at(int scale) {
  return {scale, AmountForm::kNumber, CurrencyFields::kBoth};
}

TEST(WireFormatTest, WritesAmountsAsStringsWithTheScaleWhenItHoldsThemExactly) {
  const DecimalAmount twelve_fifty{12'500};
  EXPECT_EQ(amount_json(twelve_fifty, strings_at(0)), "12.5");
  EXPECT_EQ(amount_json(twelve_fifty, strings_at(1)), "12.5");
  EXPECT_EQ(amount_json(twelve_fifty, strings_at(2)), "12.50");
  EXPECT_EQ(amount_json(twelve_fifty, strings_at(3)), "12.500");
  EXPECT_EQ(amount_json({1'250'000}, strings_at(0)), "1250");
  EXPECT_EQ(amount_json({1'250'000}, strings_at(2)), "1250.00");
  EXPECT_EQ(amount_json({11'733}, strings_at(0)), "11.733");
  EXPECT_EQ(amount_json({11'733}, strings_at(2)), "11.733");
  EXPECT_EQ(amount_json({11'733}, WireFormat{}), "11.733") << "the default is strings at 2";
  EXPECT_EQ(amount_json(twelve_fifty, WireFormat{}), "12.50");
}

TEST(WireFormatTest, WritesAmountsAsJsonNumbersWithoutTrailingZeros) {
  for (int scale = 0; scale <= 3; ++scale) {
    const json half = amount_json({12'500}, numbers_at(scale));
    ASSERT_TRUE(half.is_number_float()) << scale;
    EXPECT_EQ(half.dump(), "12.5") << scale;
    const json whole = amount_json({1'250'000}, numbers_at(scale));
    ASSERT_TRUE(whole.is_number_integer()) << scale;
    EXPECT_EQ(whole.dump(), "1250") << scale;
  }
  EXPECT_EQ(amount_json({11'733}, numbers_at(2)).dump(), "11.733");
  EXPECT_EQ(amount_json({5}, numbers_at(2)).dump(), "0.005");
  EXPECT_EQ(amount_json({kMaxAmountThousandths}, numbers_at(2)).dump(), "1000000000000000")
      << "whole amounts are exact whatever their size";
}

TEST(WireFormatTest, KnowsTheFlagsWords) {
  EXPECT_EQ(amount_form_from_name("string"), AmountForm::kString);
  EXPECT_EQ(amount_form_from_name("number"), AmountForm::kNumber);
  EXPECT_EQ(amount_form_from_name("float"), std::nullopt);
  EXPECT_EQ(currency_fields_from_name("currency"), CurrencyFields::kCurrency);
  EXPECT_EQ(currency_fields_from_name("currencyCode"), CurrencyFields::kCurrencyCode);
  EXPECT_EQ(currency_fields_from_name("both"), CurrencyFields::kBoth);
  EXPECT_EQ(currency_fields_from_name("currencycode"), std::nullopt);
}

LinkPayment sample_payment() {
  LinkPayment payment;
  payment.id = "p1";
  payment.link_id = "l1";
  payment.checkout_id = "c1";
  payment.amount = {12'500};
  payment.currency = "EUR";
  return payment;
}

TEST(WireFormatTest, APaymentCarriesItsCurrencyInTheFieldsAskedFor) {
  WireFormat format;
  format.payment_currency = CurrencyFields::kCurrency;
  auto written = payment_json(sample_payment(), format);
  EXPECT_EQ(written["currency"], "EUR");
  EXPECT_FALSE(written.contains("currencyCode"));

  format.payment_currency = CurrencyFields::kCurrencyCode;
  written = payment_json(sample_payment(), format);
  EXPECT_EQ(written["currencyCode"], "EUR");
  EXPECT_FALSE(written.contains("currency"));

  written = payment_json(sample_payment());
  EXPECT_EQ(written["currency"], "EUR");
  EXPECT_EQ(written["currencyCode"], "EUR");
}

TEST(WireFormatTest, APaymentsAmountFollowsTheFormat) {
  EXPECT_EQ(payment_json(sample_payment(), strings_at(3))["amount"], "12.500");
  EXPECT_EQ(payment_json(sample_payment(), numbers_at(2))["amount"].dump(), "12.5");
}

TEST(WireFormatTest, ALinksLineItemPricesAreWrittenInWixsimsFormNotAsTheClientSentThem) {
  auto body = testing::custom_link_request("12.5");
  body["paymentLink"]["ecomPaymentLink"]["lineItems"].push_back(
      {{"type", "CATALOG"},
       {"catalogItem",
        {{"quantity", 1},
         {"catalogReference", {{"appId", "a"}, {"catalogItemId", "P1"}}},
         {"catalogOverrideFields", {{"price", "1.5"}}}}}});
  body["paymentLink"]["ecomPaymentLink"]["lineItems"].push_back(
      {{"type", "CATALOG"},
       {"catalogItem", {{"catalogReference", {{"appId", "a"}, {"catalogItemId", "P2"}}}}}});
  PaymentLink link;
  link.terms = std::get<LinkTerms>(read_link_terms(body));
  const TimePoint now{};

  const auto items = link_json(link, now, strings_at(3))["ecomPaymentLink"]["lineItems"];
  EXPECT_EQ(items[0]["customItem"]["price"], "12.500");
  EXPECT_EQ(items[1]["catalogItem"]["catalogOverrideFields"]["price"], "1.500");
  EXPECT_FALSE(items[2]["catalogItem"].contains("catalogOverrideFields"))
      << "no price is added where the client gave none";
  EXPECT_EQ(items[0]["customItem"]["name"], "Amount") << "the rest as sent";

  const auto numbers = link_json(link, now, numbers_at(2))["ecomPaymentLink"]["lineItems"];
  EXPECT_EQ(numbers[0]["customItem"]["price"].dump(), "12.5");
}

TEST(WireFormatTest, AnOrderLinksAmountIsWrittenInWixsimsFormToo) {
  const json body = {{"paymentLink",
                      {{"title", "Order 1001"},
                       {"type", "ECOM_ORDER"},
                       {"currency", "USD"},
                       {"ecomOrderPaymentLink", {{"orderId", "o1"}, {"amount", "50"}}}}}};
  PaymentLink link;
  link.terms = std::get<LinkTerms>(read_link_terms(body));
  EXPECT_EQ(link_json(link, TimePoint{})["ecomOrderPaymentLink"]["amount"], "50.00");
}

}  // namespace
}  // namespace linkpos::tools::wixsim
