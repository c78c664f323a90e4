#include "config/loopback_url.hpp"

#include <cctype>
#include <string>

namespace linkpos::config {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty())
    return false;
  for (const char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

bool is_loopback_ipv4(std::string_view host) {
  int parts = 0;
  int first = -1;
  while (true) {
    const auto dot = host.find('.');
    const std::string_view part = host.substr(0, dot);
    if (!all_digits(part) || part.size() > 3 || std::stoi(std::string(part)) > 255)
      return false;
    if (first < 0)
      first = std::stoi(std::string(part));
    ++parts;
    if (dot == std::string_view::npos)
      break;
    host.remove_prefix(dot + 1);
  }
  return parts == 4 && first == 127;
}

bool is_localhost(std::string_view host) {
  constexpr std::string_view kName = "localhost";
  if (host.size() != kName.size())
    return false;
  for (std::size_t i = 0; i < host.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(host[i])) != kName[i])
      return false;
  }
  return true;
}

}  // namespace

bool is_loopback_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos)
    return false;
  std::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  // User information moves the host after an '@' that a reader may miss; a backslash is read
  // as '/' by some parsers and not by others. Neither has a place in a local emulator's URL.
  if (authority.find_first_of("@\\") != std::string_view::npos)
    return false;
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos)
      return false;
    host = authority.substr(0, close + 1);
    port = authority.substr(close + 1);
  } else if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon);
  }
  if (!port.empty() && !(port.front() == ':' && all_digits(port.substr(1))))
    return false;
  return host == "[::1]" || is_localhost(host) || is_loopback_ipv4(host);
}

}  // namespace linkpos::config
