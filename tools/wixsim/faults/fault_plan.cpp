#include "tools/wixsim/faults/fault_plan.hpp"

#include <algorithm>
#include <utility>

namespace linkpos::tools::wixsim {

FaultPlan::FaultPlan(std::vector<std::string> routes) : routes_(std::move(routes)) {}

void FaultPlan::add(std::vector<FaultRule> rules) {
  for (auto& rule : rules)
    rules_.push_back(std::move(rule));
}

void FaultPlan::clear() {
  rules_.clear();
}

std::optional<RequestFault> FaultPlan::take(std::string_view route) {
  if (std::find(routes_.begin(), routes_.end(), route) == routes_.end())
    return std::nullopt;
  std::optional<RequestFault> decided;
  bool fault_chosen = false;
  for (FaultRule& rule : rules_) {
    const bool matches = rule.route == FaultRule::kAnyRoute || rule.route == route;
    if (!matches || (rule.count && *rule.count <= 0))
      continue;
    const bool is_latency = rule.fault == FaultKind::kLatency;
    if (!is_latency && fault_chosen)
      continue;
    if (!decided)
      decided.emplace();
    decided->latency += rule.latency;
    if (!is_latency) {
      fault_chosen = true;
      decided->fault = rule.fault;
      decided->retry_after = rule.retry_after;
      decided->retry_after_date = rule.retry_after_date;
      decided->interval = rule.interval;
    }
    if (rule.count)
      --*rule.count;
    ++rule.applied;
  }
  return decided;
}

std::string fault_text(const RequestFault& fault) {
  std::string text(fault_name(fault.fault));
  if (fault.fault == FaultKind::kLatency)
    return text + " " + std::to_string(fault.latency.count()) + " ms";
  if (fault.retry_after_date)
    text += " with a Retry-After date";
  if (fault.fault == FaultKind::kEndlessBody && fault.interval.count() != 0)
    text += " every " + std::to_string(fault.interval.count()) + " ms";
  if (fault.latency.count() != 0)
    text += " after " + std::to_string(fault.latency.count()) + " ms";
  return text;
}

}  // namespace linkpos::tools::wixsim
