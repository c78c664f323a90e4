#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/wixsim/faults/fault_rule.hpp"

namespace linkpos::tools::wixsim {

// What one request gets: its fault (kLatency when only latency applies), the time to wait
// before its route runs, and the fault's parameters.
struct RequestFault {
  FaultKind fault = FaultKind::kLatency;
  std::chrono::milliseconds latency{0};
  std::optional<int> retry_after;
  std::chrono::milliseconds interval{0};
  bool retry_after_date = false;
};

// The fault rules in force and their counting. For each request, every rule naming its route
// (or "*") with uses left takes part: latency rules add up their delays; of the others, the
// first in order gives the fault (its latency_ms delays it too). Each rule that took part uses
// one of its count; a rule used up stays listed, with count 0, until cleared.
class FaultPlan {
 public:
  // `routes`: the route names rules may give and "*" stands for; other routes never get a fault
  // (the harness's own, so a test can always reach them).
  explicit FaultPlan(std::vector<std::string> routes);

  const std::vector<std::string>& routes() const { return routes_; }
  const std::vector<FaultRule>& rules() const { return rules_; }

  // Adds rules after those already there; read_fault_rules(…, routes()) made them.
  void add(std::vector<FaultRule> rules);
  void clear();

  // The fault for one request to `route`, counted; nullopt when no rule applies.
  std::optional<RequestFault> take(std::string_view route);

 private:
  std::vector<std::string> routes_;
  std::vector<FaultRule> rules_;
};

// The fault in the log's words: "503", "latency 200 ms", "reset-mid-body after 200 ms".
std::string fault_text(const RequestFault& fault);

}  // namespace linkpos::tools::wixsim
