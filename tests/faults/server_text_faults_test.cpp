// Text that came back from the server (wixsim, over real sockets) reaches the terminal tamed:
// what a customer typed at checkout or a title with line breaks cannot forge a log line.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "faults/hostile_wixsim.hpp"
#include "support/https_call.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

bool has_control(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      return true;
  }
  return false;
}

class ServerTextTest : public ::testing::TestWithParam<Transport> {
 protected:
  template <class T>
  wix::WixResult<T> call(const std::function<void(std::function<void(wix::WixResult<T>)>)>& start) {
    std::optional<wix::WixResult<T>> result;
    start([&](wix::WixResult<T> answer) { result = std::move(answer); });
    if (!wixsim.run_until([&] { return result.has_value(); })) {
      ADD_FAILURE() << "the client never answered";
      return wix::WixError{};
    }
    return std::move(*result);
  }

  HostileWixsim wixsim{GetParam()};
};

TEST_P(ServerTextTest, ATitleAndAPayersNameWithLineBreaksComeBackAsOneLine) {
  wix::CreateLinkRequest request;
  request.title = "Sale T1-TEXT\nlinkpos: error: forged\x1b[2J";
  request.currency = "EUR";
  request.lines = {{"Amount", 1, "12.50"}};
  request.expires_at = wixsim.clock().now() + 15min;
  const auto created =
      call<wix::PaymentLinkInfo>([&](auto done) { wixsim.client().create_link(request, done); });
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created.value().title, "Sale T1-TEXTlinkpos: error: forged[2J");
  EXPECT_FALSE(has_control(created.value().url));

  // The customer's phone pays, giving a name with a line break, a bell and an escape in it.
  const auto settings = wixsim.client_settings();
  const nlohmann::json payer = {
      {"contactDetails",
       {{"firstName", "Eve\nlinkpos: paid 1000000 EUR\a"}, {"lastName", "\x1b]0;owned\x07X"}}}};
  const auto paid = https_call(settings.base_url, settings.ca_file, net::HttpMethod::kPost,
                               created.value().url.substr(settings.base_url.size()) + "/pay",
                               payer.dump(), {{"Content-Type", "application/json"}});
  ASSERT_TRUE(paid && paid.value().status == 200u) << "the customer's payment";

  const auto payments = call<std::vector<wix::LinkPayment>>(
      [&](auto done) { wixsim.client().all_payments(created.value().id, done); });
  ASSERT_TRUE(payments) << payments.error().message;
  ASSERT_EQ(payments.value().size(), 1u);
  const auto& payment = payments.value().front();
  EXPECT_FALSE(has_control(payment.payer)) << payment.payer;
  EXPECT_NE(payment.payer.find("Evelinkpos: paid 1000000 EUR"), std::string::npos) << payment.payer;
  EXPECT_FALSE(has_control(payment.id));
  EXPECT_TRUE(payment.problem.empty()) << payment.problem;

  const auto again = call<wix::PaymentLinkInfo>(
      [&](auto done) { wixsim.client().get_link(created.value().id, done); });
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(has_control(again.value().title));
}

INSTANTIATE_TEST_SUITE_P(OverPlainHttpAndTls, ServerTextTest,
                         ::testing::Values(Transport::kPlain, Transport::kTls),
                         [](const ::testing::TestParamInfo<Transport>& tested) {
                           return transport_name(tested.param);
                         });

}  // namespace
}  // namespace linkpos::testing
