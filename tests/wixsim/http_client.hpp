#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace linkpos::testing {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;  // 0: no answer (connection failed, timed out, closed)
  std::string content_type;
  std::string body;
  HttpHeaders headers;

  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// A small blocking HTTP/1.1 client for tests: one kept-alive connection to a plain
// "http://host:port" base URL, with a timeout on every read and write so a silent server fails
// the test instead of hanging it.
class HttpConnection {
 public:
  explicit HttpConnection(const std::string& base_url);
  ~HttpConnection();

  bool connected() const;
  HttpReply call(const std::string& method, const std::string& target, const std::string& body = "",
                 const HttpHeaders& headers = {});
  // Writes `bytes` as they are (garbage included), then reads one response.
  HttpReply raw(const std::string& bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One request on a connection of its own.
HttpReply http_call(const std::string& base_url, const std::string& method,
                    const std::string& target, const std::string& body = "",
                    const HttpHeaders& headers = {});

}  // namespace linkpos::testing
