#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace linkpos::tools::wixsim {

// Wix API Query Language filters, evaluated against items in the API's JSON shape: a field
// (dotted path) equals a value, {"field": {"$op": value}}, and $and / $or / $not. Operators:
// $eq $ne $gt $gte $lt $lte $in $nin $exists $startsWith.

// Why the filter cannot be evaluated (not an object, an unknown operator, $in without an
// array, …); nullopt when it can.
std::optional<std::string> filter_problem(const nlohmann::json& filter);

// Whether `item` passes `filter` (which must have no problem).
bool filter_matches(const nlohmann::json& filter, const nlohmann::json& item);

// The value at a dotted path ("regularPaymentLinkPayment.contactDetails.email"), or nullptr.
const nlohmann::json* field_at(const nlohmann::json& item, std::string_view path);

// Orders two values of one field as Wix does: date-times as instants (whatever their
// fraction or offset), decimal strings as numbers (also against JSON numbers), other strings,
// numbers and booleans as themselves; values of different kinds are unordered.
std::partial_ordering compare_field_values(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace linkpos::tools::wixsim
