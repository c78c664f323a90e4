// The emulated site's rules: how links move between ACTIVE, INACTIVE, EXPIRED and PAID, what a
// payment records, when deletion is refused, and that a receipt is issued once.
#include <gtest/gtest.h>

#include "tools/wixsim/model/link_validation.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "wixsim/link_requests.hpp"
#include "wixsim/site_options.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using testing::custom_link_request;

class SiteStateTest : public ::testing::Test {
 protected:
  LinkTerms terms(const std::string& price = "12.50", int payments_limit = 1) {
    return std::get<LinkTerms>(read_link_terms(custom_link_request(price, payments_limit)));
  }

  const PaymentLink& create(LinkTerms link_terms) {
    return site.create_link(std::move(link_terms), now);
  }

  LinkStatus status(const std::string& id) { return status_at(*site.find_link(id), now); }

  LinkPayment paid(const std::string& id) {
    auto outcome = site.pay(id, now);
    if (auto* error = std::get_if<WixError>(&outcome)) {
      ADD_FAILURE() << error->code;
      return {};
    }
    return std::get<CompletedCheckout>(outcome).main_payment();
  }

  int refusal_status(const std::variant<CompletedCheckout, WixError>& outcome) {
    const auto* error = std::get_if<WixError>(&outcome);
    return error == nullptr ? 200 : error->http_status;
  }

  TimePoint now = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h;
  GuidSource guids{1};
  SiteState site{testing::site_options("http://localhost:8080"), guids};
};

TEST_F(SiteStateTest, ANewLinkIsActiveWithRevisionOneAndItsCustomerUrl) {
  const auto& link = create(terms());
  EXPECT_EQ(status(link.id), LinkStatus::kActive);
  const auto json = link_json(link, now);
  EXPECT_EQ(json["id"], link.id);
  EXPECT_EQ(json["revision"], "1");
  EXPECT_EQ(json["status"], "ACTIVE");
  EXPECT_EQ(json["createdDate"], "2025-01-21T09:00:00.000Z");
  EXPECT_EQ(json["updatedDate"], json["createdDate"]);
  EXPECT_EQ(json["totalPayments"], 0);
  EXPECT_EQ(json["paymentsLimit"], 1);
  EXPECT_EQ(json["links"]["url"]["url"], "http://localhost:8080/pay/" + link.id);
  EXPECT_EQ(json["ecomPaymentLink"]["lineItems"][0]["customItem"]["price"], "12.50");
}

TEST_F(SiteStateTest, APaymentRecordsTheLinksTotalAndMakesItPaidAtItsLimit) {
  const std::string id = create(terms("12.5")).id;
  now += 30s;
  const auto payment = paid(id);
  const auto json = payment_json(payment);
  EXPECT_EQ(json["paymentLinkId"], id);
  EXPECT_EQ(json["type"], "REGULAR");
  EXPECT_EQ(json["amount"], "12.50") << "wixsim's scale, not the client's";
  EXPECT_FALSE(json["ecomCheckout"]["ecomCheckoutId"].get<std::string>().empty());
  EXPECT_EQ(json["currency"], "EUR");
  EXPECT_EQ(json["currencyCode"], "EUR");
  EXPECT_EQ(json["createdDate"], "2025-01-21T09:00:30.000Z");
  EXPECT_FALSE(
      json["regularPaymentLinkPayment"]["contactDetails"]["email"].get<std::string>().empty());
  EXPECT_FALSE(json.contains("receiptId"));

  EXPECT_EQ(status(id), LinkStatus::kPaid);
  const auto link = link_json(*site.find_link(id), now);
  EXPECT_EQ(link["totalPayments"], 1);
  EXPECT_EQ(link["revision"], "2");
  EXPECT_EQ(link["lastPaymentDate"], "2025-01-21T09:00:30.000Z");
}

TEST_F(SiteStateTest, APaidLinkTakesNoSecondPayment) {
  const std::string id = create(terms()).id;
  paid(id);
  EXPECT_EQ(refusal_status(site.pay(id, now)), 409);
  EXPECT_EQ(site.payments().size(), 1u);
}

TEST_F(SiteStateTest, IgnoringThePaymentsLimitTakesASecondPaymentOnAPaidLink) {
  SiteState lenient{testing::site_options("http://localhost:8080", true), guids};
  const std::string id = lenient.create_link(terms(), now).id;
  ASSERT_EQ(refusal_status(lenient.pay(id, now)), 200);
  ASSERT_EQ(refusal_status(lenient.pay(id, now)), 200);
  EXPECT_EQ(lenient.find_link(id)->total_payments, 2);
  EXPECT_EQ(status_at(*lenient.find_link(id), now), LinkStatus::kPaid);
}

TEST_F(SiteStateTest, AReusableLinkStaysActiveUntilItsLimit) {
  const std::string id = create(terms("5", 2)).id;
  paid(id);
  EXPECT_EQ(status(id), LinkStatus::kActive);
  paid(id);
  EXPECT_EQ(status(id), LinkStatus::kPaid);
}

TEST_F(SiteStateTest, ALinkExpiresWhenItsExpirationDatePassesWithoutBeingTouched) {
  auto link_terms = terms();
  link_terms.expiration = now + 5min;
  const std::string id = create(std::move(link_terms)).id;
  now += 5min - 1ms;
  EXPECT_EQ(status(id), LinkStatus::kActive);
  now += 1ms;
  EXPECT_EQ(status(id), LinkStatus::kExpired);
  EXPECT_EQ(refusal_status(site.pay(id, now)), 410);
  EXPECT_EQ(link_json(*site.find_link(id), now)["revision"], "1")
      << "expiry is computed, not an update";
}

TEST_F(SiteStateTest, ADeactivatedLinkTakesNoPaymentUntilActivatedAgain) {
  const std::string id = create(terms()).id;
  const auto deactivated = site.deactivate_link(id, now);
  ASSERT_TRUE(std::holds_alternative<PaymentLink>(deactivated));
  EXPECT_EQ(status_at(std::get<PaymentLink>(deactivated), now), LinkStatus::kInactive);
  EXPECT_EQ(std::get<PaymentLink>(deactivated).revision, 2);
  EXPECT_EQ(refusal_status(site.pay(id, now)), 409);

  ASSERT_TRUE(std::holds_alternative<PaymentLink>(site.activate_link(id, now)));
  EXPECT_EQ(status(id), LinkStatus::kActive);
  EXPECT_EQ(refusal_status(site.pay(id, now)), 200);
}

TEST_F(SiteStateTest, DeactivatingAPaidLinkIsRefusedSoThePaymentIsNotHidden) {
  const std::string id = create(terms()).id;
  paid(id);
  const auto outcome = site.deactivate_link(id, now);
  ASSERT_TRUE(std::holds_alternative<WixError>(outcome));
  EXPECT_EQ(std::get<WixError>(outcome).http_status, 428);
  EXPECT_EQ(status(id), LinkStatus::kPaid);
}

TEST_F(SiteStateTest, AnExpiredLinkCannotBeActivated) {
  auto link_terms = terms();
  link_terms.expiration = now - 1s;
  const std::string id = create(std::move(link_terms)).id;
  const auto outcome = site.activate_link(id, now);
  ASSERT_TRUE(std::holds_alternative<WixError>(outcome));
  EXPECT_EQ(std::get<WixError>(outcome).code, "PAYMENT_LINK_EXPIRED");
}

TEST_F(SiteStateTest, OnlyALinkWithoutPaymentsCanBeDeleted) {
  const std::string unpaid = create(terms()).id;
  const std::string paid_id = create(terms()).id;
  paid(paid_id);

  const auto refusal = site.delete_link(paid_id);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->http_status, 428);
  EXPECT_EQ(refusal->code, "PAYMENT_LINK_HAS_PAYMENTS");
  EXPECT_NE(site.find_link(paid_id), nullptr);

  EXPECT_FALSE(site.delete_link(unpaid));
  EXPECT_EQ(site.find_link(unpaid), nullptr);
  EXPECT_EQ(site.delete_link(unpaid)->http_status, 404);
}

TEST_F(SiteStateTest, AReceiptIsIssuedOnceAndASecondIssueIsAConflict) {
  const std::string id = create(terms()).id;
  const auto payment = paid(id);
  const auto first = site.issue_receipt(payment.id, now);
  ASSERT_TRUE(std::holds_alternative<std::string>(first));
  const auto second = site.issue_receipt(payment.id, now);
  ASSERT_TRUE(std::holds_alternative<WixError>(second));
  EXPECT_EQ(std::get<WixError>(second).http_status, 409);
  EXPECT_EQ(std::get<WixError>(second).code, "RECEIPT_ALREADY_ISSUED");
  const auto json = payment_json(*site.find_payment(payment.id));
  EXPECT_EQ(json["receiptId"], std::get<std::string>(first)) << "the first receipt stays";
  EXPECT_EQ(json["revision"], "2") << "the refused issue changed nothing";
  EXPECT_EQ(std::get<WixError>(site.issue_receipt("no-such-payment", now)).http_status, 404);
}

TEST_F(SiteStateTest, UnknownLinksAreNotFound) {
  EXPECT_EQ(refusal_status(site.pay("nope", now)), 404);
  EXPECT_EQ(std::get<WixError>(site.deactivate_link("nope", now)).code, "PAYMENT_LINK_NOT_FOUND");
  EXPECT_EQ(std::get<WixError>(site.initiate_payment("nope", now)).http_status, 404);
}

TEST_F(SiteStateTest, InitiatePaymentStartsANewCheckoutOfAnActiveLinkEachTime) {
  const std::string id = create(terms()).id;
  const auto first = std::get<InitiatedCheckout>(site.initiate_payment(id, now));
  const auto second = std::get<InitiatedCheckout>(site.initiate_payment(id, now));
  EXPECT_EQ(first.link_id, id);
  EXPECT_EQ(first.url, "http://localhost:8080/checkout/" + first.id);
  EXPECT_NE(first.id, second.id);
  EXPECT_NE(first.id, id);
  ASSERT_NE(site.find_checkout(second.id), nullptr);
  EXPECT_EQ(site.find_checkout(second.id)->link_id, id);
  EXPECT_EQ(site.find_checkout(id), nullptr) << "a link's id is no checkout's";
  EXPECT_EQ(site.checkouts().size(), 2u);
  EXPECT_EQ(link_json(*site.find_link(id), now)["revision"], "1") << "the link is unchanged";
}

TEST_F(SiteStateTest, InitiatePaymentIsRefusedWith428WhenTheLinkTakesNoPayment) {
  const auto code = [&](const std::string& id) {
    const auto outcome = site.initiate_payment(id, now);
    const auto* error = std::get_if<WixError>(&outcome);
    return error == nullptr ? std::string("started")
                            : std::to_string(error->http_status) + " " + error->code;
  };
  const std::string paid_link = create(terms()).id;
  paid(paid_link);
  EXPECT_EQ(code(paid_link), "428 PAYMENT_LINK_NOT_PAYABLE") << "its payments limit is reached";
  const std::string inactive = create(terms()).id;
  site.deactivate_link(inactive, now);
  EXPECT_EQ(code(inactive), "428 PAYMENT_LINK_NOT_PAYABLE");
  auto expiring = terms();
  expiring.expiration = now + 1min;
  const std::string expired = create(std::move(expiring)).id;
  now += 1min;
  EXPECT_EQ(code(expired), "428 PAYMENT_LINK_NOT_PAYABLE");
  EXPECT_TRUE(site.checkouts().empty());

  SiteState lenient{testing::site_options("http://localhost:8080", true), guids};
  const std::string id = lenient.create_link(terms(), now).id;
  ASSERT_EQ(refusal_status(lenient.pay(id, now)), 200);
  EXPECT_TRUE(std::holds_alternative<InitiatedCheckout>(lenient.initiate_payment(id, now)))
      << "--ignore-payments-limit: a PAID link still takes payments";
}

}  // namespace
}  // namespace linkpos::tools::wixsim
