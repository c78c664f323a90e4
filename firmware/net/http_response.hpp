#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "net/http_client.hpp"

// How a response is read: the parser's limits and the conversion to HttpResponse, shared by the
// client and by the fuzzer that feeds it hostile bytes. Beast's parser only, no sockets.
namespace linkpos::net {

struct ResponseLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
};

using ResponseParser = boost::beast::http::response_parser<boost::beast::http::string_body>;

// Applies the limits; a response to HEAD has no body whatever its headers say.
void apply_limits(ResponseParser& parser, const ResponseLimits& limits, bool head_request);

// Header names in lower case; a repeated header's values joined with ", ".
HttpResponse to_response(boost::beast::http::response<boost::beast::http::string_body>&& message);

// One whole response held in memory, read the way the client reads one from the network: the
// response, or what was wrong with the bytes.
std::variant<HttpResponse, std::string> parse_response(std::string_view bytes,
                                                       const ResponseLimits& limits);

}  // namespace linkpos::net
