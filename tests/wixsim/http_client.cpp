#include "wixsim/http_client.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace linkpos::testing {

namespace http = boost::beast::http;
using boost::asio::ip::tcp;

struct HttpConnection::Impl {
  boost::asio::io_context io;
  tcp::socket socket{io};
  boost::beast::flat_buffer buffer;
  std::string authority;
  bool connected = false;

  HttpReply read_reply() {
    boost::system::error_code error;
    http::response<http::string_body> response;
    http::read(socket, buffer, response, error);
    if (error)
      return {};
    HttpReply reply{static_cast<int>(response.result_int()),
                    std::string(response[http::field::content_type]),
                    std::move(response.body()),
                    {}};
    for (const auto& field : response)
      reply.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    return reply;
  }
};

HttpConnection::HttpConnection(const std::string& base_url) : impl_(std::make_unique<Impl>()) {
  const std::string scheme = "http://";
  if (base_url.rfind(scheme, 0) != 0)
    return;
  impl_->authority = base_url.substr(scheme.size());
  const auto colon = impl_->authority.rfind(':');
  boost::system::error_code error;
  const auto endpoints = tcp::resolver(impl_->io).resolve(
      impl_->authority.substr(0, colon), impl_->authority.substr(colon + 1), error);
  if (error)
    return;
  boost::asio::connect(impl_->socket, endpoints, error);
  if (error)
    return;
  // Blocking reads and writes give up after this long.
  const timeval timeout{10, 0};
  setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  impl_->connected = true;
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::connected() const {
  return impl_->connected;
}

HttpReply HttpConnection::call(const std::string& method, const std::string& target,
                               const std::string& body, const HttpHeaders& headers) {
  if (!impl_->connected)
    return {};
  http::request<http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(http::field::host, impl_->authority);
  for (const auto& [name, value] : headers)
    request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  boost::system::error_code error;
  http::write(impl_->socket, request, error);
  if (error)
    return {};
  return impl_->read_reply();
}

HttpReply HttpConnection::raw(const std::string& bytes) {
  if (!impl_->connected)
    return {};
  boost::system::error_code error;
  boost::asio::write(impl_->socket, boost::asio::buffer(bytes), error);
  if (error)
    return {};
  return impl_->read_reply();
}

HttpReply http_call(const std::string& base_url, const std::string& method,
                    const std::string& target, const std::string& body,
                    const HttpHeaders& headers) {
  return HttpConnection(base_url).call(method, target, body, headers);
}

}  // namespace linkpos::testing
