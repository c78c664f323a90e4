#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Text from the network is untrusted: a newline in an error message could forge a log line, an
// escape sequence could drive the technician's terminal, and a megabyte of it would fill the
// screen. Every reply parser passes what it keeps through here, once.
namespace linkpos::wix {

// Most characters of server text kept for a log line, a screen or a receipt.
inline constexpr std::size_t kServerTextMaxChars = 200;

// `text` as valid UTF-8 without control characters (C0, DEL, C1; each invalid byte becomes
// U+FFFD), cut after `max_chars` characters, never inside one.
std::string tame_server_text(std::string_view text, std::size_t max_chars = kServerTextMaxChars);

// Whether `url` is an http(s) address with a host and no control character, space or byte
// outside ASCII: something a QR code may carry to a phone. Such URLs are not cut.
bool is_web_url(std::string_view url);

}  // namespace linkpos::wix
