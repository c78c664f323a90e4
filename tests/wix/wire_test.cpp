#include "wix/wire.hpp"
#include "wix/http_date.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace linkpos::wix {
namespace {

using nlohmann::json;

TEST(WireTimeTest, WritesUtcWithMillisecondsAndReadsItBack) {
  const auto time = WallTime(std::chrono::milliseconds(1737451091648));
  EXPECT_EQ(to_rfc3339(time), "2025-01-21T09:18:11.648Z");
  EXPECT_EQ(from_rfc3339("2025-01-21T09:18:11.648Z"), time);
}

TEST(WireTimeTest, ReadsTheFormsTheContractShows) {
  EXPECT_EQ(from_rfc3339("2025-06-01T00:00:00Z"), WallTime(std::chrono::seconds(1748736000)));
  EXPECT_EQ(from_rfc3339("2025-06-01T02:00:00+02:00"), WallTime(std::chrono::seconds(1748736000)));
  EXPECT_EQ(from_rfc3339("2025-06-01T00:00:00.5Z"),
            WallTime(std::chrono::milliseconds(1748736000500)));
}

TEST(WireTimeTest, RefusesWhatIsNotADateTime) {
  for (const char* bad :
       {"", "2025-06-01", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-06-01T00:00:00",
        "2025-06-01T00:00:00Zjunk", "2025-06-01T00:00:00.Z", "1012-01-21T09:18:11.648Z",
        "9999-12-31T23:59:59Z"}) {
    EXPECT_FALSE(from_rfc3339(bad)) << bad;
  }
}

TEST(WireTest, CreateBodyIsAnEcomLinkWithOneCustomItemPerLine) {
  CreateLinkRequest request;
  request.title = "Café Zoë T1-01J";
  request.currency = "EUR";
  request.lines = {{"Sale", 1, "12.50"}};
  request.expires_at = WallTime(std::chrono::seconds(1748736000));
  const json body = json::parse(create_link_body(request));
  const json& link = body.at("paymentLink");
  EXPECT_EQ(link.at("type"), "ECOM");
  EXPECT_EQ(link.at("title"), "Café Zoë T1-01J");
  EXPECT_EQ(link.at("currency"), "EUR");
  EXPECT_EQ(link.at("paymentsLimit"), 1);
  EXPECT_EQ(link.at("expirationDate"), "2025-06-01T00:00:00.000Z");
  const json& item = link.at("ecomPaymentLink").at("lineItems").at(0);
  EXPECT_EQ(item.at("type"), "CUSTOM");
  EXPECT_EQ(item.at("customItem").at("name"), "Sale");
  EXPECT_EQ(item.at("customItem").at("quantity"), 1);
  EXPECT_EQ(item.at("customItem").at("price"), "12.50") << "money is a decimal string";
}

TEST(WireTest, PaymentsQueryFiltersByLinkWithCursorPaging) {
  const json first = json::parse(payments_of_link_query("L1"));
  EXPECT_EQ(first.at("query").at("filter").at("paymentLinkId"), "L1");
  EXPECT_EQ(first.at("query").at("cursorPaging").at("limit"), 100);
  EXPECT_FALSE(first.at("query").at("cursorPaging").contains("cursor"));
}

TEST(WireTest, ALaterPageIsAskedForByItsCursorAloneAsWixPages) {
  const json next = json::parse(next_page_query("abc"));
  EXPECT_EQ(next, json::parse(R"({"query": {"cursorPaging": {"cursor": "abc"}}})"))
      << "no filter or sort beside a cursor: Wix refuses them";
}

TEST(WireTest, LinksSinceQueryUsesCreatedDateGte) {
  const json query =
      json::parse(links_created_since_query(WallTime(std::chrono::seconds(1748736000))));
  EXPECT_EQ(query.at("query").at("filter").at("createdDate").at("$gte"),
            "2025-06-01T00:00:00.000Z");
}

TEST(WireTest, ReadsALinkToleratingUnknownFields) {
  const auto parsed = parse_link_reply(R"({"paymentLink": {
    "id": "6a206d71", "revision": "1", "title": "T", "currency": "EUR", "status": "ACTIVE",
    "createdDate": "2025-01-21T09:18:11.648Z", "expirationDate": "2025-06-01T00:00:00Z",
    "paymentsLimit": 1, "links": {"url": {"url": "https://site/pay/6a206d71", "base": "x"}},
    "somethingNew": {"deep": [1, 2]}}})");
  ASSERT_TRUE(std::holds_alternative<PaymentLinkInfo>(parsed));
  const auto& link = std::get<PaymentLinkInfo>(parsed);
  EXPECT_EQ(link.id, "6a206d71");
  EXPECT_EQ(link.url, "https://site/pay/6a206d71");
  EXPECT_EQ(link.status, LinkStatus::kActive);
  EXPECT_EQ(link.payments_limit, 1);
  EXPECT_TRUE(link.expires);
}

TEST(WireTest, ALinkWithoutAnIdOrAReplyWithoutALinkIsABadReply) {
  EXPECT_TRUE(
      std::holds_alternative<BadReply>(parse_link_reply(R"({"paymentLink": {"title": "x"}})")));
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_link_reply(R"({"link": {}})")));
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_link_reply("not json")));
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_link_reply("[]")));
}

TEST(WireTest, ReadsPaymentsWithEitherCurrencyFieldAndTheNextCursor) {
  const auto parsed = parse_payments_page(R"({"paymentLinkPayments": [
      {"id": "p1", "amount": "10.99", "paymentLinkId": "L", "currencyCode": "USD", "type": "REGULAR"},
      {"id": "p2", "amount": "5", "paymentLinkId": "L", "currency": "USD", "receiptId": "r2"}],
    "pagingMetadata": {"count": 2, "cursors": {"next": "c2"}, "hasNext": true}})");
  ASSERT_TRUE(std::holds_alternative<Page<LinkPayment>>(parsed));
  const auto& page = std::get<Page<LinkPayment>>(parsed);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].currency, "USD");
  EXPECT_EQ(page.items[0].amount, "10.99");
  EXPECT_EQ(page.items[1].currency, "USD");
  EXPECT_EQ(page.items[1].receipt_id, "r2");
  EXPECT_EQ(page.next_cursor, "c2");
}

TEST(WireTest, AnEmptyOrLastPageHasNoNextCursor) {
  const auto empty = parse_payments_page("{}");
  ASSERT_TRUE(std::holds_alternative<Page<LinkPayment>>(empty));
  EXPECT_TRUE(std::get<Page<LinkPayment>>(empty).items.empty());
  const auto last = parse_payments_page(R"({"paymentLinkPayments": [],
      "pagingMetadata": {"cursors": {"next": "stale"}, "hasNext": false}})");
  EXPECT_EQ(std::get<Page<LinkPayment>>(last).next_cursor, "");
}

TEST(WireTest, AnEntryThatCannotBeReadIsKeptWithItsProblemAndNeverHidesTheOthers) {
  const auto parsed = parse_payments_page(R"({"paymentLinkPayments": [
      {"id": "p1"}, "junk", {"amount": "1.00"},
      {"id": "p2", "amount": "12.500", "paymentLinkId": "L", "currency": "EUR"}]})");
  ASSERT_TRUE(std::holds_alternative<Page<LinkPayment>>(parsed));
  const auto& items = std::get<Page<LinkPayment>>(parsed).items;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].id, "p1");
  EXPECT_EQ(items[0].problem, "payment p1 has no amount");
  EXPECT_EQ(items[1].problem, "the entry is not an object");
  EXPECT_EQ(items[2].problem, "the payment has no id");
  EXPECT_EQ(items[2].id.rfind("no-id-", 0), 0u) << "kept under a name of its own";
  EXPECT_NE(items[1].id, items[2].id);
  const auto again = parse_payments_page(R"({"paymentLinkPayments": [{"amount": "1.00"}]})");
  EXPECT_EQ(std::get<Page<LinkPayment>>(again).items.at(0).id, items[2].id)
      << "the same entry has the same name in every poll";
  EXPECT_EQ(items[3].problem, "");
  EXPECT_EQ(items[3].amount, "12.500");
  EXPECT_TRUE(std::holds_alternative<BadReply>(
      parse_payments_page(R"({"paymentLinkPayments": {"id": "p"}})")))
      << "a list that is not a list is a bad reply as a whole";
}

TEST(WireTest, AnAmountSentAsAJsonNumberIsReadAsItsDecimalText) {
  const auto parsed = parse_payments_page(R"({"paymentLinkPayments": [
      {"id": "p1", "amount": 12.5, "paymentLinkId": "L", "currency": "EUR"},
      {"id": "p2", "amount": 11.733, "paymentLinkId": "L", "currency": "EUR"},
      {"id": "p3", "amount": 1250, "paymentLinkId": "L", "currency": "JPY"}]})");
  const auto& items = std::get<Page<LinkPayment>>(parsed).items;
  EXPECT_EQ(items[0].amount, "12.5");
  EXPECT_EQ(items[1].amount, "11.733");
  EXPECT_EQ(items[2].amount, "1250");
}

TEST(WireTest, ReadsWhoPaidTheKindAndTheMaskedCard) {
  const auto parsed = parse_payments_page(R"({"paymentLinkPayments": [
      {"id": "p1", "amount": "7.50", "paymentLinkId": "L", "currencyCode": "EUR", "type": "REGULAR",
       "regularPaymentLinkPayment": {"contactDetails": {"firstName": "John", "lastName": "Doe",
         "fullName": "John Doe"}, "creditCardPaymentMethodData": {"maskedCreditCard": "**** 5678"}}},
      {"id": "g1", "amount": "5.00", "paymentLinkId": "L", "currencyCode": "EUR", "type": "GIFT_CARD"}]})");
  const auto& items = std::get<Page<LinkPayment>>(parsed).items;
  EXPECT_EQ(items[0].payer, "John Doe");
  EXPECT_EQ(items[0].card, "**** 5678");
  EXPECT_EQ(items[0].kind, "REGULAR");
  EXPECT_EQ(items[1].kind, "GIFT_CARD");
  EXPECT_EQ(items[1].payer, "");
}

TEST(WireTest, ReadsTheSitesPaymentCurrencyNameAddressAndTimeZone) {
  const auto parsed = parse_site_properties(R"({"properties": {"paymentCurrency": "EUR",
      "businessName": "Café Zoë", "timeZone": "Europe/Paris", "locale": {"languageCode": "fr"},
      "address": {"street": {"number": "12", "name": "Rue des Lilas"}, "city": "Paris",
                  "zip": "75011", "country": "FR"}}})");
  ASSERT_TRUE(std::holds_alternative<SiteInfo>(parsed));
  const auto& site = std::get<SiteInfo>(parsed);
  EXPECT_EQ(site.payment_currency, "EUR");
  EXPECT_EQ(site.business_name, "Café Zoë");
  EXPECT_EQ(site.time_zone, "Europe/Paris");
  EXPECT_EQ(site.address, (std::vector<std::string>{"12 Rue des Lilas", "75011 Paris", "FR"}));
  const auto formatted = parse_site_properties(
      R"({"properties": {"address": {"formatted": "12 Rue des Lilas, 75011 Paris"}}})");
  EXPECT_EQ(std::get<SiteInfo>(formatted).address.at(0), "12 Rue des Lilas, 75011 Paris");
  EXPECT_EQ(std::get<SiteInfo>(formatted).payment_currency, "");
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_site_properties(R"({"site": {}})")));
}

TEST(WireTest, ReceiptIdsAreReadFromTheDocumentedShapeAndTheOthersClientsSee) {
  EXPECT_EQ(std::get<std::string>(parse_receipt_reply(R"({"receiptId": "r2"})")), "r2");
  EXPECT_EQ(std::get<std::string>(parse_receipt_reply(R"({"receipt": {"id": "r1"}})")), "r1");
  EXPECT_EQ(std::get<std::string>(parse_receipt_reply(R"({"id": "r3"})")), "r3");
  EXPECT_EQ(std::get<std::string>(
                parse_receipt_reply(R"({"receiptId": "doc", "receipt": {"id": "mock"}})")),
            "doc");
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_receipt_reply("{}")));
}

TEST(WireTest, InitiatePaymentGivesTheCheckoutUrlElseTheOrderUrl) {
  EXPECT_EQ(std::get<std::string>(parse_checkout_reply(
                R"({"ecomCheckout": {"checkoutUrl": "https://shop.example/checkout?id=c1"}})")),
            "https://shop.example/checkout?id=c1");
  EXPECT_EQ(std::get<std::string>(parse_checkout_reply(
                R"({"ecomOrder": {"orderUrl": "https://shop.example/order/o1", "x": 1}})")),
            "https://shop.example/order/o1");
  EXPECT_EQ(std::get<std::string>(parse_checkout_reply(
                R"({"ecomCheckout": {"checkoutUrl": "http://localhost:1/checkout/c"},
                    "ecomOrder": {"orderUrl": "http://localhost:1/order/o"}})")),
            "http://localhost:1/checkout/c")
      << "an ECOM link's checkout first";
}

TEST(WireTest, AnInitiatePaymentReplyWithoutAUsableUrlSaysWhatWasMissing) {
  const auto problem = [](std::string_view body) {
    const auto parsed = parse_checkout_reply(body);
    const auto* bad = std::get_if<BadReply>(&parsed);
    return bad == nullptr ? std::string("(read)") : bad->problem;
  };
  EXPECT_NE(problem("{}").find("ecomCheckout.checkoutUrl"), std::string::npos);
  EXPECT_NE(problem("{}").find("ecomOrder.orderUrl"), std::string::npos);
  EXPECT_NE(problem(R"({"ecomCheckout": {}})").find("ecomCheckout.checkoutUrl"), std::string::npos);
  EXPECT_NE(problem(R"({"ecomCheckout": {"checkoutUrl": 7}})").find("checkoutUrl"),
            std::string::npos);
  EXPECT_NE(problem(R"({"cashierOrder": {"orderId": "o1"}})").find("cashierOrder"),
            std::string::npos)
      << "the deprecated one-of is named";
  EXPECT_NE(problem(R"({"ecomCheckout": {"checkoutUrl": "javascript:void 0"}})").find("http"),
            std::string::npos)
      << "only a web address goes into the QR code";
  EXPECT_NE(problem("[]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(problem("").find("not a JSON object"), std::string::npos);
}

TEST(WireTest, ErrorBodiesGiveTheDescriptionThenTheCodeThenTheMessage) {
  const auto application = parse_error_body(R"({"message": "short", "details": {"applicationError":
      {"code": "UNPUBLISHED_SITE", "description": "The site is not published"}}})");
  EXPECT_EQ(application.code, "UNPUBLISHED_SITE");
  EXPECT_EQ(application.message, "The site is not published");
  EXPECT_EQ(parse_error_body(R"({"message": "m", "details": {"applicationError": {"code": "C"}}})")
                .message,
            "C");
  EXPECT_EQ(parse_error_body(R"({"message": "m"})").message, "m");
  EXPECT_EQ(parse_error_body("").message, "") << "5xx come with an empty body";
  const auto validation = parse_error_body(R"({"message": "bad", "details": {"validationError":
      {"fieldViolations": [{"field": "paymentLink.title", "description": "required"}]}}})");
  ASSERT_EQ(validation.field_violations.size(), 1u);
  EXPECT_EQ(validation.field_violations.front(), "paymentLink.title: required");
}

}  // namespace
}  // namespace linkpos::wix

namespace linkpos::wix {
namespace {

using namespace std::chrono_literals;

TEST(HttpDateTest, ReadsTheImfFixdateAndBothObsoleteForms) {
  const WallTime expected = WallTime(std::chrono::seconds(784111777));  // 1994-11-06 08:49:37
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), expected);
  EXPECT_FALSE(parse_http_date("2025-01-21T09:18:11Z"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT trailing"));
  EXPECT_FALSE(parse_http_date(""));
}

TEST(HttpDateTest, RetryAfterIsSecondsOrADateTakenAgainstTheServersClock) {
  const WallTime server_now = WallTime(std::chrono::seconds(784111777));
  EXPECT_EQ(retry_after_wait("7", server_now), 7s);
  EXPECT_EQ(retry_after_wait("Sun, 06 Nov 1994 08:49:47 GMT", server_now), 10s);
  EXPECT_EQ(retry_after_wait("Sun, 06 Nov 1994 08:49:30 GMT", server_now), 0s) << "already past";
  EXPECT_FALSE(retry_after_wait("soon", server_now));
  EXPECT_FALSE(retry_after_wait("", server_now));
  EXPECT_FALSE(retry_after_wait("-3", server_now));
}

}  // namespace
}  // namespace linkpos::wix
