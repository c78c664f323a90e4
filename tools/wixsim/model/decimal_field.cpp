#include "tools/wixsim/model/decimal_field.hpp"

namespace linkpos::tools::wixsim {
namespace {

bool all_digits(std::string_view part) {
  return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string format_example(bool number_allowed) {
  return number_allowed ? "must be a decimal such as \"12.50\" or 12.5"
                        : "must be a decimal string such as \"12.50\"";
}

}  // namespace

std::variant<DecimalAmount, FieldViolation> read_decimal_text(std::string_view text,
                                                              const std::string& field,
                                                              DecimalRules rules) {
  if (auto amount = parse_decimal_amount(text)) {
    if (rules.above_zero && amount->thousandths == 0)
      return FieldViolation{field, "must be above 0", "DECIMAL_GT"};
    return *amount;
  }
  // Tell which rule a decimal-looking text breaks, as Wix does.
  const bool negative = text.starts_with('-');
  const std::string_view unsigned_text = text.substr(negative ? 1 : 0);
  const auto point = unsigned_text.find('.');
  const auto whole = unsigned_text.substr(0, point);
  const auto fraction =
      point == std::string_view::npos ? std::string_view{} : unsigned_text.substr(point + 1);
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction)))
    return FieldViolation{field, format_example(rules.number_allowed), "FORMAT"};
  if (negative) {
    return rules.above_zero ? FieldViolation{field, "must be above 0", "DECIMAL_GT"}
                            : FieldViolation{field, "must be at least 0", "DECIMAL_GTE"};
  }
  if (fraction.size() > kMaxAmountScale)
    return FieldViolation{field, "must have at most 3 decimal places", "DECIMAL_MAX_SCALE"};
  return FieldViolation{field, "must be at most 1000000000000000", "DECIMAL_LTE"};
}

std::variant<DecimalAmount, FieldViolation> read_decimal_value(const nlohmann::json& value,
                                                               const std::string& field,
                                                               DecimalRules rules) {
  if (value.is_string())
    return read_decimal_text(value.get_ref<const std::string&>(), field, rules);
  if (value.is_number() && rules.number_allowed)
    return read_decimal_text(value.dump(), field, rules);
  return FieldViolation{field, format_example(rules.number_allowed), "FORMAT"};
}

}  // namespace linkpos::tools::wixsim
