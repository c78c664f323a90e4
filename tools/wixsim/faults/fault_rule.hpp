#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace linkpos::tools::wixsim {

// What wixsim does to a request instead of (or besides) answering it plainly. Faults whose route
// runs leave its effect in place (a link is created, a deactivate applies) and mangle only the
// answer, as a broken network or proxy would; the others refuse the request unprocessed.
enum class FaultKind {
  kLatency,    // the answer comes late; nothing else changes
  kStatus500,  // 500, 502 or 503 with an empty body; the route does not run
  kStatus502,
  kStatus503,
  kTooManyRequests,    // 429 with Retry-After; the route does not run
  kForbidden,          // 403 PERMISSION_DENIED with Wix's error body; the route does not run
  kNotFound,           // 404 with Wix's error body; the route does not run
  kCloseBeforeAnswer,  // the request is read, then the connection closed; the route does not run
  kCommitThenDrop,     // the route runs, then the connection is closed without an answer
  kMalformedJson,      // the route runs; 200 with the first half of its body as the whole body
  kTruncatedBody,      // the route runs; its head, half its body, then the connection closed
  kResetMidBody,       // the route runs; its head, half its body, then a TCP reset
  kEndlessBody,        // the route runs; its head with a chunked body that never ends
};

// The names rules use: "latency", "500", "502", "503", "429", "403", "404",
// "close-before-answer", "commit-then-drop", "malformed-json", "truncated-body",
// "reset-mid-body", "endless-body".
std::string_view fault_name(FaultKind fault);
std::optional<FaultKind> fault_from_name(std::string_view name);

// One fault rule as a test or technician sets it (README: "Faults").
struct FaultRule {
  inline static const std::string kAnyRoute = "*";

  std::string route;  // a route's name ("create-link"), or kAnyRoute
  FaultKind fault = FaultKind::kLatency;
  std::optional<int> count;               // requests it still applies to; nullopt: until cleared
  std::chrono::milliseconds latency{0};   // waited before the route runs, whatever the fault
  std::optional<int> retry_after;         // seconds, sent as Retry-After (429 always: 1 if unset)
  bool retry_after_date = false;          // Retry-After as an HTTP-date (wixsim's clock + it)
  std::chrono::milliseconds interval{0};  // endless-body: the pause between chunks
  int applied = 0;                        // requests it has applied to so far
};

// Rules read from the control endpoint's JSON: an array of rule objects (or one object)
// {"route", "fault", "count"?, "latency_ms"?, "retry_after"?, "retry_after_form"?
// ("seconds" | "date"), "interval_ms"?}. `routes` are
// the names a rule may give besides "*". All or nothing: the first problem found, in words
// that name the rule and the field, when any rule is unusable.
std::variant<std::vector<FaultRule>, std::string> read_fault_rules(
    const nlohmann::json& rules, const std::vector<std::string>& routes);

// A rule as the control endpoint shows it: its fields as read, "count" being what is left
// (absent when unlimited), and "applied".
nlohmann::json fault_rule_json(const FaultRule& rule);

}  // namespace linkpos::tools::wixsim
