#include "wix/wire.hpp"

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
  const json first = json::parse(payments_of_link_query("L1", ""));
  EXPECT_EQ(first.at("query").at("filter").at("paymentLinkId"), "L1");
  EXPECT_EQ(first.at("query").at("cursorPaging").at("limit"), 100);
  EXPECT_FALSE(first.at("query").at("cursorPaging").contains("cursor"));
  const json next = json::parse(payments_of_link_query("L1", "abc"));
  EXPECT_EQ(next.at("query").at("cursorPaging").at("cursor"), "abc");
}

TEST(WireTest, LinksSinceQueryUsesCreatedDateGte) {
  const json query =
      json::parse(links_created_since_query(WallTime(std::chrono::seconds(1748736000)), ""));
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

TEST(WireTest, APaymentWithoutAnAmountIsABadReply) {
  EXPECT_TRUE(std::holds_alternative<BadReply>(
      parse_payments_page(R"({"paymentLinkPayments": [{"id": "p"}]})")));
  EXPECT_TRUE(std::holds_alternative<BadReply>(
      parse_payments_page(R"({"paymentLinkPayments": {"id": "p"}})")));
}

TEST(WireTest, ReceiptIdsAreReadFromTheShapesClientsSee) {
  EXPECT_EQ(std::get<std::string>(parse_receipt_reply(R"({"receipt": {"id": "r1"}})")), "r1");
  EXPECT_EQ(std::get<std::string>(parse_receipt_reply(R"({"receiptId": "r2"})")), "r2");
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_receipt_reply("{}")));
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
