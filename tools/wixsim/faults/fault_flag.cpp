#include "tools/wixsim/faults/fault_flag.hpp"

#include <charconv>
#include <optional>
#include <vector>

namespace linkpos::tools::wixsim {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos)
      return parts;
    text.remove_prefix(at + 1);
  }
}

std::optional<long long> whole_number(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    return std::nullopt;
  return value;
}

}  // namespace

std::variant<nlohmann::json, std::string> fault_flag_rule(std::string_view flag) {
  const std::string usage =
      "--fault wants ROUTE:FAULT[:COUNT][:FIELD=N…], not \"" + std::string(flag) + "\"";
  const auto parts = split(flag, ':');
  if (parts.size() < 2 || parts[0].empty() || parts[1].empty())
    return usage;
  nlohmann::json rule = {{"route", parts[0]}, {"fault", parts[1]}};
  for (std::size_t i = 2; i < parts.size(); ++i) {
    const auto equals = parts[i].find('=');
    const std::string field(equals == std::string_view::npos ? "count"
                                                             : parts[i].substr(0, equals));
    const auto number =
        whole_number(equals == std::string_view::npos ? parts[i] : parts[i].substr(equals + 1));
    if (!number || rule.contains(field))
      return usage;
    if (field == "retry_after_date") {
      // A flag, in the FIELD=N form the others have: 1 for the HTTP-date form.
      if (*number != 0 && *number != 1)
        return usage;
      if (rule.contains("retry_after_form"))
        return usage;
      rule["retry_after_form"] = *number == 1 ? "date" : "seconds";
      continue;
    }
    rule[field] = *number;
  }
  return rule;
}

}  // namespace linkpos::tools::wixsim
