#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace linkpos::testing {

// A page as a test sees it: a WebSocket client of the panel on the test's loop that records
// every message it receives. `origin` is sent as the Origin header when set, as browsers do;
// `host` replaces the Host header (default 127.0.0.1:PORT); `target` is the upgrade's request
// target (a token in its query).
class PanelClient {
 public:
  struct Message {
    bool binary = false;
    std::string data;
  };

  PanelClient(boost::asio::io_context& io, unsigned short port,
              std::optional<std::string> origin = std::nullopt,
              std::optional<std::string> host = std::nullopt, std::string target = "/ws");
  ~PanelClient();

  bool open() const;
  bool failed() const;         // the connection or its handshake failed
  bool closed() const;         // the server ended an open connection
  int refusal_status() const;  // the HTTP status of a refused handshake, else 0

  const std::vector<Message>& messages() const;
  std::vector<std::string> texts() const;  // the text messages only, in order

  void send_text(std::string text);
  void send_binary(std::string bytes);

 private:
  struct State;
  std::shared_ptr<State> state_;
};

struct HttpAnswer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// GET `target` from the panel on the test's loop; status 0 when no answer came.
HttpAnswer http_get(boost::asio::io_context& io, unsigned short port, const std::string& target,
                    std::optional<std::string> host = std::nullopt);

}  // namespace linkpos::testing
