#pragma once

#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"
#include "tools/wixsim/routes/router.hpp"

namespace linkpos::tools::wixsim {

// The test harness's fault endpoints on /_wixsim/faults (README: "Faults"): read the rules, add
// some, clear them. Not Wix, no key: tests change faults while wixsim runs. Every answer is the
// rules then in force, {"faults": [rule…]}; a refused addition adds nothing (400 INVALID_FAULT).
class FaultControl {
 public:
  explicit FaultControl(FaultPlan& plan);

  HttpResponse read(const HttpRequest& request, const RouteMatch& match);
  HttpResponse add(const HttpRequest& request, const RouteMatch& match);
  HttpResponse clear(const HttpRequest& request, const RouteMatch& match);

 private:
  HttpResponse rules_in_force() const;

  FaultPlan& plan_;
};

}  // namespace linkpos::tools::wixsim
