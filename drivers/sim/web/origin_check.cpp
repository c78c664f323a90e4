#include "drivers/sim/web/origin_check.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "drivers/sim/web/panel_address.hpp"

namespace linkpos::drivers::sim::web {
namespace {

bool is_port(std::string_view text) {
  return !text.empty() && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         std::stoul(std::string(text)) <= 65535;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool host_allowed(std::string_view host) {
  std::string_view name;
  std::string_view rest;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos)
      return false;
    name = host.substr(1, close - 1);
    rest = host.substr(close + 1);
    // Only IPv6 literals come in brackets.
    if (name.find(':') == std::string_view::npos)
      return false;
  } else {
    const auto colon = host.find(':');
    name = host.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : host.substr(colon);
  }
  if (!rest.empty() && (rest.front() != ':' || !is_port(rest.substr(1))))
    return false;
  if (equal_ignoring_case(name, "localhost"))
    return true;
  return !name.empty() && bindable_address(name).has_value();
}

bool origin_allowed(std::string_view host, std::optional<std::string_view> origin) {
  if (!origin)
    return true;
  return !host.empty() && equal_ignoring_case(*origin, "http://" + std::string(host));
}

}  // namespace linkpos::drivers::sim::web
