#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace linkpos::drivers::sim::web {

// `address` as an IP literal to bind: "localhost" becomes 127.0.0.1, an IPv4 or IPv6 literal
// stays as is; nullopt for anything else (a host name would need DNS at start-up).
std::optional<std::string> bindable_address(std::string_view address);

// True when the IP literal `address` is a loopback one, reachable from this machine only.
bool is_loopback_address(std::string_view address);

// The page's URL as a browser on this machine opens it: http://127.0.0.1:PORT/,
// http://[::1]:PORT/; a wildcard address (0.0.0.0, ::) is shown as its loopback one.
std::string panel_url(std::string_view address, unsigned short port);

}  // namespace linkpos::drivers::sim::web
