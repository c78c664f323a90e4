// Initiate Payment through the typed client and the sale's backend, against the real wixsim over
// TLS: the checkout URL it answers is where the customer pays, and a backend set to show it
// puts it on the sale's link.
#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "app/currency.hpp"
#include "asio_clock.hpp"
#include "support/child_process.hpp"
#include "support/https_call.hpp"
#include "support/run_until.hpp"
#include "wix/payment_links.hpp"
#include "wix/wix_backend.hpp"

namespace linkpos::wix {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;

constexpr const char* kKey = "checkout-test-key";
constexpr const char* kSite = "checkout-test-site";

std::string test_cert(const std::string& name) {
  return std::string(LINKPOS_TEST_CERTS_DIR) + "/" + name;
}

class InitiatePaymentTest : public ::testing::Test {
 protected:
  InitiatePaymentTest()
      : wixsim_({WIXSIM_BINARY, "--listen", "localhost:0", "--api-key", kKey, "--site-id", kSite,
                 "--cert", test_cert("localhost.crt"), "--key", test_cert("localhost.key")}) {
    base_url_ = wixsim_.next_stdout_line(30s).value_or("");
    net::HttpClientSettings settings;
    settings.base_url = base_url_;
    settings.ca_file = test_cert("ca.crt");
    settings.request_timeout = 5s;
    http_ = std::move(net::HttpClient::create(io_, settings).value());
    client_ = std::make_unique<PaymentLinksClient>(*http_, clock_, WixCredentials{kSite, kKey},
                                                   RetryPolicy{2, 10ms, 50ms});
  }

  // Runs the loop until the callback given to `call` has answered.
  template <class T, class Call>
  std::optional<T> run(Call&& call) {
    std::optional<T> result;
    call([&](T answer) { result.emplace(std::move(answer)); });
    EXPECT_TRUE(testing::run_until(
        io_, [&] { return result.has_value(); }, 20s))
        << "no answer";
    return result;
  }

  PaymentLinkInfo create(const std::string& title = "Café Zoë T1-CHECKOUT") {
    const CreateLinkRequest request{
        title, "EUR", {{"Sale", 1, "12.50"}}, std::chrono::system_clock::now() + 10min};
    auto made = run<WixResult<PaymentLinkInfo>>(
        [&](auto done) { client_->create_link(request, std::move(done)); });
    EXPECT_TRUE(made && *made) << (made && !*made ? made->error().message : "");
    return made && *made ? made->value() : PaymentLinkInfo{};
  }

  WixResult<std::string> initiate(const std::string& link_id) {
    auto answer = run<WixResult<std::string>>(
        [&](auto done) { client_->initiate_payment(link_id, std::move(done)); });
    return answer ? std::move(*answer) : WixResult<std::string>(WixError{});
  }

  // The customer's phone: POST <url>/pay, as JSON. The HTTP status.
  unsigned pay(const std::string& url) {
    auto reply = testing::https_call(base_url_, test_cert("ca.crt"), net::HttpMethod::kPost,
                                     url.substr(base_url_.size()) + "/pay", "{}",
                                     {{"Content-Type", "application/json"}});
    EXPECT_TRUE(reply) << reply.error().detail;
    return reply ? reply.value().status : 0;
  }

  LinkStatus status_of(const std::string& link_id) {
    auto got = run<WixResult<PaymentLinkInfo>>(
        [&](auto done) { client_->get_link(link_id, std::move(done)); });
    return got && *got ? got->value().status : LinkStatus::kUnknown;
  }

  ChildProcess wixsim_;
  std::string base_url_;
  boost::asio::io_context io_;
  AsioClock clock_{io_};
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<PaymentLinksClient> client_;
};

TEST_F(InitiatePaymentTest, AnswersACheckoutUrlThatPaysTheLink) {
  const auto link = create();
  const auto checkout = initiate(link.id);
  ASSERT_TRUE(checkout) << checkout.error().message;
  EXPECT_EQ(checkout.value().rfind(base_url_ + "/checkout/", 0), 0u) << checkout.value();
  EXPECT_NE(checkout.value(), link.url);

  EXPECT_EQ(pay(checkout.value()), 200u);
  EXPECT_EQ(status_of(link.id), LinkStatus::kPaid);
  auto payments = run<WixResult<std::vector<LinkPayment>>>(
      [&](auto done) { client_->all_payments(link.id, std::move(done)); });
  ASSERT_TRUE(payments && *payments);
  ASSERT_EQ(payments->value().size(), 1u);
  EXPECT_EQ(payments->value().front().amount, "12.50");
  EXPECT_EQ(payments->value().front().link_id, link.id);
}

TEST_F(InitiatePaymentTest, EveryCallStartsACheckoutOfItsOwnAndEachPaysTheSameLink) {
  const auto link = create();
  const auto first = initiate(link.id);
  const auto second = initiate(link.id);
  ASSERT_TRUE(first && second);
  EXPECT_NE(first.value(), second.value());
  EXPECT_EQ(pay(second.value()), 200u);
  EXPECT_EQ(pay(first.value()), 409u) << "the link took its one payment";
}

TEST_F(InitiatePaymentTest, IsRefusedForAPaidLink) {
  const auto link = create();
  EXPECT_EQ(pay(link.url), 200u);
  const auto refused = initiate(link.id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, WixErrorKind::kPrecondition);
  EXPECT_EQ(refused.error().http_status, 428u);
  EXPECT_EQ(refused.error().code, "PAYMENT_LINK_NOT_PAYABLE");
}

TEST_F(InitiatePaymentTest, IsRefusedForADeactivatedOrUnknownLink) {
  const auto link = create();
  auto closed =
      run<WixResult<void>>([&](auto done) { client_->deactivate_link(link.id, std::move(done)); });
  ASSERT_TRUE(closed && *closed);
  const auto refused = initiate(link.id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().http_status, 428u);
  const auto unknown = initiate("00000000-0000-4000-8000-000000000000");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, WixErrorKind::kNotFound);
}

// The backend's answers, as the sale gets them.
class CheckoutBackendTest : public InitiatePaymentTest {
 protected:
  app::LinkRequest sale(const std::string& reference) {
    const app::Money total{1250, *app::currency_by_code("EUR")};
    return {reference,
            "Sale " + reference,
            {{"Amount", 1, total}},
            total,
            std::chrono::system_clock::now() + 15min};
  }

  app::BackendResult<app::PaymentLink> create_for_sale(WixBackend& backend,
                                                       const std::string& reference) {
    auto made = run<app::BackendResult<app::PaymentLink>>(
        [&](auto done) { backend.create_link(sale(reference), std::move(done)); });
    return made ? std::move(*made) : app::BackendError{};
  }

  app::BackendResult<std::optional<app::PaymentLink>> find(WixBackend& backend,
                                                           const std::string& reference) {
    auto found = run<app::BackendResult<std::optional<app::PaymentLink>>>([&](auto done) {
      backend.find_link(reference, std::chrono::system_clock::now() - 5min, {}, std::move(done));
    });
    return found ? std::move(*found) : app::BackendError{};
  }

  nlohmann::json state() {
    auto reply = testing::https_call(base_url_, test_cert("ca.crt"), net::HttpMethod::kGet,
                                     "/_wixsim/state");
    return reply ? nlohmann::json::parse(reply.value().body) : nlohmann::json();
  }

  const app::Currency eur_ = *app::currency_by_code("EUR");
};

TEST_F(CheckoutBackendTest, ANewLinkIsAnsweredWithItsCheckoutUrlWhichPaysIt) {
  WixBackend backend(*client_, eur_, {}, QrTarget::kCheckout);
  const auto made = create_for_sale(backend, "T1-01JCHECKOUT");
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(made.value().url.rfind(base_url_ + "/checkout/", 0), 0u) << made.value().url;
  const auto checkouts = state().at("checkouts");
  ASSERT_EQ(checkouts.size(), 1u);
  EXPECT_EQ(checkouts.at(0).at("paymentLinkId"), made.value().id);
  EXPECT_EQ(checkouts.at(0).at("checkoutUrl"), made.value().url);
  EXPECT_EQ(pay(made.value().url), 200u);
  EXPECT_EQ(status_of(made.value().id), LinkStatus::kPaid);
}

TEST_F(CheckoutBackendTest, ALinkTheSearchFindsIsAnsweredWithACheckoutUrlToo) {
  WixBackend backend(*client_, eur_, {}, QrTarget::kCheckout);
  const auto link = create("Sale T1-01JLOSTCREATE");
  const auto found = find(backend, "T1-01JLOSTCREATE");
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(found.value()->id, link.id);
  EXPECT_EQ(found.value()->url.rfind(base_url_ + "/checkout/", 0), 0u) << found.value()->url;
}

TEST_F(CheckoutBackendTest, AFoundLinkThatTakesNoPaymentKeepsItsOwnUrl) {
  WixBackend backend(*client_, eur_, {}, QrTarget::kCheckout);
  const auto link = create("Sale T1-01JPAIDALREADY");
  EXPECT_EQ(pay(link.url), 200u);
  const auto found = find(backend, "T1-01JPAIDALREADY");
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found.value().has_value()) << "Initiate Payment's 428 loses no link";
  EXPECT_EQ(found.value()->url, link.url);
}

TEST_F(CheckoutBackendTest, ByDefaultTheLinkKeepsItsOwnUrlAndNoCheckoutIsStarted) {
  WixBackend backend(*client_, eur_, {});
  const auto made = create_for_sale(backend, "T1-01JDEFAULT");
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(made.value().url, base_url_ + "/pay/" + made.value().id);
  EXPECT_TRUE(state().at("checkouts").empty());
}

}  // namespace
}  // namespace linkpos::wix
