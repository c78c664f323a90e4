#include "drivers/sim/web/panel_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace linkpos::drivers::sim::web {
namespace {

bool is_ipv4(const std::string& address) {
  in_addr parsed{};
  return ::inet_pton(AF_INET, address.c_str(), &parsed) == 1;
}

std::optional<in6_addr> ipv6(const std::string& address) {
  in6_addr parsed{};
  if (::inet_pton(AF_INET6, address.c_str(), &parsed) != 1)
    return std::nullopt;
  return parsed;
}

}  // namespace

std::optional<std::string> bindable_address(std::string_view address) {
  if (address == "localhost")
    return "127.0.0.1";
  const std::string literal(address);
  if (is_ipv4(literal) || ipv6(literal))
    return literal;
  return std::nullopt;
}

bool is_loopback_address(std::string_view address) {
  const std::string literal(address);
  in_addr v4{};
  if (::inet_pton(AF_INET, literal.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  const auto v6 = ipv6(literal);
  return v6 && IN6_IS_ADDR_LOOPBACK(&*v6);
}

std::string panel_url(std::string_view address, unsigned short port) {
  std::string host(address);
  if (host == "0.0.0.0") {
    host = "127.0.0.1";
  } else if (const auto v6 = ipv6(host)) {
    host = IN6_IS_ADDR_UNSPECIFIED(&*v6) ? "[::1]" : "[" + host + "]";
  }
  return "http://" + host + ":" + std::to_string(port) + "/";
}

}  // namespace linkpos::drivers::sim::web
