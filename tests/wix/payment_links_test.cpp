// Every call of the typed Wix client against the real wixsim, including the error mappings the
// screen explains.
#include "wix/payment_links.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "asio_clock.hpp"
#include "support/child_process.hpp"
#include "support/https_call.hpp"
#include "wix/wix_backend.hpp"

namespace linkpos::wix {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;

constexpr const char* kKey = "client-test-key";
constexpr const char* kSite = "client-test-site";

class PaymentLinksTest : public ::testing::Test {
 protected:
  PaymentLinksTest()
      : wixsim_({WIXSIM_BINARY, "--listen", "localhost:0", "--api-key", kKey, "--site-id", kSite,
                 "--plain"}) {
    base_url_ = wixsim_.next_stdout_line(30s).value_or("");
    http_ = connect({kSite, kKey});
  }

  std::unique_ptr<net::HttpClient> make_http() {
    net::HttpClientSettings settings;
    settings.base_url = base_url_;
    settings.allow_plain_http = true;
    settings.request_timeout = 5s;
    return std::move(net::HttpClient::create(io_, settings).value());
  }
  std::unique_ptr<PaymentLinksClient> connect(WixCredentials credentials) {
    https_.push_back(make_http());
    return std::make_unique<PaymentLinksClient>(*https_.back(), clock_, std::move(credentials),
                                                RetryPolicy{2, 10ms, 50ms});
  }

  // Runs the loop until the call answers.
  template <class T, class Call>
  WixResult<T> run(Call&& call) {
    std::optional<WixResult<T>> result;
    call([&](WixResult<T> answer) { result.emplace(std::move(answer)); });
    io_.restart();
    while (!result && io_.run_one_for(10s) > 0) {
    }
    EXPECT_TRUE(result) << "no answer";
    return result ? std::move(*result) : WixResult<T>(WixError{});
  }

  PaymentLinkInfo create(const std::string& title = "Café Zoë T1-REF",
                         const std::string& currency = "EUR") {
    CreateLinkRequest request{
        title, currency, {{"Sale", 1, "12.50"}}, std::chrono::system_clock::now() + 10min};
    auto made = run<PaymentLinkInfo>([&](auto done) { http_->create_link(request, done); });
    EXPECT_TRUE(made) << made.error().message;
    return made ? made.value() : PaymentLinkInfo{};
  }

  void pay(const std::string& url) {
    auto reply = testing::https_call(base_url_, "", net::HttpMethod::kPost,
                                     url.substr(base_url_.size()) + "/pay");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply.value().status, 200u);
  }

  ChildProcess wixsim_;
  std::string base_url_;
  boost::asio::io_context io_;
  AsioClock clock_{io_};
  std::vector<std::unique_ptr<net::HttpClient>> https_;
  std::unique_ptr<PaymentLinksClient> http_;
};

TEST_F(PaymentLinksTest, CreatesAnEcomLinkWithItsUrlAndGetsItBack) {
  const auto link = create();
  EXPECT_FALSE(link.id.empty());
  EXPECT_EQ(link.url, base_url_ + "/pay/" + link.id);
  EXPECT_EQ(link.status, LinkStatus::kActive);
  EXPECT_EQ(link.currency, "EUR");
  EXPECT_EQ(link.payments_limit, 1);
  const auto got = run<PaymentLinkInfo>([&](auto done) { http_->get_link(link.id, done); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got.value().title, "Café Zoë T1-REF");
}

TEST_F(PaymentLinksTest, DeactivatesAndFindsLinksByCreationDate) {
  const auto since = std::chrono::system_clock::now() - 1min;
  const auto link = create("Shop T1-FIND-ME");
  EXPECT_TRUE(run<void>([&](auto done) { http_->deactivate_link(link.id, done); }));
  const auto got = run<PaymentLinkInfo>([&](auto done) { http_->get_link(link.id, done); });
  EXPECT_EQ(got.value().status, LinkStatus::kInactive);
  const auto page =
      run<Page<PaymentLinkInfo>>([&](auto done) { http_->query_links_since(since, "", done); });
  ASSERT_TRUE(page);
  ASSERT_EQ(page.value().items.size(), 1u);
  EXPECT_EQ(page.value().items.front().id, link.id);
  const auto later = run<Page<PaymentLinkInfo>>([&](auto done) {
    http_->query_links_since(std::chrono::system_clock::now() + 1min, "", done);
  });
  EXPECT_TRUE(later.value().items.empty());
}

TEST_F(PaymentLinksTest, ReadsPaymentsIssuesTheReceiptAndRefusesToDeleteAPaidLink) {
  const auto link = create();
  auto none = run<std::vector<LinkPayment>>([&](auto done) { http_->all_payments(link.id, done); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none.value().empty());
  pay(link.url);
  auto payments =
      run<std::vector<LinkPayment>>([&](auto done) { http_->all_payments(link.id, done); });
  ASSERT_TRUE(payments);
  ASSERT_EQ(payments.value().size(), 1u);
  EXPECT_EQ(payments.value().front().amount, "12.50");
  EXPECT_EQ(payments.value().front().currency, "EUR");
  const auto receipt =
      run<std::string>([&](auto done) { http_->issue_receipt(payments.value().front().id, done); });
  ASSERT_TRUE(receipt);
  EXPECT_FALSE(receipt.value().empty());
  const auto again =
      run<std::string>([&](auto done) { http_->issue_receipt(payments.value().front().id, done); });
  ASSERT_FALSE(again) << "one receipt per payment";
  EXPECT_EQ(again.error().kind, WixErrorKind::kConflict);
  EXPECT_EQ(again.error().code, "RECEIPT_ALREADY_ISSUED");
  const auto listed =
      run<std::vector<LinkPayment>>([&](auto done) { http_->all_payments(link.id, done); });
  EXPECT_EQ(listed.value().front().receipt_id, receipt.value()) << "the payment names it";

  const auto refused = run<void>([&](auto done) { http_->delete_link(link.id, done); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, WixErrorKind::kPrecondition);
  EXPECT_EQ(refused.error().code, "PAYMENT_LINK_HAS_PAYMENTS");
}

TEST_F(PaymentLinksTest, TheBackendIssuingAgainReusesTheReceiptThePaymentNames) {
  WixBackend backend(*http_, *app::currency_by_code("EUR"), {});
  const auto link = create();
  pay(link.url);
  const auto listed =
      run<std::vector<LinkPayment>>([&](auto done) { http_->all_payments(link.id, done); });
  app::Payment payment;
  payment.id = listed.value().front().id;
  payment.link_id = link.id;
  auto issue = [&] {
    return run<std::string>([&](auto done) {
      backend.issue_receipt(payment, [done](app::BackendResult<std::string> r) {
        done(r ? WixResult<std::string>(r.value()) : WixResult<std::string>(WixError{}));
      });
    });
  };
  const auto first = issue();
  ASSERT_TRUE(first);
  // Issued before (a restart between issuing and recording it): Wix refuses a second issue with
  // 409, and the payment's own receiptId is the answer.
  const auto second = issue();
  ASSERT_TRUE(second);
  EXPECT_EQ(second.value(), first.value());
}

TEST_F(PaymentLinksTest, DeletesALinkWithoutPayments) {
  const auto link = create();
  EXPECT_TRUE(run<void>([&](auto done) { http_->delete_link(link.id, done); }));
  const auto gone = run<PaymentLinkInfo>([&](auto done) { http_->get_link(link.id, done); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, WixErrorKind::kNotFound);
  EXPECT_EQ(gone.error().http_status, 404u);
}

TEST_F(PaymentLinksTest, ReadsTheSettings) {
  const auto settings = run<std::string>([&](auto done) { http_->get_settings(done); });
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings.value(), "1");
}

TEST_F(PaymentLinksTest, AWrongKeyIsRejectedAndTheMessageSaysSoWithoutTheKey) {
  auto wrong = connect({kSite, "wrong-key"});
  const auto settings = run<std::string>([&](auto done) { wrong->get_settings(done); });
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, WixErrorKind::kRejectedKey);
  EXPECT_EQ(settings.error().http_status, 401u);
  EXPECT_NE(settings.error().message.find("API key rejected"), std::string::npos);
  EXPECT_EQ(settings.error().message.find("wrong-key"), std::string::npos);
}

TEST_F(PaymentLinksTest, AWrongSiteIsRejected) {
  auto wrong = connect({"another-site", kKey});
  const auto settings = run<std::string>([&](auto done) { wrong->get_settings(done); });
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().kind, WixErrorKind::kRejectedKey);
  EXPECT_EQ(settings.error().http_status, 403u);
}

TEST_F(PaymentLinksTest, AValidationErrorNamesTheField) {
  CreateLinkRequest request{
      "T", "XXX", {{"Sale", 1, "12.50"}}, std::chrono::system_clock::now() + 10min};
  const auto made = run<PaymentLinkInfo>([&](auto done) { http_->create_link(request, done); });
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().kind, WixErrorKind::kInvalidRequest);
  EXPECT_NE(made.error().message.find("paymentLink.currency"), std::string::npos)
      << made.error().message;
  EXPECT_FALSE(made.error().may_have_been_sent) << "a refused create made nothing";
}

TEST_F(PaymentLinksTest, TheBackendTurnsAPaymentIntoMinorUnitsAndFindsALinkByReference) {
  WixBackend backend(*http_, *app::currency_by_code("EUR"), {});
  const auto link = create("Café Zoë T1-01JREFERENCE");
  pay(link.url);
  auto status = run<app::LinkReport>([&](auto done) {
    backend.get_status(
        app::PaymentLink{link.id, link.url, {}}, [done](app::BackendResult<app::LinkReport> r) {
          done(r ? WixResult<app::LinkReport>(r.value()) : WixResult<app::LinkReport>(WixError{}));
        });
  });
  ASSERT_TRUE(status);
  EXPECT_EQ(status.value().state, app::LinkState::kPaid);
  ASSERT_EQ(status.value().payments.size(), 1u);
  EXPECT_EQ(status.value().payments.front().thousandths, 12500);
  EXPECT_EQ(status.value().payments.front().link_id, link.id);

  std::optional<app::BackendResult<std::optional<app::PaymentLink>>> found;
  backend.find_link("T1-01JREFERENCE", std::chrono::system_clock::now() - 5min, {},
                    [&](auto r) { found.emplace(r); });
  io_.restart();
  while (!found && io_.run_one_for(10s) > 0) {
  }
  ASSERT_TRUE(found && *found && found->value());
  EXPECT_EQ(found->value()->id, link.id);

  // Deactivating a link already PAID is refused by Wix, and need not happen: it counts as closed.
  std::optional<app::BackendResult<void>> closed;
  backend.cancel_link(app::PaymentLink{link.id, link.url, {}}, [&](auto r) { closed.emplace(r); });
  io_.restart();
  while (!closed && io_.run_one_for(10s) > 0) {
  }
  ASSERT_TRUE(closed);
  EXPECT_TRUE(*closed);
}

TEST(WixErrorTest, MapsEveryDocumentedStatus) {
  EXPECT_EQ(error_from_response(400, "", "", {}).kind, WixErrorKind::kInvalidRequest);
  EXPECT_EQ(error_from_response(401, "", "", {}).kind, WixErrorKind::kRejectedKey);
  EXPECT_EQ(error_from_response(403, "", "", {}).kind, WixErrorKind::kRejectedKey);
  EXPECT_EQ(error_from_response(404, "", "", {}).kind, WixErrorKind::kNotFound);
  EXPECT_EQ(error_from_response(409, "", "", {}).kind, WixErrorKind::kConflict);
  const auto precondition = error_from_response(
      428,
      R"({"message":"m","details":{"applicationError":{"code":"UNPUBLISHED_SITE","description":"d"}}})",
      "", {});
  EXPECT_EQ(precondition.kind, WixErrorKind::kPrecondition);
  EXPECT_EQ(precondition.code, "UNPUBLISHED_SITE");
  const auto busy = error_from_response(429, "", "7", {});
  EXPECT_EQ(busy.kind, WixErrorKind::kBusy);
  EXPECT_EQ(busy.retry_after, std::chrono::seconds(7));
  for (unsigned status : {500u, 502u, 503u, 504u}) {
    const auto error = error_from_response(status, "", "", {});
    EXPECT_EQ(error.kind, WixErrorKind::kServerError);
    EXPECT_EQ(error.message, "Wix answered HTTP " + std::to_string(status))
        << "an empty body is normal for 5xx";
  }
  EXPECT_FALSE(error_from_response(429, "", "soon", {}).retry_after);
}

}  // namespace
}  // namespace linkpos::wix
