#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/decimal_amount.hpp"
#include "tools/wixsim/model/wix_error.hpp"

namespace linkpos::tools::wixsim {

// What a request's DECIMAL_VALUE field may hold besides "a decimal with at most 3 places in
// 0 … 1e15".
struct DecimalRules {
  bool above_zero = false;      // 0 < x instead of 0 ≤ x (an amount paid)
  bool number_allowed = false;  // a JSON number as well as a decimal string
};

// Reads a decimal written as text ("12.50", a form field's value), or the violation Wix would
// report for `field`: FORMAT, DECIMAL_GTE / DECIMAL_GT, DECIMAL_MAX_SCALE or DECIMAL_LTE.
std::variant<DecimalAmount, FieldViolation> read_decimal_text(std::string_view text,
                                                              const std::string& field,
                                                              DecimalRules rules);

// The same for a JSON value: a decimal string, or a number when the rules allow it (read by its
// shortest text, so 15.0001 breaks the scale rule as "15.0001" would).
std::variant<DecimalAmount, FieldViolation> read_decimal_value(const nlohmann::json& value,
                                                               const std::string& field,
                                                               DecimalRules rules);

}  // namespace linkpos::tools::wixsim
