#include "wix/server_text.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "wix/wire.hpp"
#include "wix/wix_error.hpp"

namespace linkpos::wix {
namespace {

using nlohmann::json;

// Whether `text` could go into one log line as it is: no byte a terminal or a log reader would
// take for a line break or a command.
bool is_one_tame_line(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F)
      return false;
    // C1 controls in UTF-8 are 0xC2 0x80..0x9F.
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      return false;
  }
  return true;
}

std::size_t characters_in(const std::string& utf8) {
  std::size_t count = 0;
  for (const char c : utf8)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

const std::string kHostile = std::string("ok\nlinkpos: error: forged\r\x1b[2J\a") +
                             std::string(1, '\0') + "\x7f" + "\xc2\x85" + "end";

TEST(ServerTextTest, ControlCharactersOfEveryKindAreDropped) {
  EXPECT_EQ(tame_server_text(kHostile), "oklinkpos: error: forged[2Jend");
  EXPECT_EQ(tame_server_text("tab\there"), "tabhere");
}

TEST(ServerTextTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(tame_server_text("a\xff"
                             "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(tame_server_text("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "an overlong '/'";
  EXPECT_EQ(tame_server_text("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD")
      << "a surrogate";
  EXPECT_EQ(tame_server_text("cut \xe2\x82"), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ServerTextTest, LongTextIsCutAtTwoHundredCharactersNeverInsideOne) {
  EXPECT_EQ(tame_server_text(std::string(5000, 'x')), std::string(200, 'x'));
  std::string euros;
  for (int i = 0; i < 300; ++i)
    euros += "\xe2\x82\xac";  // €, three bytes
  const std::string kept = tame_server_text("a" + euros);
  EXPECT_EQ(characters_in(kept), 200u);
  EXPECT_EQ(kept, "a" + euros.substr(0, 199 * 3)) << "whole euros only";
  EXPECT_EQ(tame_server_text("Zoë 😀 ok"), "Zoë 😀 ok") << "multi-byte text is kept whole";
}

TEST(ServerTextTest, OnlyWebAddressesWithoutControlsOrSpacesAreUrls) {
  EXPECT_TRUE(is_web_url("https://www.wix.com/pay/abc?x=1"));
  EXPECT_TRUE(is_web_url("http://localhost:8080/l/1"));
  for (const char* bad :
       {"javascript:alert(1)", "tel:+123", "https://", "https:///path", "https://a b",
        "https://a\nb", "https://a\tb", "https://a\x7f", "ftp://x", "https://\xc2\x85x"}) {
    EXPECT_FALSE(is_web_url(bad)) << bad;
  }
  EXPECT_TRUE(is_web_url("https://x.test/" + std::string(5000, 'a'))) << "URLs are not cut";
}

TEST(ServerTextWireTest, AnErrorMessageCannotForgeALogLine) {
  const json body = {
      {"message", "m\n"},
      {"details", {{"applicationError", {{"code", "BAD\nCODE"}, {"description", kHostile}}}}}};
  const auto parsed = parse_error_body(body.dump());
  EXPECT_TRUE(is_one_tame_line(parsed.message)) << parsed.message;
  EXPECT_TRUE(is_one_tame_line(parsed.code));
  const WixError error = error_from_response(400, body.dump(), "", {});
  EXPECT_TRUE(is_one_tame_line(error.message)) << error.message;
  EXPECT_NE(error.message.find("forged"), std::string::npos) << "the text is kept, tamed";
}

TEST(ServerTextWireTest, AHugeErrorMessageIsCapped) {
  const json body = {{"message", std::string(5000, 'm')}};
  EXPECT_EQ(parse_error_body(body.dump()).message, std::string(200, 'm'));
  json violations = json::array();
  for (int i = 0; i < 100; ++i)
    violations.push_back(
        {{"field", "f" + std::to_string(i)}, {"description", std::string(150, 'd')}});
  const json many = {{"message", "bad"},
                     {"details", {{"validationError", {{"fieldViolations", violations}}}}}};
  const WixError error = error_from_response(400, many.dump(), "", {});
  EXPECT_LE(characters_in(error.message), 200u + 30u) << "the server's part is at most 200";
  EXPECT_EQ(error.message.rfind("Wix answered HTTP 400: bad; f0: ", 0), 0u) << error.message;
}

TEST(ServerTextWireTest, PayerCardAndIdsOfAPaymentAreTamed) {
  const json page = {
      {"paymentLinkPayments",
       {{{"id", "P\n1"},
         {"paymentLinkId", "L\x1b[31m1"},
         {"amount", "10.00"},
         {"regularPaymentLinkPayment",
          {{"contactDetails", {{"fullName", "Eve\nlinkpos: paid 1000000"}}},
           {"creditCardPaymentMethodData", {{"maskedCreditCard", "4111\a****1111"}}}}}},
        {{"id", "P2"},
         {"amount", "5.00"},
         {"regularPaymentLinkPayment", {{"contactDetails", {{"fullName", "Zoë Ångström"}}}}}}}}};
  const auto parsed = parse_payments_page(page.dump());
  ASSERT_TRUE(std::holds_alternative<Page<LinkPayment>>(parsed));
  const auto& items = std::get<Page<LinkPayment>>(parsed).items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].payer, "Evelinkpos: paid 1000000");
  EXPECT_EQ(items[0].card, "4111****1111");
  EXPECT_EQ(items[0].link_id, "L[31m1");
  // A mended id could name another payment: it is kept under a name of its own, with a problem.
  EXPECT_EQ(items[0].id.rfind("bad-id-", 0), 0u) << items[0].id;
  EXPECT_TRUE(is_one_tame_line(items[0].id));
  EXPECT_FALSE(items[0].problem.empty());
  EXPECT_EQ(items[1].payer, "Zoë Ångström");
  EXPECT_EQ(items[1].id, "P2");
  EXPECT_TRUE(items[1].problem.empty());
}

TEST(ServerTextWireTest, ALinkWithAnUnprintableIdIsABadReplyAndItsUrlIsCheckedNotCut) {
  const std::string long_url = "https://pay.test/" + std::string(400, 'u');
  const json good = {{"paymentLink",
                      {{"id", "L1"},
                       {"title", "Shop\nlinkpos: forged " + std::string(300, 't')},
                       {"links", {{"url", {{"url", long_url}}}}}}}};
  const auto link = parse_link_reply(good.dump());
  ASSERT_TRUE(std::holds_alternative<PaymentLinkInfo>(link));
  EXPECT_EQ(std::get<PaymentLinkInfo>(link).url, long_url);
  EXPECT_TRUE(is_one_tame_line(std::get<PaymentLinkInfo>(link).title));
  EXPECT_EQ(characters_in(std::get<PaymentLinkInfo>(link).title), 200u);

  json bad_url = good;
  bad_url["paymentLink"]["links"]["url"]["url"] = "https://pay.test/a\nb";
  const auto without = parse_link_reply(bad_url.dump());
  ASSERT_TRUE(std::holds_alternative<PaymentLinkInfo>(without));
  EXPECT_EQ(std::get<PaymentLinkInfo>(without).url, "") << "no address is better than a bad one";

  json bad_id = good;
  bad_id["paymentLink"]["id"] = "L\r\n1";
  ASSERT_TRUE(std::holds_alternative<BadReply>(parse_link_reply(bad_id.dump())));
}

TEST(ServerTextWireTest, ACheckoutUrlWithASpaceOrAControlIsRefused) {
  const json spaced = {{"ecomCheckout", {{"checkoutUrl", "https://pay.test/a b"}}}};
  EXPECT_TRUE(std::holds_alternative<BadReply>(parse_checkout_reply(spaced.dump())));
  const std::string long_url = "https://pay.test/" + std::string(300, 'c');
  const json good = {{"ecomCheckout", {{"checkoutUrl", long_url}}}};
  const auto parsed = parse_checkout_reply(good.dump());
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_EQ(std::get<std::string>(parsed), long_url);
}

TEST(ServerTextWireTest, SiteNamesAreTamed) {
  const json reply = {
      {"properties",
       {{"businessName", "Ramen\nYa"}, {"address", {{"city", "Ky\x1bōto"}, {"zip", "600"}}}}}};
  const auto parsed = parse_site_properties(reply.dump());
  ASSERT_TRUE(std::holds_alternative<SiteInfo>(parsed));
  EXPECT_EQ(std::get<SiteInfo>(parsed).business_name, "RamenYa");
  ASSERT_EQ(std::get<SiteInfo>(parsed).address.size(), 1u);
  EXPECT_EQ(std::get<SiteInfo>(parsed).address[0], "600 Kyōto");
}

}  // namespace
}  // namespace linkpos::wix
