#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/outcome/std_result.hpp>

namespace linkpos::net {

// Where a client connects: "https://host[:port]" or "http://host:port", nothing after the
// authority but an optional "/".
struct BaseUrl {
  bool tls = true;
  std::string host;  // a name, an IPv4 address or an IPv6 address without brackets
  std::uint16_t port = 443;

  // The Host header's value: the host, plus the port when it is not the scheme's default.
  std::string authority() const;
};

// The URL or a one-line reason it is not usable.
BOOST_OUTCOME_V2_NAMESPACE::std_checked<BaseUrl, std::string> parse_base_url(std::string_view url);

}  // namespace linkpos::net
