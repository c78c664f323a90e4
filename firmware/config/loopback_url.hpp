#pragma once

#include <string_view>

namespace linkpos::config {

// Whether `url`'s host is this machine by its text alone: "localhost", an IPv4 address in
// 127.0.0.0/8 written as four decimal numbers, or "[::1]". Nothing is resolved. A URL with user
// information ("http://localhost@example.com/") or anything unusual is not.
bool is_loopback_url(std::string_view url);

}  // namespace linkpos::config
