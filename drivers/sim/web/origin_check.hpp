#pragma once

#include <optional>
#include <string_view>

namespace linkpos::drivers::sim::web {

// True when the Host header of a request names this machine by an IP address or "localhost"
// (with or without a port). Any other name went through DNS, which another web site could point
// at this machine (DNS rebinding) to reach the panel as its own origin.
bool host_allowed(std::string_view host);

// True when a WebSocket upgrade may come from the panel's own page: a browser always sends
// Origin, and it must be the origin the page was served from (http:// + Host). No Origin means
// no browser, so no other site's page is behind it; "null" and any other origin are refused.
bool origin_allowed(std::string_view host, std::optional<std::string_view> origin);

}  // namespace linkpos::drivers::sim::web
