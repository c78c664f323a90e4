#include "net/http_response.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <boost/asio/buffer.hpp>

namespace linkpos::net {
namespace {

namespace http = boost::beast::http;

std::string lower_case(boost::beast::string_view text) {
  std::string lowered(text.data(), text.size());
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

}  // namespace

void apply_limits(ResponseParser& parser, const ResponseLimits& limits, bool head_request) {
  parser.header_limit(
      static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(limits.max_body_bytes);
  if (head_request)
    parser.skip(true);
}

HttpResponse to_response(http::response<http::string_body>&& message) {
  HttpResponse response;
  response.status = message.result_int();
  for (const auto& field : message) {
    auto [it, inserted] =
        response.headers.emplace(lower_case(field.name_string()), std::string(field.value()));
    if (!inserted)
      it->second += ", " + std::string(field.value());
  }
  response.body = std::move(message.body());
  return response;
}

std::variant<HttpResponse, std::string> parse_response(std::string_view bytes,
                                                       const ResponseLimits& limits) {
  ResponseParser parser;
  apply_limits(parser, limits, false);
  parser.eager(false);  // the head first, then the body: as the client reads it
  boost::system::error_code error;
  while (!bytes.empty() && !parser.is_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), error);
    if (error == http::error::need_more)
      break;
    if (error)
      return error.message();
    if (used == 0 && !parser.is_header_done())
      break;
    if (parser.is_header_done())
      parser.eager(true);
    bytes.remove_prefix(used);
  }
  if (!parser.got_some())
    return std::string("the response is empty");
  if (!parser.is_done()) {
    parser.put_eof(error);
    if (error)
      return error.message();
    if (!parser.is_done())
      return std::string("the response is incomplete");
  }
  return to_response(parser.release());
}

}  // namespace linkpos::net
