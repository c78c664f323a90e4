#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "wix/wire_time.hpp"

namespace linkpos::wix {

// An HTTP date (RFC 9110 §5.6.7): the IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" that servers
// send, and the two obsolete forms a recipient must still accept; nullopt for anything else.
std::optional<WallTime> parse_http_date(std::string_view text);

// How long a Retry-After header asks to wait: delay-seconds, or an HTTP date taken against
// `server_now` (the answer's own Date, so the terminal's clock does not matter). A date already
// past waits zero; nullopt when the header is absent or unreadable.
std::optional<std::chrono::seconds> retry_after_wait(std::string_view header, WallTime server_now);

}  // namespace linkpos::wix
