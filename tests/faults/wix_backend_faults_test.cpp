// The sale's backend (WixBackend) when a create's answer is lost: the error is uncertain, and
// the link the create made, if any, is found again by the sale's reference in its title.
#include <gtest/gtest.h>

#include <optional>
#include <tuple>

#include "faults/hostile_wixsim.hpp"
#include "support/https_call.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kReference = "T1-01JF7ZK3W4Q8H2N5V6X9Y0AB";

class WixBackendFaultsTest : public ::testing::Test {
 protected:
  explicit WixBackendFaultsTest(Transport transport) : wixsim(transport) {}

  app::LinkRequest sale(const std::string& reference) {
    const auto eur = *app::currency_by_code("EUR");
    const app::Money total{1250, eur};
    return {reference,
            "Sale " + reference,
            {{"Amount", 1, total}},
            total,
            wixsim.clock().now() + 15min};
  }

  app::BackendResult<app::PaymentLink> create(const std::string& reference) {
    std::optional<app::BackendResult<app::PaymentLink>> made;
    wixsim.backend().create_link(sale(reference), [&](auto result) { made = std::move(result); });
    if (!wixsim.run_until([&] { return made.has_value(); }))
      return app::BackendError{app::BackendFailure::kUnreachable, "no answer (test)"};
    return std::move(*made);
  }

  app::BackendResult<std::optional<app::PaymentLink>> find(const std::string& reference) {
    std::optional<app::BackendResult<std::optional<app::PaymentLink>>> found;
    wixsim.backend().find_link(reference, since, {},
                               [&](auto result) { found = std::move(result); });
    if (!wixsim.run_until([&] { return found.has_value(); }))
      return app::BackendError{app::BackendFailure::kUnreachable, "no answer (test)"};
    return std::move(*found);
  }

  HostileWixsim wixsim;
  // When the sale began: the search looks at links made since.
  app::WallTime since = std::chrono::system_clock::now() - 1min;
};

// Faults whose route runs, so the link exists though the terminal never heard of it.
class LostCreateAnswerTest
    : public WixBackendFaultsTest,
      public ::testing::WithParamInterface<std::tuple<Transport, const char*>> {
 protected:
  LostCreateAnswerTest() : WixBackendFaultsTest(std::get<0>(GetParam())) {}
};

TEST_P(LostCreateAnswerTest, TheCreateIsUncertainAndItsLinkIsFoundByTheSaleReference) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", std::get<1>(GetParam())}, {"count", 1}});
  const auto created = create(kReference);
  ASSERT_FALSE(created);
  EXPECT_TRUE(created.error().uncertain) << created.error().detail;
  EXPECT_EQ(wixsim.faults()[0]["applied"], 1) << "an uncertain create is never sent again";

  const auto links = wixsim.links();
  ASSERT_EQ(links.size(), 1u);
  const auto found = find(kReference);
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found.value().has_value()) << "the link made for the sale";
  EXPECT_EQ(found.value()->id, links[0]["id"]);
  EXPECT_EQ(found.value()->url, links[0]["links"]["url"]["url"]);

  const auto other = find("T1-01JF7ZK3W4Q8H2N5V6X9Y0ZZ");
  ASSERT_TRUE(other) << other.error().detail;
  EXPECT_FALSE(other.value().has_value()) << "another sale's reference finds nothing";
}

INSTANTIATE_TEST_SUITE_P(
    FaultsAfterTheRouteRan, LostCreateAnswerTest,
    ::testing::Combine(::testing::Values(Transport::kPlain, Transport::kTls),
                       ::testing::Values("commit-then-drop", "truncated-body", "reset-mid-body",
                                         "endless-body")),
    [](const ::testing::TestParamInfo<std::tuple<Transport, const char*>>& tested) {
      std::string name = transport_name(std::get<0>(tested.param)) + "_";
      for (const char* c = std::get<1>(tested.param); *c != '\0'; ++c)
        name += *c == '-' ? '_' : *c;
      return name;
    });

class UnansweredCreateTest : public WixBackendFaultsTest,
                             public ::testing::WithParamInterface<Transport> {
 protected:
  UnansweredCreateTest() : WixBackendFaultsTest(GetParam()) {}
};

TEST_P(UnansweredCreateTest, ACreateClosedBeforeTheRouteRanIsUncertainAndFindsNoLink) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", "close-before-answer"}, {"count", 1}});
  const auto created = create(kReference);
  ASSERT_FALSE(created);
  EXPECT_TRUE(created.error().uncertain);
  EXPECT_EQ(created.error().failure, app::BackendFailure::kUnreachable);
  EXPECT_EQ(wixsim.links().size(), 0u);
  const auto found = find(kReference);
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_FALSE(found.value().has_value()) << "no link: the sale may safely create again";
  ASSERT_TRUE(create(kReference)) << "and the fault was used up";
}

// A 200 whose body cannot be read came from a route that ran: the link exists, so the create
// is uncertain and the sale looks for the link instead of making a second one.
TEST_P(UnansweredCreateTest, AGarbled200ToACreateIsUncertainForTheLinkExists) {
  wixsim.add_faults({{"route", "create-link"}, {"fault", "malformed-json"}, {"count", 1}});
  const auto created = create(kReference);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().failure, app::BackendFailure::kBadReply);
  EXPECT_TRUE(created.error().uncertain);
  EXPECT_EQ(wixsim.links().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(OverPlainHttpAndTls, UnansweredCreateTest,
                         ::testing::Values(Transport::kPlain, Transport::kTls),
                         [](const ::testing::TestParamInfo<Transport>& tested) {
                           return transport_name(tested.param);
                         });

// With the QR code on Wix's checkout: Initiate Payment failing, however it fails, must neither
// lose the sale's link nor make a second one. The sale gets the link with its own URL.
class FailingInitiatePaymentTest
    : public WixBackendFaultsTest,
      public ::testing::WithParamInterface<std::tuple<Transport, const char*>> {
 protected:
  FailingInitiatePaymentTest() : WixBackendFaultsTest(std::get<0>(GetParam())) {
    wixsim.show_in_qr(wix::QrTarget::kCheckout);
  }
};

TEST_P(FailingInitiatePaymentTest, TheSaleGetsItsLinksOwnUrlAndExactlyOneLink) {
  // No count: every attempt fails, retries included.
  wixsim.add_faults({{"route", "initiate-payment"}, {"fault", std::get<1>(GetParam())}});
  const auto created = create(kReference);
  ASSERT_TRUE(created) << created.error().detail;
  const auto links = wixsim.links();
  ASSERT_EQ(links.size(), 1u) << "one link for the sale";
  EXPECT_EQ(created.value().id, links[0]["id"]);
  EXPECT_EQ(created.value().url, links[0]["links"]["url"]["url"]) << "the QR code still works";
  EXPECT_GE(wixsim.faults()[0]["applied"].get<int>(), 1) << "Initiate Payment was asked";

  // The lost-create search answers the same way.
  const auto found = find(kReference);
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(found.value()->id, links[0]["id"]);
  EXPECT_EQ(found.value()->url, links[0]["links"]["url"]["url"]);
  EXPECT_EQ(wixsim.links().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    EveryWayItFails, FailingInitiatePaymentTest,
    ::testing::Combine(::testing::Values(Transport::kPlain, Transport::kTls),
                       ::testing::Values("503", "close-before-answer", "commit-then-drop",
                                         "malformed-json", "reset-mid-body", "404")),
    [](const ::testing::TestParamInfo<std::tuple<Transport, const char*>>& tested) {
      std::string name = transport_name(std::get<0>(tested.param)) + "_";
      for (const char* c = std::get<1>(tested.param); *c != '\0'; ++c)
        name += *c == '-' ? '_' : *c;
      return name;
    });

class CheckoutQrTest : public WixBackendFaultsTest,
                       public ::testing::WithParamInterface<Transport> {
 protected:
  CheckoutQrTest() : WixBackendFaultsTest(GetParam()) {
    wixsim.show_in_qr(wix::QrTarget::kCheckout);
  }
};

TEST_P(CheckoutQrTest, AnInitiatePaymentThatFailsOnceIsAskedAgainForTheCheckoutUrl) {
  wixsim.add_faults({{"route", "initiate-payment"}, {"fault", "503"}, {"count", 1}});
  const auto created = create(kReference);
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_NE(created.value().url.find("/checkout/"), std::string::npos) << created.value().url;
  EXPECT_EQ(wixsim.faults()[0]["applied"], 1);
  EXPECT_EQ(wixsim.links().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(OverPlainHttpAndTls, CheckoutQrTest,
                         ::testing::Values(Transport::kPlain, Transport::kTls),
                         [](const ::testing::TestParamInfo<Transport>& tested) {
                           return transport_name(tested.param);
                         });

// A report's reconciliation: whichever of its calls fails (the payments' pages or their links'
// titles), the report gets that error, once, on the loop.
class FailingPeriodQueryTest
    : public WixBackendFaultsTest,
      public ::testing::WithParamInterface<
          std::tuple<Transport, const char*, const char*, app::BackendFailure>> {
 protected:
  FailingPeriodQueryTest() : WixBackendFaultsTest(std::get<0>(GetParam())) {}
};

TEST_P(FailingPeriodQueryTest, TheReportGetsTheErrorOnce) {
  const auto [transport, route, fault, failure] = GetParam();
  const auto created = create(kReference);
  ASSERT_TRUE(created) << created.error().detail;
  const auto settings = wixsim.client_settings();
  const auto paid = https_call(settings.base_url, settings.ca_file, net::HttpMethod::kPost,
                               created.value().url.substr(settings.base_url.size()) + "/pay", "{}",
                               {{"Content-Type", "application/json"}});
  ASSERT_TRUE(paid && paid.value().status == 200u) << "the sale's payment";
  // No count: every attempt fails, retries included.
  wixsim.add_faults({{"route", route}, {"fault", fault}});

  int answers = 0;
  std::optional<app::BackendResult<std::vector<app::ServicePayment>>> answer;
  const auto now = wixsim.clock().now();
  wixsim.backend().payments_between(now - 1h, now + 1h, [&](auto result) {
    ++answers;
    answer.emplace(std::move(result));
  });
  EXPECT_EQ(answers, 0) << "never from inside the call";
  ASSERT_TRUE(wixsim.run_until([&] { return answer.has_value(); }));
  ASSERT_FALSE(*answer) << "a report must not take a part for the whole";
  EXPECT_EQ(answer->error().failure, failure) << answer->error().detail;
  EXPECT_GE(wixsim.faults()[0]["applied"].get<int>(), 1);
  // Nothing else is pending that could answer again: the loop runs dry of it.
  wixsim.run_until([&] { return answers > 1; }, 200ms);
  EXPECT_EQ(answers, 1);
}

INSTANTIATE_TEST_SUITE_P(
    EveryCallOfIt, FailingPeriodQueryTest,
    ::testing::Values(std::make_tuple(Transport::kTls, "query-payments", "503",
                                      app::BackendFailure::kServerError),
                      std::make_tuple(Transport::kPlain, "query-payments", "malformed-json",
                                      app::BackendFailure::kBadReply),
                      std::make_tuple(Transport::kTls, "query-payments", "close-before-answer",
                                      app::BackendFailure::kUnreachable),
                      std::make_tuple(Transport::kTls, "query-links", "503",
                                      app::BackendFailure::kServerError),
                      std::make_tuple(Transport::kPlain, "query-links", "403",
                                      app::BackendFailure::kRejectedKey)),
    [](const ::testing::TestParamInfo<FailingPeriodQueryTest::ParamType>& tested) {
      std::string name = transport_name(std::get<0>(tested.param)) + "_";
      for (const char* part : {std::get<1>(tested.param), "_", std::get<2>(tested.param)}) {
        for (const char* c = part; *c != '\0'; ++c)
          name += (*c == '-' ? '_' : *c);
      }
      return name;
    });

}  // namespace
}  // namespace linkpos::testing
