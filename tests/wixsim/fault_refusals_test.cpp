// The faults that answer in a route's stead — 5xx and 429 with Retry-After in seconds or as a
// date, 403 and 404 with Wix's error body — and how rules and flags ask for them.
#include <gtest/gtest.h>

#include "tools/wixsim/faults/fault_flag.hpp"
#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/faults/fault_refusals.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const std::vector<std::string> kRoutes{"create-link", "site-properties", "get-link"};

// 2025-01-21 09:00:00.400 UTC, a Tuesday.
const TimePoint kNow = std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h + 400ms;

RequestFault fault_of(FaultKind kind, std::optional<int> retry_after = std::nullopt,
                      bool retry_after_date = false) {
  RequestFault fault;
  fault.fault = kind;
  fault.retry_after = retry_after;
  fault.retry_after_date = retry_after_date;
  return fault;
}

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [field, value] : response.headers) {
    if (field == name)
      return value;
  }
  return "";
}

std::vector<FaultRule> rules(const json& body) {
  auto read = read_fault_rules(body, kRoutes);
  if (auto* problem = std::get_if<std::string>(&read)) {
    ADD_FAILURE() << *problem;
    return {};
  }
  return std::get<std::vector<FaultRule>>(read);
}

std::string problem_with(const json& body) {
  auto read = read_fault_rules(body, kRoutes);
  const auto* problem = std::get_if<std::string>(&read);
  return problem ? *problem : "(accepted)";
}

TEST(FaultRefusalsTest, AForbiddenAnswerNamesThePermissionTheRouteNeeds) {
  const RequestFault forbidden = fault_of(FaultKind::kForbidden);
  const auto properties = refusal_response(forbidden, "site-properties", kNow);
  EXPECT_EQ(properties.status, 403);
  EXPECT_EQ(properties.content_type, "application/json");
  const auto error = json::parse(properties.body)["details"]["applicationError"];
  EXPECT_EQ(error["code"], "PERMISSION_DENIED");
  EXPECT_NE(error["description"].get<std::string>().find("Read site, business, and email details"),
            std::string::npos);
  const auto links = json::parse(refusal_response(forbidden, "create-link", kNow).body);
  EXPECT_NE(links["details"]["applicationError"]["description"].get<std::string>().find(
                "Manage Paylinks"),
            std::string::npos);
}

TEST(FaultRefusalsTest, ANotFoundAnswerHasWixsErrorBody) {
  const auto response = refusal_response(fault_of(FaultKind::kNotFound), "site-properties", kNow);
  EXPECT_EQ(response.status, 404);
  const auto body = json::parse(response.body);
  EXPECT_EQ(body["details"]["applicationError"]["code"], "NOT_FOUND");
  EXPECT_TRUE(body["message"].is_string());
  EXPECT_TRUE(response.headers.empty());
}

TEST(FaultRefusalsTest, ServerErrorsHaveAnEmptyBodyAndRetryAfterOnlyWhenGiven) {
  const auto plain = refusal_response(fault_of(FaultKind::kStatus503), "get-link", kNow);
  EXPECT_EQ(plain.status, 503);
  EXPECT_EQ(plain.body, "");
  EXPECT_EQ(plain.content_type, "");
  EXPECT_EQ(header(plain, "Retry-After"), "");
  const auto told = refusal_response(fault_of(FaultKind::kStatus502, 7), "get-link", kNow);
  EXPECT_EQ(told.status, 502);
  EXPECT_EQ(header(told, "Retry-After"), "7");
}

TEST(FaultRefusalsTest, RetryAfterAsADateIsWixsimsClockPlusTheDelayNeverEarlier) {
  const RequestFault busy = fault_of(FaultKind::kTooManyRequests, 5, true);
  const auto response = refusal_response(busy, "get-link", kNow);
  EXPECT_EQ(response.status, 429);
  // 09:00:00.400 + 5 s is 09:00:05.400; whole seconds, rounded up so it is not too soon.
  EXPECT_EQ(header(response, "Retry-After"), "Tue, 21 Jan 2025 09:00:06 GMT");
  const auto on_the_second =
      refusal_response(busy, "get-link", std::chrono::sys_days{std::chrono::year{2025} / 1 / 21});
  EXPECT_EQ(header(on_the_second, "Retry-After"), "Tue, 21 Jan 2025 00:00:05 GMT");
}

TEST(FaultRefusalsTest, RulesTake403And404OnAnyRoute) {
  const auto read = rules(json::parse(R"([{"route": "site-properties", "fault": "403"},
                                          {"route": "*", "fault": "404", "count": 1}])"));
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].fault, FaultKind::kForbidden);
  EXPECT_EQ(read[1].fault, FaultKind::kNotFound);
  EXPECT_EQ(fault_name(FaultKind::kForbidden), "403");
  EXPECT_EQ(fault_from_name("404"), FaultKind::kNotFound);
  EXPECT_NE(
      problem_with({{"route", "*"}, {"fault", "403"}, {"retry_after", 1}}).find("retry_after"),
      std::string::npos);
}

TEST(FaultRefusalsTest, ARuleAsksForTheDateFormWithRetryAfterForm) {
  const auto read = rules(json::parse(R"([
      {"route": "get-link", "fault": "503", "retry_after": 30, "retry_after_form": "date"},
      {"route": "get-link", "fault": "429", "retry_after_form": "date"},
      {"route": "get-link", "fault": "500", "retry_after": 2, "retry_after_form": "seconds"}])"));
  ASSERT_EQ(read.size(), 3u);
  EXPECT_TRUE(read[0].retry_after_date);
  EXPECT_TRUE(read[1].retry_after_date) << "429's default second, as a date";
  EXPECT_EQ(read[1].retry_after, 1);
  EXPECT_FALSE(read[2].retry_after_date);
  EXPECT_EQ(fault_rule_json(read[0]),
            json::parse(R"({"route": "get-link", "fault": "503", "retry_after": 30,
                            "retry_after_form": "date", "applied": 0})"));

  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "503"}, {"retry_after_form", "date"}})
                .find("needs \"retry_after\""),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "429"}, {"retry_after_form", "http"}})
                .find("\"seconds\" or \"date\""),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "404"}, {"retry_after_form", "date"}})
                .find("retry_after_form"),
            std::string::npos);
}

TEST(FaultRefusalsTest, ThePlanPassesTheDateFormOnAndTheLogSaysSo) {
  FaultPlan plan(kRoutes);
  plan.add(rules({{"route", "get-link"}, {"fault", "429"}, {"retry_after_form", "date"}}));
  const auto fault = plan.take("get-link");
  ASSERT_TRUE(fault);
  EXPECT_TRUE(fault->retry_after_date);
  EXPECT_EQ(fault_text(*fault), "429 with a Retry-After date");
}

TEST(FaultRefusalsTest, TheFlagSaysRetryAfterDateEqualsOne) {
  const auto rule = fault_flag_rule("get-link:503:2:retry_after=5:retry_after_date=1");
  ASSERT_TRUE(std::holds_alternative<json>(rule)) << std::get<std::string>(rule);
  EXPECT_EQ(std::get<json>(rule), json::parse(R"({"route": "get-link", "fault": "503",
      "count": 2, "retry_after": 5, "retry_after_form": "date"})"));
  EXPECT_TRUE(rules(std::get<json>(rule))[0].retry_after_date);
  EXPECT_EQ(std::get<json>(fault_flag_rule("get-link:429:retry_after_date=0"))["retry_after_form"],
            "seconds");
  for (const char* flag : {"get-link:429:retry_after_date=2", "get-link:429:retry_after_date=",
                           "get-link:429:retry_after_date=1:retry_after_date=1"}) {
    EXPECT_TRUE(std::holds_alternative<std::string>(fault_flag_rule(flag))) << flag;
  }
  EXPECT_TRUE(std::holds_alternative<json>(fault_flag_rule("site-properties:403")));
}

}  // namespace
}  // namespace linkpos::tools::wixsim
