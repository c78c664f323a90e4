#include "support/https_call.hpp"

#include <optional>
#include <utility>

#include <boost/asio/io_context.hpp>

namespace linkpos::testing {

net::HttpResult https_call(const std::string& base_url, const std::string& ca_file,
                           net::HttpMethod method, const std::string& target,
                           const std::string& body, std::map<std::string, std::string> headers) {
  boost::asio::io_context io;
  net::HttpClientSettings settings;
  settings.base_url = base_url;
  settings.ca_file = ca_file;
  settings.allow_plain_http = true;
  settings.request_timeout = std::chrono::seconds(20);
  auto client = net::HttpClient::create(io, settings);
  if (!client)
    return client.error();
  std::optional<net::HttpResult> result;
  net::HttpRequest request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.headers = std::move(headers);
  if (!body.empty())
    request.headers.emplace("Content-Type", "application/json");
  client.value()->request(std::move(request),
                          [&](net::HttpResult answer) { result = std::move(answer); });
  io.run();
  return std::move(*result);
}

}  // namespace linkpos::testing
