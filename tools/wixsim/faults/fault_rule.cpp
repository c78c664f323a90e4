#include "tools/wixsim/faults/fault_rule.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<FaultKind, std::string_view>, 13> kNames{{
    {FaultKind::kLatency, "latency"},
    {FaultKind::kStatus500, "500"},
    {FaultKind::kStatus502, "502"},
    {FaultKind::kStatus503, "503"},
    {FaultKind::kTooManyRequests, "429"},
    {FaultKind::kForbidden, "403"},
    {FaultKind::kNotFound, "404"},
    {FaultKind::kCloseBeforeAnswer, "close-before-answer"},
    {FaultKind::kCommitThenDrop, "commit-then-drop"},
    {FaultKind::kMalformedJson, "malformed-json"},
    {FaultKind::kTruncatedBody, "truncated-body"},
    {FaultKind::kResetMidBody, "reset-mid-body"},
    {FaultKind::kEndlessBody, "endless-body"},
}};

// Bounds that keep a typo from holding a test for a day or overflowing a counter.
constexpr long long kMaxCount = 1'000'000'000;
constexpr long long kMaxMilliseconds = 600'000;
constexpr long long kMaxRetryAfterSeconds = 86'400;

bool is_status_fault(FaultKind fault) {
  return fault == FaultKind::kStatus500 || fault == FaultKind::kStatus502 ||
         fault == FaultKind::kStatus503 || fault == FaultKind::kTooManyRequests;
}

// A whole number in [low, high] at `key`, or why not.
std::variant<long long, std::string> bounded_integer(const json& rule, const std::string& key,
                                                     long long low, long long high) {
  const json& value = rule.at(key);
  if (!value.is_number_integer() || value.get<long long>() < low || value.get<long long>() > high) {
    return "\"" + key + "\" must be a whole number from " + std::to_string(low) + " to " +
           std::to_string(high);
  }
  return value.get<long long>();
}

std::variant<FaultRule, std::string> read_rule(const json& object,
                                               const std::vector<std::string>& routes) {
  if (!object.is_object())
    return std::string("a rule must be an object");
  for (const auto& [key, value] : object.items()) {
    static constexpr std::array<std::string_view, 7> kKeys{
        "route", "fault", "count", "latency_ms", "retry_after", "retry_after_form", "interval_ms"};
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      return "unknown field \"" + key + "\"";
  }
  FaultRule rule;
  const auto route = object.find("route");
  if (route == object.end() || !route->is_string())
    return std::string("\"route\" must be a route's name or \"*\"");
  rule.route = route->get<std::string>();
  if (rule.route != FaultRule::kAnyRoute &&
      std::find(routes.begin(), routes.end(), rule.route) == routes.end()) {
    std::string known;
    for (const auto& name : routes)
      known += (known.empty() ? "" : ", ") + name;
    return "no route \"" + rule.route + "\" takes faults; \"*\" or one of: " + known;
  }
  const auto fault = object.find("fault");
  const auto kind = fault != object.end() && fault->is_string()
                        ? fault_from_name(fault->get<std::string>())
                        : std::nullopt;
  if (!kind) {
    std::string known;
    for (const auto& [value, name] : kNames)
      known += (known.empty() ? "" : ", ") + std::string(name);
    return "\"fault\" must be one of: " + known;
  }
  rule.fault = *kind;

  if (object.contains("count")) {
    auto count = bounded_integer(object, "count", 1, kMaxCount);
    if (auto* problem = std::get_if<std::string>(&count))
      return *problem;
    rule.count = static_cast<int>(std::get<long long>(count));
  }
  if (object.contains("latency_ms")) {
    auto latency = bounded_integer(object, "latency_ms", 0, kMaxMilliseconds);
    if (auto* problem = std::get_if<std::string>(&latency))
      return *problem;
    rule.latency = std::chrono::milliseconds(std::get<long long>(latency));
  }
  if (rule.fault == FaultKind::kLatency && rule.latency.count() == 0)
    return std::string("a \"latency\" fault needs \"latency_ms\" above 0");
  if (object.contains("retry_after")) {
    if (!is_status_fault(rule.fault))
      return std::string("\"retry_after\" goes with the faults 429, 500, 502 and 503 only");
    auto seconds = bounded_integer(object, "retry_after", 0, kMaxRetryAfterSeconds);
    if (auto* problem = std::get_if<std::string>(&seconds))
      return *problem;
    rule.retry_after = static_cast<int>(std::get<long long>(seconds));
  } else if (rule.fault == FaultKind::kTooManyRequests) {
    rule.retry_after = 1;
  }
  if (object.contains("retry_after_form")) {
    const json& form = object["retry_after_form"];
    if (!is_status_fault(rule.fault))
      return std::string("\"retry_after_form\" goes with the faults 429, 500, 502 and 503 only");
    if (form != "seconds" && form != "date")
      return std::string("\"retry_after_form\" must be \"seconds\" or \"date\"");
    rule.retry_after_date = form == "date";
    if (rule.retry_after_date && !rule.retry_after)
      return std::string("\"retry_after_form\": \"date\" needs \"retry_after\"");
  }
  if (object.contains("interval_ms")) {
    if (rule.fault != FaultKind::kEndlessBody)
      return std::string("\"interval_ms\" goes with the fault endless-body only");
    auto interval = bounded_integer(object, "interval_ms", 0, kMaxMilliseconds);
    if (auto* problem = std::get_if<std::string>(&interval))
      return *problem;
    rule.interval = std::chrono::milliseconds(std::get<long long>(interval));
  }
  return rule;
}

}  // namespace

std::string_view fault_name(FaultKind fault) {
  for (const auto& [kind, name] : kNames) {
    if (kind == fault)
      return name;
  }
  return "?";
}

std::optional<FaultKind> fault_from_name(std::string_view name) {
  for (const auto& [kind, known] : kNames) {
    if (known == name)
      return kind;
  }
  return std::nullopt;
}

std::variant<std::vector<FaultRule>, std::string> read_fault_rules(
    const json& rules, const std::vector<std::string>& routes) {
  const json list = rules.is_object() ? json::array({rules}) : rules;
  if (!list.is_array())
    return std::string("the body must be a rule object or an array of them");
  std::vector<FaultRule> read;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto rule = read_rule(list[i], routes);
    if (auto* problem = std::get_if<std::string>(&rule))
      return "rule " + std::to_string(i) + ": " + *problem;
    read.push_back(std::get<FaultRule>(std::move(rule)));
  }
  return read;
}

json fault_rule_json(const FaultRule& rule) {
  json out = {{"route", rule.route}, {"fault", fault_name(rule.fault)}};
  if (rule.count)
    out["count"] = *rule.count;
  if (rule.latency.count() != 0)
    out["latency_ms"] = rule.latency.count();
  if (rule.retry_after) {
    out["retry_after"] = *rule.retry_after;
    out["retry_after_form"] = rule.retry_after_date ? "date" : "seconds";
  }
  if (rule.fault == FaultKind::kEndlessBody)
    out["interval_ms"] = rule.interval.count();
  out["applied"] = rule.applied;
  return out;
}

}  // namespace linkpos::tools::wixsim
