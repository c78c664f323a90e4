// What one checkout pays and records: the discount, a gift card's record beside the card's, an
// amount the customer chose, and several checkouts of one link up to its payments limit.
#include <gtest/gtest.h>

#include "tools/wixsim/model/link_validation.hpp"
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

constexpr const char* kPaymentsQuery = "/payment-links/v1/payment-link-payments/query";

class CheckoutPaymentsTest : public ::testing::Test {
 protected:
  // A site whose options a test sets before its first call.
  SiteState& site() {
    if (!site_) {
      site_.emplace(options, guids);
      api_.emplace(
          *site_, [this] { return now; }, nullptr);
      checkout_.emplace(*site_, [this] { return now; });
      router_.emplace(wixsim_routes(*api_, *checkout_), Credentials{"KEY", "SITE"});
    }
    return *site_;
  }

  std::string create(const std::string& price = "12.35", int payments_limit = 1) {
    return site()
        .create_link(
            std::get<LinkTerms>(read_link_terms(custom_link_request(price, payments_limit))), now)
        .id;
  }

  HttpResponse send(HttpRequest request) {
    site();
    return router_->handle(request).response;
  }

  // Pays through the checkout as a test does, with a JSON body.
  HttpResponse pay_json(const std::string& id, const std::string& body) {
    return send({"POST", "/pay/" + id + "/pay", {{"Content-Type", "application/json"}}, body});
  }

  // Pays through the checkout as the page's form does.
  HttpResponse pay_form(const std::string& id, const std::string& body) {
    return send({"POST",
                 "/pay/" + id + "/pay",
                 {{"Content-Type", "application/x-www-form-urlencoded"}},
                 body});
  }

  json payments_of(const std::string& id) {
    const auto response = send({"POST",
                                kPaymentsQuery,
                                {{"Authorization", "KEY"}, {"wix-site-id", "SITE"}},
                                json{{"query", {{"filter", {{"paymentLinkId", id}}}}}}.dump()});
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body)["paymentLinkPayments"];
  }

  std::string status_of(const std::string& id) {
    return std::string(status_name(status_at(*site().find_link(id), now)));
  }

  SiteOptions options = testing::site_options("http://localhost:8080");
  TimePoint now = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h;
  GuidSource guids{11};

 private:
  std::optional<SiteState> site_;
  std::optional<WixApi> api_;
  std::optional<Checkout> checkout_;
  std::optional<Router> router_;
};

TEST_F(CheckoutPaymentsTest, ADiscountMakesEveryCheckoutPayLessThanTheTotal) {
  options.pricing.discount = {5'000};
  const std::string id = create("12.35");
  EXPECT_EQ(site().amount_due(*site().find_link(id)), (DecimalAmount{11'733}));
  const auto reply = pay_json(id, "{}");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(json::parse(reply.body)["paymentLinkPayment"]["amount"], "11.733");
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["amount"], "11.733") << "12.35 less 5 %, rounded half up";
  EXPECT_EQ(status_of(id), "PAID") << "a discounted payment still completes the checkout";
}

TEST_F(CheckoutPaymentsTest, AGiftCardCheckoutMakesAGiftCardRecordAndACardRecordTogether) {
  options.pricing.discount = {5'000};
  options.pricing.gift_card = {40'000};
  const std::string id = create("12.35");
  ASSERT_TRUE(site().payments().empty());

  const auto reply = pay_json(id, R"({"contactDetails": {"email": "zoe@example.com"}})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  // One call made both: there is no moment with one record and not the other.
  ASSERT_EQ(site().payments().size(), 2u);

  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 2u);
  const auto& gift = payments[0];
  const auto& card = payments[1];
  EXPECT_EQ(gift["type"], "GIFT_CARD");
  EXPECT_EQ(gift["amount"], "4.693") << "40 % of 11.733, rounded half up";
  EXPECT_TRUE(
      gift["giftCardPaymentLinkPayment"]["maskedGiftCardCode"].get<std::string>().starts_with(
          "****-****-"));
  EXPECT_FALSE(gift.contains("regularPaymentLinkPayment"));
  EXPECT_EQ(card["type"], "REGULAR");
  EXPECT_EQ(card["amount"], "7.04") << "the rest, 7.040 at scale 2";
  EXPECT_EQ(card["regularPaymentLinkPayment"]["contactDetails"]["email"], "zoe@example.com");
  EXPECT_EQ(gift["ecomCheckout"]["ecomCheckoutId"], card["ecomCheckout"]["ecomCheckoutId"]);
  EXPECT_NE(gift["id"], card["id"]);
  EXPECT_EQ(gift["createdDate"], card["createdDate"]);
  EXPECT_EQ(gift["paymentLinkId"], id);

  const auto answer = json::parse(reply.body);
  EXPECT_EQ(answer["paymentLinkPayment"]["id"], card["id"]) << "the card's record";
  EXPECT_EQ(answer["paymentLinkPayments"].size(), 2u);
  EXPECT_EQ(link_json(*site().find_link(id), now)["totalPayments"], 1) << "one checkout";
  EXPECT_EQ(status_of(id), "PAID");
}

TEST_F(CheckoutPaymentsTest, AGiftCardThatPaysEverythingMakesItsRecordAlone) {
  options.pricing.gift_card = {100'000};
  const std::string id = create("12.35");
  const auto reply = pay_json(id, "{}");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["type"], "GIFT_CARD");
  EXPECT_EQ(payments[0]["amount"], "12.35");
  EXPECT_EQ(json::parse(reply.body)["paymentLinkPayment"]["type"], "GIFT_CARD");
}

TEST_F(CheckoutPaymentsTest, ALinkTakesCheckoutsUpToItsPaymentsLimitThenIsPaid) {
  const std::string id = create("5.00", 3);
  EXPECT_EQ(pay_json(id, "{}").status, 200);
  EXPECT_EQ(status_of(id), "ACTIVE");
  EXPECT_EQ(pay_json(id, "{}").status, 200);
  EXPECT_EQ(status_of(id), "ACTIVE");
  EXPECT_EQ(pay_json(id, "{}").status, 200);
  EXPECT_EQ(status_of(id), "PAID");
  const auto refused = pay_json(id, "{}");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(payments_of(id).size(), 3u);
  EXPECT_EQ(link_json(*site().find_link(id), now)["totalPayments"], 3);
}

TEST_F(CheckoutPaymentsTest, GiftCardCheckoutsCountOnceEachTowardsTheLimit) {
  options.pricing.gift_card = {50'000};
  const std::string id = create("10.00", 2);
  EXPECT_EQ(pay_json(id, "{}").status, 200);
  EXPECT_EQ(status_of(id), "ACTIVE") << "two records, one checkout";
  EXPECT_EQ(pay_json(id, "{}").status, 200);
  EXPECT_EQ(status_of(id), "PAID");
  EXPECT_EQ(payments_of(id).size(), 4u);
  EXPECT_EQ(link_json(*site().find_link(id), now)["totalPayments"], 2);
}

TEST_F(CheckoutPaymentsTest, TheCustomerMayPayAnAmountOfTheirChoiceAsAStringOrANumber) {
  const std::string a = create("12.35");
  const std::string b = create("12.35");
  const std::string c = create("12.35");
  const std::string d = create("12.35");
  ASSERT_EQ(pay_json(a, R"({"amount": "15.00"})").status, 200);
  ASSERT_EQ(pay_json(b, R"({"amount": 15.5})").status, 200);
  ASSERT_EQ(pay_json(c, R"({"amount": 3})").status, 200);
  ASSERT_EQ(pay_form(d, "amount=0.125&pay=1").status, 200);
  EXPECT_EQ(payments_of(a)[0]["amount"], "15.00") << "more than the total: a tip";
  EXPECT_EQ(payments_of(b)[0]["amount"], "15.50");
  EXPECT_EQ(payments_of(c)[0]["amount"], "3.00") << "less: a part";
  EXPECT_EQ(payments_of(d)[0]["amount"], "0.125");
  EXPECT_EQ(status_of(c), "PAID") << "one checkout, whatever it paid";
}

TEST_F(CheckoutPaymentsTest, AChosenAmountIsSplitWithTheGiftCardButNotDiscounted) {
  options.pricing.discount = {5'000};
  options.pricing.gift_card = {40'000};
  const std::string id = create("12.35");
  ASSERT_EQ(pay_json(id, R"({"amount": "20"})").status, 200);
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 2u);
  EXPECT_EQ(payments[0]["amount"], "8.00");
  EXPECT_EQ(payments[1]["amount"], "12.00");
}

TEST_F(CheckoutPaymentsTest, AnAmountThatIsNotAWixDecimalAboveZeroIsRefusedNamingTheField) {
  const std::string id = create("12.35");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"amount": "0"})", "DECIMAL_GT"},
      {R"({"amount": 0})", "DECIMAL_GT"},
      {R"({"amount": "-1"})", "DECIMAL_GT"},
      {R"({"amount": -2.5})", "DECIMAL_GT"},
      {R"({"amount": "1.2345"})", "DECIMAL_MAX_SCALE"},
      {R"({"amount": 15.0001})", "DECIMAL_MAX_SCALE"},
      {R"({"amount": "12,50"})", "FORMAT"},
      {R"({"amount": true})", "FORMAT"},
      {R"({"amount": "1e3"})", "FORMAT"},
      {R"({"amount": "2000000000000000"})", "DECIMAL_LTE"},
  };
  for (const auto& [body, rule] : bad) {
    const auto reply = pay_json(id, body);
    EXPECT_EQ(reply.status, 400) << body;
    const auto violation =
        json::parse(reply.body)["details"]["validationError"]["fieldViolations"][0];
    EXPECT_EQ(violation["field"], "amount") << body;
    EXPECT_EQ(violation["violatedRule"], rule) << body;
  }
  const auto form = pay_form(id, "amount=abc");
  EXPECT_EQ(form.status, 400);
  EXPECT_EQ(form.content_type, "text/html; charset=utf-8");
  EXPECT_NE(form.body.find("amount"), std::string::npos);
  EXPECT_EQ(pay_form(id, "amount=").status, 400) << "an emptied field is not \"what is due\"";
  EXPECT_TRUE(site().payments().empty()) << "nothing was paid";
  EXPECT_EQ(status_of(id), "ACTIVE");
}

TEST_F(CheckoutPaymentsTest, WithoutAnAmountTheFormPaysWhatIsDue) {
  options.pricing.discount = {5'000};
  const std::string id = create("12.35");
  const auto reply = pay_form(id, "pay=1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(reply.body.find("11.733 EUR"), std::string::npos) << reply.body;
  EXPECT_EQ(payments_of(id)[0]["amount"], "11.733");
}

TEST_F(CheckoutPaymentsTest, TheCheckoutPageOffersAnAmountFieldPrefilledWithWhatIsDue) {
  options.pricing.discount = {5'000};
  options.wire.amount_scale = 3;
  const std::string id = create("12");
  const auto page = send({"GET", "/pay/" + id, {}, ""});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("12.000 EUR"), std::string::npos) << "the total";
  EXPECT_NE(page.body.find("Discount 5 %"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"amount\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"11.400\""), std::string::npos) << page.body;
}

TEST_F(CheckoutPaymentsTest, NothingDueMeansNoAmountFieldAndAZeroRecord) {
  options.pricing.discount = {100'000};
  const std::string id = create("12");
  const auto page = send({"GET", "/pay/" + id, {}, ""});
  EXPECT_EQ(page.body.find("name=\"amount\""), std::string::npos);
  ASSERT_EQ(pay_form(id, "").status, 200);
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["amount"], "0.00");
  EXPECT_EQ(payments[0]["type"], "REGULAR");
}

}  // namespace
}  // namespace linkpos::tools::wixsim
