// Fault rules as the control endpoint and the flags give them, and how a plan of rules picks and
// counts the fault of each request.
#include <gtest/gtest.h>

#include "tools/wixsim/faults/fault_bodies.hpp"
#include "tools/wixsim/faults/fault_flag.hpp"
#include "tools/wixsim/faults/fault_plan.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const std::vector<std::string> kRoutes{"create-link", "get-link", "query-payments", "not-found"};

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

FaultPlan plan_of(const json& body) {
  FaultPlan plan(kRoutes);
  plan.add(rules(body));
  return plan;
}

TEST(FaultRulesTest, ReadsAListOfRulesWithEveryField) {
  const auto read = rules(json::parse(R"([
      {"route": "create-link", "fault": "503", "count": 2, "latency_ms": 150, "retry_after": 7},
      {"route": "*", "fault": "endless-body", "interval_ms": 40},
      {"route": "get-link", "fault": "latency", "latency_ms": 300}])"));
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].route, "create-link");
  EXPECT_EQ(read[0].fault, FaultKind::kStatus503);
  EXPECT_EQ(read[0].count, 2);
  EXPECT_EQ(read[0].latency, 150ms);
  EXPECT_EQ(read[0].retry_after, 7);
  EXPECT_EQ(read[1].route, "*");
  EXPECT_EQ(read[1].fault, FaultKind::kEndlessBody);
  EXPECT_EQ(read[1].count, std::nullopt) << "no count: until cleared";
  EXPECT_EQ(read[1].interval, 40ms);
  EXPECT_EQ(read[2].fault, FaultKind::kLatency);
  EXPECT_EQ(read[2].latency, 300ms);
}

TEST(FaultRulesTest, KnowsEveryFaultByItsName) {
  for (const char* name :
       {"latency", "500", "502", "503", "429", "close-before-answer", "commit-then-drop",
        "malformed-json", "truncated-body", "reset-mid-body", "endless-body"}) {
    const auto fault = fault_from_name(name);
    ASSERT_TRUE(fault) << name;
    EXPECT_EQ(fault_name(*fault), name);
  }
  EXPECT_EQ(fault_from_name("504"), std::nullopt);
}

TEST(FaultRulesTest, OneRuleObjectIsAListOfOne) {
  const auto read = rules({{"route", "get-link"}, {"fault", "close-before-answer"}});
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].fault, FaultKind::kCloseBeforeAnswer);
}

TEST(FaultRulesTest, ATooManyRequestsFaultSaysRetryAfterOneSecondUnlessTold) {
  EXPECT_EQ(rules({{"route", "*"}, {"fault", "429"}})[0].retry_after, 1);
  EXPECT_EQ(rules({{"route", "*"}, {"fault", "429"}, {"retry_after", 0}})[0].retry_after, 0);
  EXPECT_EQ(rules({{"route", "*"}, {"fault", "503"}})[0].retry_after, std::nullopt);
}

TEST(FaultRulesTest, RefusesAnUnusableRuleNamingItAndTheField) {
  const json good = {{"route", "get-link"}, {"fault", "500"}};
  EXPECT_EQ(problem_with(json::array({good, {{"route", "create-links"}, {"fault", "500"}}})),
            "rule 1: no route \"create-links\" takes faults; \"*\" or one of: create-link, "
            "get-link, query-payments, not-found");
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "504"}}).find("\"fault\" must be one of"),
            std::string::npos);
  EXPECT_NE(problem_with({{"fault", "500"}}).find("\"route\""), std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "500"}, {"count", 0}}).find("\"count\""),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "500"}, {"count", 1.5}}).find("\"count\""),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "500"}, {"latency_ms", -1}}).find("latency"),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "latency"}}).find("latency_ms"),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "reset-mid-body"}, {"retry_after", 1}})
                .find("retry_after"),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "500"}, {"interval_ms", 1}}).find("interval"),
            std::string::npos);
  EXPECT_NE(problem_with({{"route", "*"}, {"fault", "500"}, {"cuont", 1}}).find("\"cuont\""),
            std::string::npos);
  EXPECT_NE(problem_with("503").find("array"), std::string::npos);
}

TEST(FaultRulesTest, ShowsWhatIsLeftOfACountAndHowOftenARuleApplied) {
  FaultRule rule = rules({{"route", "create-link"}, {"fault", "503"}, {"count", 3}})[0];
  rule.count = 1;
  rule.applied = 2;
  EXPECT_EQ(fault_rule_json(rule),
            json::parse(R"({"route": "create-link", "fault": "503", "count": 1, "applied": 2})"));
  const FaultRule endless = rules({{"route", "*"}, {"fault", "endless-body"}})[0];
  EXPECT_EQ(fault_rule_json(endless),
            json::parse(R"({"route": "*", "fault": "endless-body", "interval_ms": 0,
                            "applied": 0})"));
}

TEST(FaultPlanTest, ACountedRuleAppliesToThatManyMatchingRequestsThenNoMore) {
  FaultPlan plan = plan_of({{"route", "create-link"}, {"fault", "503"}, {"count", 2}});
  EXPECT_EQ(plan.take("get-link"), std::nullopt) << "another route uses none of the count";
  ASSERT_TRUE(plan.take("create-link"));
  ASSERT_TRUE(plan.take("create-link"));
  EXPECT_EQ(plan.take("create-link"), std::nullopt);
  ASSERT_EQ(plan.rules().size(), 1u) << "a used-up rule stays listed";
  EXPECT_EQ(plan.rules()[0].count, 0);
  EXPECT_EQ(plan.rules()[0].applied, 2);
}

TEST(FaultPlanTest, ARuleWithoutCountAppliesUntilCleared) {
  FaultPlan plan = plan_of({{"route", "get-link"}, {"fault", "close-before-answer"}});
  for (int i = 0; i < 50; ++i) {
    const auto fault = plan.take("get-link");
    ASSERT_TRUE(fault);
    EXPECT_EQ(fault->fault, FaultKind::kCloseBeforeAnswer);
  }
  plan.clear();
  EXPECT_TRUE(plan.rules().empty());
  EXPECT_EQ(plan.take("get-link"), std::nullopt);
}

TEST(FaultPlanTest, AnyRouteMeansEveryRouteFaultsMayNameAndNoOther) {
  FaultPlan plan = plan_of({{"route", "*"}, {"fault", "500"}});
  EXPECT_TRUE(plan.take("query-payments"));
  EXPECT_TRUE(plan.take("not-found"));
  EXPECT_EQ(plan.take("state"), std::nullopt) << "the harness's routes stay reachable";
  EXPECT_EQ(plan.take("clear-faults"), std::nullopt);
  EXPECT_EQ(plan.rules()[0].applied, 2);
}

TEST(FaultPlanTest, TheFirstMatchingFaultWinsAndALaterOneKeepsItsCount) {
  FaultPlan plan = plan_of(json::parse(R"([
      {"route": "create-link", "fault": "429", "count": 1, "retry_after": 3},
      {"route": "*", "fault": "503", "count": 1}])"));
  const auto first = plan.take("create-link");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->fault, FaultKind::kTooManyRequests);
  EXPECT_EQ(first->retry_after, 3);
  EXPECT_EQ(plan.rules()[1].count, 1);
  const auto second = plan.take("create-link");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->fault, FaultKind::kStatus503);
  EXPECT_EQ(plan.take("create-link"), std::nullopt);
}

TEST(FaultPlanTest, LatencyRulesAddUpAndDelayTheFaultToo) {
  FaultPlan plan = plan_of(json::parse(R"([
      {"route": "*", "fault": "latency", "latency_ms": 100},
      {"route": "get-link", "fault": "reset-mid-body", "latency_ms": 20, "count": 1},
      {"route": "get-link", "fault": "latency", "latency_ms": 5, "count": 1}])"));
  const auto first = plan.take("get-link");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->fault, FaultKind::kResetMidBody);
  EXPECT_EQ(first->latency, 125ms);
  const auto second = plan.take("get-link");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->fault, FaultKind::kLatency) << "latency only, once the others are used up";
  EXPECT_EQ(second->latency, 100ms);
  EXPECT_EQ(plan.rules()[0].applied, 2);
}

TEST(FaultPlanTest, DescribesARequestsFaultForTheLog) {
  EXPECT_EQ(fault_text({FaultKind::kStatus503, 0ms, std::nullopt, 0ms}), "503");
  EXPECT_EQ(fault_text({FaultKind::kLatency, 250ms, std::nullopt, 0ms}), "latency 250 ms");
  EXPECT_EQ(fault_text({FaultKind::kCommitThenDrop, 20ms, std::nullopt, 0ms}),
            "commit-then-drop after 20 ms");
  EXPECT_EQ(fault_text({FaultKind::kEndlessBody, 0ms, std::nullopt, 50ms}),
            "endless-body every 50 ms");
}

TEST(FaultFlagTest, ReadsRouteFaultCountAndFields) {
  const auto rule = fault_flag_rule("create-link:503:2:latency_ms=150:retry_after=4");
  ASSERT_TRUE(std::holds_alternative<json>(rule)) << std::get<std::string>(rule);
  EXPECT_EQ(std::get<json>(rule), json::parse(R"({"route": "create-link", "fault": "503",
      "count": 2, "latency_ms": 150, "retry_after": 4})"));
  EXPECT_EQ(std::get<json>(fault_flag_rule("*:commit-then-drop")),
            json::parse(R"({"route": "*", "fault": "commit-then-drop"})"));
  // The flag's rule is checked like the endpoint's.
  EXPECT_EQ(
      rules(std::get<json>(fault_flag_rule("get-link:endless-body:interval_ms=30")))[0].interval,
      30ms);
}

TEST(FaultFlagTest, RefusesWhatIsNotRouteColonFault) {
  for (const char* flag : {"create-link", ":503", "create-link:", "create-link:503:two",
                           "create-link:503:1:1", "create-link:503:latency_ms=", ""}) {
    const auto rule = fault_flag_rule(flag);
    ASSERT_TRUE(std::holds_alternative<std::string>(rule)) << flag;
    EXPECT_NE(std::get<std::string>(rule).find("ROUTE:FAULT"), std::string::npos);
  }
}

TEST(FaultBodiesTest, ABrokenJsonBodyNeverParses) {
  for (const std::string& body : {std::string(R"({"paymentLink": {"id": "abc", "title": "Sale"}})"),
                                  std::string("{}"), std::string(), std::string(R"({"a":1})")}) {
    const std::string broken = broken_json(body);
    EXPECT_TRUE(json::parse(broken, nullptr, false).is_discarded()) << broken;
  }
}

TEST(FaultBodiesTest, APartialBodyIsNeverTheWholeBody) {
  EXPECT_EQ(partial_length(1000), 500u);
  EXPECT_EQ(partial_length(2), 1u);
  EXPECT_LT(partial_length(1), 1u);
}

TEST(FaultBodiesTest, TheEndlessChunkIsOneWellFramedChunkOfJsonWhitespace) {
  const std::string& chunk = endless_chunk();
  const auto line_end = chunk.find("\r\n");
  ASSERT_NE(line_end, std::string::npos);
  const std::size_t size = std::stoul(chunk.substr(0, line_end), nullptr, 16);
  EXPECT_GE(size, 1024u);
  ASSERT_EQ(chunk.size(), line_end + 2 + size + 2);
  EXPECT_EQ(chunk.substr(line_end + 2, size), std::string(size, ' '));
  EXPECT_EQ(chunk.substr(chunk.size() - 2), "\r\n");
  EXPECT_EQ(&endless_chunk(), &chunk) << "one chunk, reused";
}

}  // namespace
}  // namespace linkpos::tools::wixsim
