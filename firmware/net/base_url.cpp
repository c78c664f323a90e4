#include "net/base_url.hpp"

#include <charconv>

namespace linkpos::net {

std::string BaseUrl::authority() const {
  const bool default_port = port == (tls ? 443 : 80);
  const std::string name = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return default_port ? name : name + ":" + std::to_string(port);
}

BOOST_OUTCOME_V2_NAMESPACE::std_checked<BaseUrl, std::string> parse_base_url(std::string_view url) {
  const std::string quoted = "'" + std::string(url) + "'";
  BaseUrl parsed;
  std::string_view rest;
  if (url.starts_with("https://")) {
    parsed.tls = true;
    parsed.port = 443;
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    parsed.tls = false;
    parsed.port = 80;
    rest = url.substr(7);
  } else {
    return std::string("base URL must start with https:// (or http://): " + quoted);
  }
  if (rest.ends_with('/'))
    rest.remove_suffix(1);
  if (rest.find_first_of("/?#@ ") != std::string_view::npos) {
    return std::string("base URL must be scheme://host[:port] with no path, query or user: " +
                       quoted);
  }

  std::string_view port_text;
  if (rest.starts_with('[')) {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos)
      return std::string("base URL has an unclosed '[': " + quoted);
    parsed.host = std::string(rest.substr(1, close - 1));
    rest.remove_prefix(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) {
      return std::string("base URL has junk after the host: " + quoted);
    }
    if (!rest.empty())
      port_text = rest.substr(1);
  } else {
    const std::size_t colon = rest.find(':');
    parsed.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos)
      port_text = rest.substr(colon + 1);
    if (colon != std::string_view::npos && port_text.empty()) {
      return std::string("base URL has an empty port: " + quoted);
    }
  }
  if (parsed.host.empty())
    return std::string("base URL has no host: " + quoted);

  if (!port_text.empty()) {
    unsigned port = 0;
    const auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return std::string("base URL has a bad port: " + quoted);
    }
    parsed.port = static_cast<std::uint16_t>(port);
  }
  return parsed;
}

}  // namespace linkpos::net
