#include "tools/wixsim/faults/fault_control.hpp"

#include <nlohmann/json.hpp>

#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {

FaultControl::FaultControl(FaultPlan& plan) : plan_(plan) {}

HttpResponse FaultControl::read(const HttpRequest&, const RouteMatch&) {
  return rules_in_force();
}

HttpResponse FaultControl::add(const HttpRequest& request, const RouteMatch&) {
  const auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    return error_response(
        application_error(400, "INVALID_FAULT", "the body is not JSON: send a rule or a list"));
  }
  auto rules = read_fault_rules(body, plan_.routes());
  if (auto* problem = std::get_if<std::string>(&rules))
    return error_response(application_error(400, "INVALID_FAULT", *problem));
  plan_.add(std::get<std::vector<FaultRule>>(std::move(rules)));
  return rules_in_force();
}

HttpResponse FaultControl::clear(const HttpRequest&, const RouteMatch&) {
  plan_.clear();
  return rules_in_force();
}

HttpResponse FaultControl::rules_in_force() const {
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rule : plan_.rules())
    rules.push_back(fault_rule_json(rule));
  return json_response(200, {{"faults", std::move(rules)}});
}

}  // namespace linkpos::tools::wixsim
