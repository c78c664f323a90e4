#include "tools/wixsim/model/query_filter.hpp"

#include <algorithm>
#include <array>

#include "tools/wixsim/model/decimal_amount.hpp"
#include "tools/wixsim/model/rfc3339.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 10> kOperators = {
    "$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$startsWith"};

bool is_operator_object(const json& condition) {
  if (!condition.is_object())
    return false;
  return std::any_of(condition.items().begin(), condition.items().end(), [](const auto& entry) {
    return !entry.key().empty() && entry.key()[0] == '$';
  });
}

bool equal(const json& a, const json& b) {
  if (a.is_object() || a.is_array())
    return a == b;
  return compare_field_values(a, b) == std::partial_ordering::equivalent;
}

bool contains(const json& values, const json& value) {
  return std::any_of(values.begin(), values.end(),
                     [&](const json& candidate) { return equal(candidate, value); });
}

bool operator_holds(std::string_view name, const json& operand, const json* value) {
  if (name == "$exists")
    return (value != nullptr) == operand.get<bool>();
  if (name == "$ne")
    return value == nullptr || !equal(*value, operand);
  if (name == "$nin")
    return value == nullptr || !contains(operand, *value);
  if (value == nullptr)
    return false;
  if (name == "$eq")
    return equal(*value, operand);
  if (name == "$in")
    return contains(operand, *value);
  if (name == "$startsWith") {
    return value->is_string() &&
           value->get_ref<const std::string&>().starts_with(operand.get<std::string>());
  }
  const auto order = compare_field_values(*value, operand);
  if (name == "$gt")
    return order == std::partial_ordering::greater;
  if (name == "$gte")
    return order == std::partial_ordering::greater || order == std::partial_ordering::equivalent;
  if (name == "$lt")
    return order == std::partial_ordering::less;
  if (name == "$lte")
    return order == std::partial_ordering::less || order == std::partial_ordering::equivalent;
  return false;
}

bool condition_holds(const json& condition, const json* value) {
  if (!is_operator_object(condition))
    return value != nullptr && equal(*value, condition);
  for (const auto& [name, operand] : condition.items()) {
    if (!operator_holds(name, operand, value))
      return false;
  }
  return true;
}

std::optional<std::string> condition_problem(const std::string& field, const json& condition) {
  if (!is_operator_object(condition))
    return std::nullopt;
  for (const auto& [name, operand] : condition.items()) {
    if (std::find(kOperators.begin(), kOperators.end(), name) == kOperators.end()) {
      return "unsupported operator " + name + " on " + field;
    }
    if ((name == "$in" || name == "$nin") && !operand.is_array())
      return name + " on " + field + " needs an array";
    if (name == "$exists" && !operand.is_boolean())
      return "$exists on " + field + " needs true or false";
    if (name == "$startsWith" && !operand.is_string())
      return "$startsWith on " + field + " needs a string";
  }
  return std::nullopt;
}

}  // namespace

const json* field_at(const json& item, std::string_view path) {
  const json* at = &item;
  while (true) {
    const auto dot = path.find('.');
    const std::string name(path.substr(0, dot));
    if (!at->is_object())
      return nullptr;
    const auto found = at->find(name);
    if (found == at->end())
      return nullptr;
    at = &*found;
    if (dot == std::string_view::npos)
      return at->is_null() ? nullptr : at;
    path.remove_prefix(dot + 1);
  }
}

std::partial_ordering compare_field_values(const json& a, const json& b) {
  if (a.is_string() && b.is_string()) {
    const auto& text_a = a.get_ref<const std::string&>();
    const auto& text_b = b.get_ref<const std::string&>();
    const auto time_a = parse_rfc3339(text_a);
    const auto time_b = parse_rfc3339(text_b);
    if (time_a && time_b)
      return *time_a <=> *time_b;
    const auto amount_a = parse_decimal_amount(text_a);
    const auto amount_b = parse_decimal_amount(text_b);
    if (amount_a && amount_b)
      return amount_a->thousandths <=> amount_b->thousandths;
    return text_a <=> text_b;
  }
  if (a.is_number() && b.is_number())
    return a.get<double>() <=> b.get<double>();
  if (a.is_boolean() && b.is_boolean())
    return a.get<bool>() <=> b.get<bool>();
  // Amounts written as JSON numbers (--amount-form number) against a filter's decimal string,
  // or the other way round, compare as numbers.
  const auto as_number = [](const json& value) -> std::optional<double> {
    if (value.is_number())
      return value.get<double>();
    if (value.is_string()) {
      if (const auto amount = parse_decimal_amount(value.get_ref<const std::string&>()))
        return static_cast<double>(amount->thousandths) / 1000.0;
    }
    return std::nullopt;
  };
  const auto number_a = as_number(a);
  const auto number_b = as_number(b);
  if (number_a && number_b)
    return *number_a <=> *number_b;
  return std::partial_ordering::unordered;
}

std::optional<std::string> filter_problem(const json& filter) {
  if (!filter.is_object())
    return "the filter must be an object";
  for (const auto& [key, condition] : filter.items()) {
    if (key == "$and" || key == "$or") {
      if (!condition.is_array())
        return key + " needs an array of filters";
      for (const auto& part : condition) {
        if (auto problem = filter_problem(part))
          return problem;
      }
    } else if (key == "$not") {
      if (auto problem = filter_problem(condition))
        return problem;
    } else if (!key.empty() && key[0] == '$') {
      return "unsupported operator " + key;
    } else if (auto problem = condition_problem(key, condition)) {
      return problem;
    }
  }
  return std::nullopt;
}

bool filter_matches(const json& filter, const json& item) {
  for (const auto& [key, condition] : filter.items()) {
    if (key == "$and") {
      if (!std::all_of(condition.begin(), condition.end(),
                       [&](const json& f) { return filter_matches(f, item); })) {
        return false;
      }
    } else if (key == "$or") {
      if (!std::any_of(condition.begin(), condition.end(),
                       [&](const json& f) { return filter_matches(f, item); })) {
        return false;
      }
    } else if (key == "$not") {
      if (filter_matches(condition, item))
        return false;
    } else if (!condition_holds(condition, field_at(item, key))) {
      return false;
    }
  }
  return true;
}

}  // namespace linkpos::tools::wixsim
