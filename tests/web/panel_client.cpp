#include "web/panel_client.hpp"

#include <utility>

#include <algorithm>
#include <cctype>
#include <deque>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "support/run_until.hpp"

namespace linkpos::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using asio::ip::tcp;

tcp::endpoint loopback(unsigned short port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

std::string default_host(unsigned short port) {
  return "127.0.0.1:" + std::to_string(port);
}

}  // namespace

struct PanelClient::State : std::enable_shared_from_this<PanelClient::State> {
  explicit State(asio::io_context& io) : ws(io) {}

  void start(unsigned short port, std::optional<std::string> origin, std::string host,
             std::string target) {
    if (origin) {
      ws.set_option(
          websocket::stream_base::decorator([origin = *origin](websocket::request_type& request) {
            request.set(http::field::origin, origin);
          }));
    }
    beast::get_lowest_layer(ws).async_connect(
        loopback(port), [self = shared_from_this(), host, target](beast::error_code error) {
          if (error) {
            self->failed = true;
            return;
          }
          self->ws.async_handshake(self->response, host, target,
                                   [self](beast::error_code e) { self->on_handshake(e); });
        });
  }

  void on_handshake(beast::error_code error) {
    if (error) {
      failed = true;
      refusal_status = static_cast<int>(response.result_int());
      return;
    }
    open = true;
    read();
  }

  void read() {
    ws.async_read(buffer, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) {
        self->open = false;
        self->closed = true;
        return;
      }
      self->messages.push_back(
          {self->ws.got_binary(), beast::buffers_to_string(self->buffer.data())});
      self->buffer.consume(self->buffer.size());
      self->read();
    });
  }

  void send(std::string bytes, bool binary) {
    outbox.push_back({binary, std::move(bytes)});
    if (outbox.size() == 1)
      write_next();
  }

  void write_next() {
    if (outbox.empty())
      return;
    ws.binary(outbox.front().binary);
    ws.async_write(asio::buffer(outbox.front().data),
                   [self = shared_from_this()](beast::error_code error, std::size_t) {
                     self->outbox.pop_front();
                     if (!error)
                       self->write_next();
                   });
  }

  websocket::stream<beast::tcp_stream> ws;
  websocket::response_type response;
  beast::flat_buffer buffer;
  std::deque<Message> outbox;
  std::vector<Message> messages;
  bool open = false;
  bool failed = false;
  bool closed = false;
  int refusal_status = 0;
};

PanelClient::PanelClient(asio::io_context& io, unsigned short port,
                         std::optional<std::string> origin, std::optional<std::string> host,
                         std::string target)
    : state_(std::make_shared<State>(io)) {
  state_->start(port, std::move(origin), host.value_or(default_host(port)), std::move(target));
}

PanelClient::~PanelClient() {
  beast::error_code ignored;
  beast::get_lowest_layer(state_->ws).socket().close(ignored);
}

bool PanelClient::open() const {
  return state_->open;
}
bool PanelClient::failed() const {
  return state_->failed;
}
bool PanelClient::closed() const {
  return state_->closed;
}
int PanelClient::refusal_status() const {
  return state_->refusal_status;
}
const std::vector<PanelClient::Message>& PanelClient::messages() const {
  return state_->messages;
}

std::vector<std::string> PanelClient::texts() const {
  std::vector<std::string> texts;
  for (const auto& message : state_->messages) {
    if (!message.binary)
      texts.push_back(message.data);
  }
  return texts;
}

void PanelClient::send_text(std::string text) {
  state_->send(std::move(text), false);
}
void PanelClient::send_binary(std::string bytes) {
  state_->send(std::move(bytes), true);
}

HttpAnswer http_get(asio::io_context& io, unsigned short port, const std::string& target,
                    std::optional<std::string> host) {
  struct Exchange {
    explicit Exchange(asio::io_context& context) : stream(context) {}
    beast::tcp_stream stream;
    http::request<http::empty_body> request;
    http::response<http::string_body> response;
    beast::flat_buffer buffer;
    bool done = false;
    bool answered = false;
  };
  auto exchange = std::make_shared<Exchange>(io);
  exchange->request = {http::verb::get, target, 11};
  exchange->request.set(http::field::host, host.value_or(default_host(port)));
  exchange->request.keep_alive(false);
  exchange->stream.async_connect(loopback(port), [exchange](beast::error_code error) {
    if (error) {
      exchange->done = true;
      return;
    }
    http::async_write(exchange->stream, exchange->request,
                      [exchange](beast::error_code e, std::size_t) {
                        if (e) {
                          exchange->done = true;
                          return;
                        }
                        http::async_read(exchange->stream, exchange->buffer, exchange->response,
                                         [exchange](beast::error_code e2, std::size_t) {
                                           exchange->answered = !e2;
                                           exchange->done = true;
                                         });
                      });
  });
  HttpAnswer answer;
  if (!run_until(io, [&] { return exchange->done; }) || !exchange->answered)
    return answer;
  answer.status = static_cast<int>(exchange->response.result_int());
  for (const auto& field : exchange->response) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    answer.headers[name] = std::string(field.value());
  }
  answer.body = exchange->response.body();
  return answer;
}

}  // namespace linkpos::testing
