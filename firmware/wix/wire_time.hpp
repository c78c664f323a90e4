#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::wix {

using WallTime = std::chrono::system_clock::time_point;

// "2026-11-25T14:32:07.123Z": how Wix writes dates (RFC 3339, UTC, milliseconds).
std::string to_rfc3339(WallTime time);

// Reads an RFC 3339 date-time with or without fractional seconds, with "Z" or a "+hh:mm"
// offset; nullopt for anything else.
std::optional<WallTime> from_rfc3339(std::string_view text);

}  // namespace linkpos::wix
