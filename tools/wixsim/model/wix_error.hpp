#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace linkpos::tools::wixsim {

// One broken rule of a request, as Wix reports it in details.validationError.fieldViolations.
// `violated_rule` is one of Wix's rule names (REQUIRED_FIELD, FORMAT, MIN, DECIMAL_MAX_SCALE …).
struct FieldViolation {
  std::string field;  // "paymentLink.ecomPaymentLink.lineItems[0].customItem.price"
  std::string description;
  std::string violated_rule;
};

// A refused request: its HTTP status and what goes in Wix's error body. An error with
// violations is a validation error; any other an application error with `code`.
struct WixError {
  int http_status = 400;
  std::string message;
  std::string code;
  std::string description;
  std::vector<FieldViolation> violations;
};

WixError application_error(int http_status, std::string code, std::string description);
WixError validation_error(std::vector<FieldViolation> violations);

// {"message": …, "details": {"applicationError": {"code", "description", "data"}}} or, with
// violations, {"message": …, "details": {"validationError": {"fieldViolations": [...]}}}.
nlohmann::json error_body(const WixError& error);

}  // namespace linkpos::tools::wixsim
