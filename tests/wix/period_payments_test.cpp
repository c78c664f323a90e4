// A report period's payments through the sale's backend (WixBackend::payments_between) against
// the real wixsim over TLS: every page of them, the period's bounds, and each payment with the
// title of its own link, whichever terminal's it is.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "app/currency.hpp"
#include "asio_clock.hpp"
#include "support/child_process.hpp"
#include "support/https_call.hpp"
#include "support/run_until.hpp"
#include "wix/payment_links.hpp"
#include "wix/wire_time.hpp"
#include "wix/wix_backend.hpp"

namespace linkpos::wix {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::ChildProcess;

constexpr const char* kKey = "period-test-key";
constexpr const char* kSite = "period-test-site";

std::string test_cert(const std::string& name) {
  return std::string(LINKPOS_TEST_CERTS_DIR) + "/" + name;
}

using Answer = app::BackendResult<std::vector<app::ServicePayment>>;

class PeriodPaymentsTest : public ::testing::Test {
 protected:
  PeriodPaymentsTest()
      : wixsim_({WIXSIM_BINARY, "--listen", "localhost:0", "--api-key", kKey, "--site-id", kSite,
                 "--cert", test_cert("localhost.crt"), "--key", test_cert("localhost.key")}) {
    base_url_ = wixsim_.next_stdout_line(30s).value_or("");
    net::HttpClientSettings settings;
    settings.base_url = base_url_;
    settings.ca_file = test_cert("ca.crt");
    settings.request_timeout = 10s;
    http_ = std::move(net::HttpClient::create(io_, settings).value());
    client_ = std::make_unique<PaymentLinksClient>(*http_, clock_, WixCredentials{kSite, kKey},
                                                   RetryPolicy{2, 10ms, 50ms});
    backend_ = std::make_unique<WixBackend>(*client_, *app::currency_by_code("EUR"),
                                            std::chrono::system_clock::time_point{});
  }

  PaymentLinkInfo create(const std::string& title) {
    const CreateLinkRequest request{
        title, "EUR", {{"Sale", 1, "12.50"}}, std::chrono::system_clock::now() + 10min};
    std::optional<WixResult<PaymentLinkInfo>> made;
    client_->create_link(request, [&](auto answer) { made.emplace(std::move(answer)); });
    EXPECT_TRUE(testing::run_until(
        io_, [&] { return made.has_value(); }, 20s));
    EXPECT_TRUE(made && *made) << (made && !*made ? made->error().message : "");
    return made && *made ? made->value() : PaymentLinkInfo{};
  }

  // The customer pays on their phone; the payment's record as wixsim answers it.
  json pay(const PaymentLinkInfo& link) {
    auto reply = harness(net::HttpMethod::kPost, link.url.substr(base_url_.size()) + "/pay", "{}");
    return reply["paymentLinkPayment"];
  }

  json harness(net::HttpMethod method, const std::string& target, const std::string& body = "") {
    auto reply = testing::https_call(base_url_, test_cert("ca.crt"), method, target, body,
                                     {{"Content-Type", "application/json"}});
    EXPECT_TRUE(reply) << reply.error().detail;
    EXPECT_TRUE(reply && reply.value().status == 200) << target;
    return reply ? json::parse(reply.value().body, nullptr, false) : json();
  }

  void add_raw_payments(const json& entries) {
    harness(net::HttpMethod::kPost, "/_wixsim/raw-payments", entries.dump());
  }

  // A readable payment entry of `link_id` dated `created`, as the harness lists it.
  static json raw_payment(const std::string& id, const std::string& link_id,
                          const std::string& created) {
    return {{"id", id},          {"paymentLinkId", link_id}, {"amount", "1.00"},
            {"currency", "EUR"}, {"type", "REGULAR"},        {"createdDate", created},
            {"revision", "1"}};
  }

  // How many requests of `route` wixsim served since this was called for it: a latency rule of
  // 1 ms counts them.
  void count_requests(const std::string& route) {
    harness(net::HttpMethod::kPost, "/_wixsim/faults",
            json{{"route", route}, {"fault", "latency"}, {"latency_ms", 1}}.dump());
  }
  int requests(const std::string& route) {
    const json faults = harness(net::HttpMethod::kGet, "/_wixsim/faults");
    for (const auto& rule : faults["faults"]) {
      if (rule["route"] == route)
        return rule["applied"];
    }
    return -1;
  }

  // Asks for the period's payments and runs the loop until the one answer.
  Answer payments_between(app::WallTime from, app::WallTime to) {
    int answers = 0;
    std::optional<Answer> answer;
    backend_->payments_between(from, to, [&](Answer got) {
      ++answers;
      answer.emplace(std::move(got));
    });
    EXPECT_EQ(answers, 0) << "never answered from inside the call";
    EXPECT_TRUE(testing::run_until(
        io_, [&] { return answer.has_value(); }, 60s))
        << "no answer";
    io_.poll();
    EXPECT_EQ(answers, 1);
    return answer ? std::move(*answer)
                  : Answer(app::BackendError{app::BackendFailure::kUnreachable, "no answer"});
  }

  ChildProcess wixsim_;
  std::string base_url_;
  boost::asio::io_context io_;
  AsioClock clock_{io_};
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<PaymentLinksClient> client_;
  std::unique_ptr<WixBackend> backend_;
};

TEST_F(PeriodPaymentsTest, ReconcilesWithWix) {
  EXPECT_TRUE(backend_->reconciles());
}

TEST_F(PeriodPaymentsTest, EveryPaymentOfThePeriodComesAcrossPagesWithItsOwnLinksTitle) {
  const auto start = std::chrono::system_clock::now() - 1min;
  // This terminal's sales, another terminal's, and a link no terminal made.
  const std::vector<PaymentLinkInfo> links = {create("Café Zoë T1-01JF7ZK3W4Q8H2N5V6X9Y0AA"),
                                              create("Café Zoë T1-01JF7ZK3W4Q8H2N5V6X9Y0AB"),
                                              create("Café Zoë T2-01JF7ZK3W4Q8H2N5V6X9Y0AC"),
                                              create("Sale OTHER-000001")};
  std::map<std::string, std::string> title_of_payment;
  for (const auto& link : links)
    title_of_payment[pay(link)["id"]] = link.title;
  // 150 more entries, the links' too: more than a page of 100.
  json raw = json::array();
  const std::string created = to_rfc3339(std::chrono::system_clock::now());
  for (int i = 0; i < 150; ++i) {
    const auto& link = links[static_cast<std::size_t>(i) % links.size()];
    raw.push_back(raw_payment("raw-" + std::to_string(i), link.id, created));
    title_of_payment["raw-" + std::to_string(i)] = link.title;
  }
  add_raw_payments(raw);
  for (const char* route : {"query-payments", "query-links", "get-link"})
    count_requests(route);

  const auto answer = payments_between(start, std::chrono::system_clock::now() + 1min);
  ASSERT_TRUE(answer) << answer.error().detail;
  ASSERT_EQ(answer.value().size(), 154u);
  std::set<std::string> seen;
  for (const app::ServicePayment& listed : answer.value()) {
    EXPECT_TRUE(seen.insert(listed.payment.id).second) << "listed twice: " << listed.payment.id;
    ASSERT_EQ(title_of_payment.count(listed.payment.id), 1u) << listed.payment.id;
    EXPECT_EQ(listed.link_title, title_of_payment[listed.payment.id]) << listed.payment.id;
    EXPECT_TRUE(listed.payment.readable()) << listed.payment.problem;
  }
  EXPECT_EQ(answer.value().front().payment.thousandths, 12500) << "12.50 EUR, oldest first";
  EXPECT_EQ(requests("query-payments"), 2) << "two pages, each asked once";
  EXPECT_EQ(requests("query-links"), 1) << "the four links' titles in one query";
  EXPECT_EQ(requests("get-link"), 0);
}

TEST_F(PeriodPaymentsTest, APaymentAtTheStartIsInAndOneAtTheEndIsOut) {
  const auto link = create("Café Zoë T1-01JF7ZK3W4Q8H2N5V6X9Y0AD");
  const json paid = pay(link);
  const app::WallTime paid_at = *from_rfc3339(paid["createdDate"].get<std::string>());
  const auto ms = [](const char* text) { return *from_rfc3339(text); };
  // Wix's dates written otherwise than the client writes its bounds: no milliseconds, offsets.
  add_raw_payments(json::array({
      raw_payment("before-from", link.id, "2030-01-01T09:59:59.999Z"),
      raw_payment("at-from", link.id, "2030-01-01T10:00:00Z"),
      raw_payment("before-to", link.id, "2030-01-01T12:59:59.999+01:00"),
      raw_payment("at-to", link.id, "2030-01-01T13:00:00+01:00"),
  }));

  const auto period = payments_between(ms("2030-01-01T10:00:00Z"), ms("2030-01-01T12:00:00Z"));
  ASSERT_TRUE(period) << period.error().detail;
  std::vector<std::string> ids;
  for (const auto& listed : period.value()) {
    ids.push_back(listed.payment.id);
    EXPECT_EQ(listed.link_title, link.title);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"at-from", "before-to"}));

  // The real payment, at either end of a period.
  const auto from_it = payments_between(paid_at, paid_at + 1h);
  ASSERT_TRUE(from_it) << from_it.error().detail;
  ASSERT_EQ(from_it.value().size(), 1u);
  EXPECT_EQ(from_it.value().front().payment.id, paid["id"]);
  const auto up_to_it = payments_between(paid_at - 1h, paid_at);
  ASSERT_TRUE(up_to_it) << up_to_it.error().detail;
  EXPECT_TRUE(up_to_it.value().empty());
}

TEST_F(PeriodPaymentsTest, AnUnreadableEntryIsListedWithItsProblemAndHidesNoOther) {
  const auto link = create("Café Zoë T1-01JF7ZK3W4Q8H2N5V6X9Y0AE");
  const json paid = pay(link);
  const std::string created = to_rfc3339(std::chrono::system_clock::now());
  json garbled = raw_payment("garbled", link.id, created);
  garbled["amount"] = "12,50";
  json foreign = raw_payment("foreign", link.id, created);
  foreign["currency"] = "USD";
  json no_link = raw_payment("no-link", "", created);
  no_link.erase("paymentLinkId");
  add_raw_payments(json::array({garbled, foreign, no_link}));

  const auto answer = payments_between(std::chrono::system_clock::now() - 1h,
                                       std::chrono::system_clock::now() + 1h);
  ASSERT_TRUE(answer) << answer.error().detail;
  std::map<std::string, app::ServicePayment> by_id;
  for (const auto& listed : answer.value())
    by_id[listed.payment.id] = listed;
  ASSERT_EQ(by_id.size(), 4u);
  EXPECT_TRUE(by_id[paid["id"]].payment.readable());
  EXPECT_EQ(by_id[paid["id"]].link_title, link.title);
  for (const char* id : {"garbled", "foreign", "no-link"}) {
    EXPECT_FALSE(by_id[id].payment.readable()) << id;
    EXPECT_NE(by_id[id].payment.problem.find(id), std::string::npos) << by_id[id].payment.problem;
  }
  EXPECT_EQ(by_id["garbled"].link_title, link.title);
  EXPECT_EQ(by_id["no-link"].link_title, "") << "no link, no title";
}

TEST_F(PeriodPaymentsTest, AQuietPeriodIsAnEmptyList) {
  const auto link = create("Café Zoë T1-01JF7ZK3W4Q8H2N5V6X9Y0AF");
  pay(link);
  const auto now = std::chrono::system_clock::now();
  const auto answer = payments_between(now + 1h, now + 2h);
  ASSERT_TRUE(answer) << answer.error().detail;
  EXPECT_TRUE(answer.value().empty());
}

}  // namespace
}  // namespace linkpos::wix
