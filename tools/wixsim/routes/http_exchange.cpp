#include "tools/wixsim/routes/http_exchange.hpp"

#include <algorithm>
#include <cctype>

namespace linkpos::tools::wixsim {

std::string_view HttpRequest::header(std::string_view name) const {
  const auto same = [](std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) ==
             std::tolower(static_cast<unsigned char>(y));
    });
  };
  for (const auto& [header_name, value] : headers) {
    if (same(header_name, name))
      return value;
  }
  return {};
}

std::string_view HttpRequest::path() const {
  const std::string_view whole = target;
  return whole.substr(0, whole.find('?'));
}

}  // namespace linkpos::tools::wixsim
