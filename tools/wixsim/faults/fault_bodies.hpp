#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

// The bodies of mangled answers, free of any socket so they can be checked alone.

// What malformed-json sends for a route's JSON body: its first half, which no JSON object's
// first half parses as; "{" for a body too short to halve.
std::string broken_json(std::string_view body);

// How much of a body truncated-body and reset-mid-body send: half, never all of it.
std::size_t partial_length(std::size_t body_size);

// One chunk of endless-body's chunked body, framing included: 16 KiB of JSON whitespace. Every
// chunk is these same bytes, so an endless answer holds one chunk however long it runs.
const std::string& endless_chunk();

}  // namespace linkpos::tools::wixsim
