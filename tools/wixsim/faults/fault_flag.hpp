#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace linkpos::tools::wixsim {

// Reads one --fault value, ROUTE:FAULT[:COUNT][:FIELD=N…] with FIELD one of latency_ms,
// retry_after, interval_ms, or retry_after_date (1: "retry_after_form": "date"; 0: "seconds")
// ("create-link:503:2", "query-payments:endless-body:interval_ms=50",
// "get-link:429:retry_after=5:retry_after_date=1"), into the rule object the control endpoint
// takes, for read_fault_rules to check; or says why it is not of that form.
std::variant<nlohmann::json, std::string> fault_flag_rule(std::string_view flag);

}  // namespace linkpos::tools::wixsim
