#include "tools/wixsim/model/wix_error.hpp"

namespace linkpos::tools::wixsim {

WixError application_error(int http_status, std::string code, std::string description) {
  WixError error;
  error.http_status = http_status;
  error.message = description;
  error.code = std::move(code);
  error.description = std::move(description);
  return error;
}

WixError validation_error(std::vector<FieldViolation> violations) {
  WixError error;
  error.http_status = 400;
  error.message = violations.empty()
                      ? "invalid request"
                      : violations.front().field + ": " + violations.front().description;
  error.violations = std::move(violations);
  return error;
}

nlohmann::json error_body(const WixError& error) {
  nlohmann::json details = nlohmann::json::object();
  if (error.violations.empty()) {
    details["applicationError"] = {{"code", error.code},
                                   {"description", error.description},
                                   {"data", nlohmann::json::object()}};
  } else {
    nlohmann::json violations = nlohmann::json::array();
    for (const auto& violation : error.violations) {
      violations.push_back({{"field", violation.field},
                            {"description", violation.description},
                            {"violatedRule", violation.violated_rule},
                            {"ruleName", "VALIDATION_ERROR"},
                            {"data", nlohmann::json::object()}});
    }
    details["validationError"] = {{"fieldViolations", std::move(violations)}};
  }
  return {{"message", error.message}, {"details", std::move(details)}};
}

}  // namespace linkpos::tools::wixsim
