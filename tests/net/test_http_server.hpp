#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "net/tls_context.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::net::testing {

// What the server does with one request.
enum class ServerAction {
  kRespond,             // answer and keep the connection
  kRespondThenClose,    // answer, then close_notify and close, as a server's idle timeout does
  kRespondThenGoodbye,  // answer, then close_notify and a TCP half-close, reading on to hear
                        // the client's own close_notify, as a gracefully closing server does
  kCloseWithoutAnswer,  // read the request, then drop the connection without a word
  kNeverAnswer,         // read the request and stay silent with the connection open
};

struct ServerReply {
  ServerAction action = ServerAction::kRespond;
  unsigned status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
};

struct SeenRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::size_t connection = 0;  // which accepted connection carried it, from 1
};

// A small HTTP/1.1 server on 127.0.0.1 (port chosen by the system) for client tests: HTTPS over
// our server-side TlsStream, or plain HTTP without a context. The script decides each answer.
class TestHttpServer {
 public:
  using Script = std::function<ServerReply(const SeenRequest& request, std::size_t index)>;

  TestHttpServer(boost::asio::io_context& io, std::shared_ptr<const TlsContext> tls, Script script);
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  std::uint16_t port() const;
  const std::vector<SeenRequest>& requests() const;
  std::size_t connections() const;  // TCP connections accepted
  std::size_t handshakes() const;   // TLS handshakes completed
  std::size_t failed_handshakes() const;
  std::size_t closed_connections() const;  // connections this server closed or lost
  // TLS connections the client ended with close_notify (Mbed TLS's PEER_CLOSE_NOTIFY, which
  // TlsStream reads as eof), rather than by closing TCP (a truncated stream) or breaking off.
  std::size_t close_notifies() const;
  std::size_t goodbyes_sent() const;  // close_notify alerts this server sent and saw go out

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace linkpos::net::testing
