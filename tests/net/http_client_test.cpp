#include <utility>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "net/http_client.hpp"
#include "support/run_until.hpp"
#include "tests/net/test_certs.hpp"
#include "tests/net/test_http_server.hpp"

namespace linkpos::net {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using linkpos::testing::run_until;
using testing::SeenRequest;
using testing::ServerAction;
using testing::ServerReply;
using testing::test_cert;
using testing::TestHttpServer;

std::shared_ptr<const TlsContext> server_tls(const std::string& name) {
  return TlsContext::for_server(test_cert(name + ".crt"), test_cert(name + ".key")).value();
}

ServerReply answer(std::string body) {
  ServerReply reply;
  reply.body = std::move(body);
  return reply;
}

// Answers every request with "you asked for <target>".
ServerReply echo_target(const SeenRequest& request, std::size_t) {
  return answer("you asked for " + request.target);
}

HttpRequest get(std::string target) {
  HttpRequest request;
  request.target = std::move(target);
  request.idempotent = true;
  return request;
}

HttpRequest post(std::string target, std::string body) {
  HttpRequest request;
  request.method = HttpMethod::kPost;
  request.target = std::move(target);
  request.body = std::move(body);
  request.headers["Content-Type"] = "application/json";
  return request;
}

class HttpClientTest : public ::testing::Test {
 protected:
  HttpClientSettings settings_for(std::uint16_t port) {
    HttpClientSettings settings;
    settings.base_url = "https://localhost:" + std::to_string(port);
    settings.ca_file = test_cert("ca.crt");
    settings.connect_timeout = std::chrono::seconds(3);
    settings.request_timeout = std::chrono::seconds(3);
    return settings;
  }

  std::unique_ptr<HttpClient> make_client(HttpClientSettings settings) {
    auto client = HttpClient::create(io_, std::move(settings));
    if (!client)
      ADD_FAILURE() << client.error().detail;
    return client ? std::move(client).value() : nullptr;
  }

  std::unique_ptr<HttpClient> client_of(const TestHttpServer& server) {
    return make_client(settings_for(server.port()));
  }

  HttpResult exchange(HttpClient& client, HttpRequest request) {
    std::optional<HttpResult> result;
    client.request(std::move(request), [&](HttpResult r) { result = std::move(r); });
    if (!run_until(io_, [&] { return result.has_value(); })) {
      return NetError{NetFailure::kTimeout, "the test gave up waiting", false};
    }
    return std::move(*result);
  }

  NetError failure_of(HttpClient& client, HttpRequest request) {
    HttpResult result = exchange(client, std::move(request));
    if (result) {
      ADD_FAILURE() << "expected a failure, got status " << result.value().status;
      return {};
    }
    return result.error();
  }

  asio::io_context io_;
};

TEST_F(HttpClientTest, SendsTheRequestAndReturnsTheResponse) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest& request, std::size_t) {
    ServerReply reply = answer("{\"got\": \"" + request.body + "\"}");
    reply.status = 201;
    reply.headers["X-Reply"] = "yes";
    return reply;
  });
  auto client = client_of(server);
  HttpRequest request = post("/payment-links/v1/payment-links", "hello");
  request.headers["Authorization"] = "test-key";

  const HttpResult result = exchange(*client, request);

  ASSERT_TRUE(result) << result.error().detail;
  EXPECT_EQ(result.value().status, 201u);
  EXPECT_EQ(result.value().body, "{\"got\": \"hello\"}");
  EXPECT_EQ(result.value().headers.at("x-reply"), "yes");
  ASSERT_EQ(server.requests().size(), 1u);
  const SeenRequest& seen = server.requests()[0];
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/payment-links/v1/payment-links");
  EXPECT_EQ(seen.headers.at("authorization"), "test-key");
  EXPECT_EQ(seen.headers.at("host"), "localhost:" + std::to_string(server.port()));
  EXPECT_EQ(seen.headers.at("user-agent"), "linkpos");
  EXPECT_EQ(seen.headers.at("content-type"), "application/json");
}

TEST_F(HttpClientTest, LargeBodiesArriveIntactBothWays) {
  std::string upload(1024 * 1024 + 17, '\0');
  for (std::size_t i = 0; i < upload.size(); ++i)
    upload[i] = static_cast<char>(i * 31 % 251);
  std::string download = upload;
  std::reverse(download.begin(), download.end());
  TestHttpServer server(io_, server_tls("localhost"),
                        [&](const SeenRequest&, std::size_t) { return answer(download); });
  HttpClientSettings settings = settings_for(server.port());
  settings.max_body_bytes = 4 * 1024 * 1024;
  auto client = make_client(settings);

  const HttpResult result = exchange(*client, post("/upload", upload));

  ASSERT_TRUE(result) << result.error().detail;
  EXPECT_TRUE(result.value().body == download);
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_TRUE(server.requests()[0].body == upload);
}

TEST_F(HttpClientTest, KeptAliveConnectionCarriesEveryRequest) {
  TestHttpServer server(io_, server_tls("localhost"), echo_target);
  auto client = client_of(server);

  for (int i = 0; i < 5; ++i) {
    const HttpResult result = exchange(*client, get("/poll/" + std::to_string(i)));
    ASSERT_TRUE(result) << result.error().detail;
    EXPECT_EQ(result.value().body, "you asked for /poll/" + std::to_string(i));
  }
  EXPECT_EQ(client->handshake_count(), 1u);
  EXPECT_EQ(server.connections(), 1u);
}

TEST_F(HttpClientTest, QueuedRequestsAreAnsweredInOrderOverOneConnection) {
  TestHttpServer server(io_, server_tls("localhost"), echo_target);
  auto client = client_of(server);
  std::vector<std::string> bodies;
  for (int i = 0; i < 3; ++i) {
    client->request(get("/q" + std::to_string(i)), [&](HttpResult result) {
      bodies.push_back(result ? result.value().body : result.error().detail);
    });
  }
  ASSERT_TRUE(run_until(io_, [&] { return bodies.size() == 3; }));
  EXPECT_EQ(bodies, (std::vector<std::string>{"you asked for /q0", "you asked for /q1",
                                              "you asked for /q2"}));
  EXPECT_EQ(client->handshake_count(), 1u);
}

TEST_F(HttpClientTest, CallbackRunsOnTheLoopNeverInsideRequest) {
  auto client = make_client(settings_for(1));  // port 1: refused, the quickest failure
  bool called = false;
  client->request(get("/"), [&](HttpResult) { called = true; });
  EXPECT_FALSE(called);
  EXPECT_TRUE(run_until(io_, [&] { return called; }));
}

TEST_F(HttpClientTest, ReconnectsAfterTheServerClosedTheIdleConnection) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("answer " + std::to_string(index));
    if (index == 0)
      reply.action = ServerAction::kRespondThenClose;  // its idle timeout
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));
  ASSERT_TRUE(run_until(io_, [&] { return server.closed_connections() == 1; }));

  const HttpResult second = exchange(*client, get("/second"));

  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(second.value().body, "answer 1");
  EXPECT_EQ(client->handshake_count(), 2u);
}

TEST_F(HttpClientTest, CreateAfterTheServerClosedTheIdleConnectionGoesOnAFreshOne) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("answer " + std::to_string(index));
    if (index == 0)
      reply.action = ServerAction::kRespondThenClose;
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));
  ASSERT_TRUE(run_until(io_, [&] { return server.closed_connections() == 1; }));

  // The closed connection is noticed before sending, so even a create goes through.
  const HttpResult created = exchange(*client, post("/create", "{}"));

  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created.value().body, "answer 1");
  EXPECT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(client->handshake_count(), 2u);
}

TEST_F(HttpClientTest, ConnectionCloseFromTheServerIsHonoured) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply = answer("bye");
    reply.headers["Connection"] = "close";
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/a")));
  ASSERT_TRUE(exchange(*client, get("/b")));
  EXPECT_EQ(client->handshake_count(), 2u);
}

TEST_F(HttpClientTest, ConnectionCloseFromTheServerIsAnsweredWithCloseNotify) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply = answer("bye");
    reply.headers["Connection"] = "close";
    return reply;  // and the server keeps reading, to hear how the client ends it
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/a")));

  ASSERT_TRUE(run_until(io_, [&] { return server.closed_connections() == 1; }));
  EXPECT_EQ(server.close_notifies(), 1u);
}

TEST_F(HttpClientTest, DestroyingTheClientEndsItsIdleConnectionWithCloseNotify) {
  TestHttpServer server(io_, server_tls("localhost"), echo_target);
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/a")));

  client.reset();

  ASSERT_TRUE(run_until(io_, [&] { return server.closed_connections() == 1; }));
  EXPECT_EQ(server.close_notifies(), 1u);
}

TEST_F(HttpClientTest, AConnectionTheServerIsEndingIsAnsweredWithCloseNotifyAndReplaced) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("answer " + std::to_string(index));
    if (index == 0)
      reply.action = ServerAction::kRespondThenGoodbye;
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));
  ASSERT_TRUE(run_until(io_, [&] { return server.goodbyes_sent() == 1; }));

  const HttpResult second = exchange(*client, get("/second"));

  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(second.value().body, "answer 1");
  EXPECT_EQ(client->handshake_count(), 2u);
  ASSERT_TRUE(run_until(io_, [&] { return server.close_notifies() == 1; }));
  EXPECT_EQ(server.requests().back().connection, 2u);
}

TEST_F(HttpClientTest, IdempotentRequestIsResentOnceWhenTheReusedConnectionDies) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("answer " + std::to_string(index));
    if (index == 1)
      reply.action = ServerAction::kCloseWithoutAnswer;
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));

  const HttpResult second = exchange(*client, get("/second"));

  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(second.value().body, "answer 2");
  ASSERT_EQ(server.requests().size(), 3u);
  EXPECT_EQ(server.requests()[1].target, "/second");
  EXPECT_EQ(server.requests()[2].target, "/second");
  EXPECT_EQ(server.requests()[2].connection, 2u);
  EXPECT_EQ(client->handshake_count(), 2u);
}

TEST_F(HttpClientTest, IdempotentRequestIsResentOnlyOnce) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("ok");
    if (index >= 1)
      reply.action = ServerAction::kCloseWithoutAnswer;
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));

  const NetError error = failure_of(*client, get("/second"));

  EXPECT_EQ(error.failure, NetFailure::kConnectionClosed);
  EXPECT_TRUE(error.may_have_been_sent);
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(HttpClientTest, CreateOnAReusedConnectionThatDiesIsNotResent) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t index) {
    ServerReply reply = answer("ok");
    if (index == 1)
      reply.action = ServerAction::kCloseWithoutAnswer;
    return reply;
  });
  auto client = client_of(server);
  ASSERT_TRUE(exchange(*client, get("/first")));

  const NetError error = failure_of(*client, post("/create", "{}"));

  EXPECT_EQ(error.failure, NetFailure::kConnectionClosed);
  EXPECT_TRUE(error.may_have_been_sent);
  EXPECT_EQ(server.requests().size(), 2u) << "the create reached the server exactly once";
}

TEST_F(HttpClientTest, CreateDroppedAfterTheServerReadItMayHaveBeenSent) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply;
    reply.action = ServerAction::kCloseWithoutAnswer;
    return reply;
  });
  auto client = client_of(server);

  const NetError error = failure_of(*client, post("/create", "{}"));

  EXPECT_EQ(error.failure, NetFailure::kConnectionClosed);
  EXPECT_TRUE(error.may_have_been_sent);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(HttpClientTest, CertificateFromAnotherCaIsUntrusted) {
  TestHttpServer server(io_, server_tls("other-localhost"), echo_target);
  auto client = client_of(server);

  const NetError error = failure_of(*client, post("/create", "{}"));

  EXPECT_EQ(error.failure, NetFailure::kTlsUntrustedChain);
  EXPECT_FALSE(error.may_have_been_sent);
  EXPECT_TRUE(server.requests().empty());
  EXPECT_NE(error.detail.find("trust"), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, CertificateForAnotherHostIsAMismatch) {
  TestHttpServer server(io_, server_tls("wronghost"), echo_target);
  auto client = client_of(server);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kTlsHostnameMismatch);
  EXPECT_FALSE(error.may_have_been_sent);
}

TEST_F(HttpClientTest, ExpiredCertificateSuggestsCheckingTheClock) {
  TestHttpServer server(io_, server_tls("expired-localhost"), echo_target);
  auto client = client_of(server);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kTlsCertificateExpired);
  EXPECT_NE(error.detail.find("check the clock"), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, NotYetValidCertificateSuggestsCheckingTheClock) {
  TestHttpServer server(io_, server_tls("future-localhost"), echo_target);
  auto client = client_of(server);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kTlsCertificateNotYetValid);
  EXPECT_NE(error.detail.find("check the clock"), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, ClockBeforeTheBuildDateIsCalledWrong) {
  TestHttpServer server(io_, server_tls("expired-localhost"), echo_target);
  HttpClientSettings settings = settings_for(server.port());
  // A build "in the future" stands for a clock that reads earlier than the build.
  settings.build_time = std::chrono::system_clock::now() + std::chrono::hours(24 * 365);
  auto client = make_client(settings);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kTlsCertificateExpired);
  EXPECT_NE(error.detail.find("the clock is wrong: set it"), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, ServerThatNeverSpeaksTlsTimesOutTheHandshake) {
  tcp::acceptor silent(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  HttpClientSettings settings = settings_for(silent.local_endpoint().port());
  settings.connect_timeout = std::chrono::milliseconds(300);
  auto client = make_client(settings);  // the kernel completes TCP; nobody answers the hello

  const NetError error = failure_of(*client, get("/"));

  EXPECT_EQ(error.failure, NetFailure::kTlsHandshakeTimeout);
  EXPECT_FALSE(error.may_have_been_sent);
}

TEST_F(HttpClientTest, ClosedPortIsRefused) {
  std::uint16_t port = 0;
  {
    tcp::acceptor probe(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    port = probe.local_endpoint().port();
  }
  auto client = make_client(settings_for(port));
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kConnectionRefused);
  EXPECT_FALSE(error.may_have_been_sent);
  EXPECT_NE(error.detail.find(std::to_string(port)), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, NameThatDoesNotResolveIsADnsFailure) {
  HttpClientSettings settings = settings_for(443);
  settings.base_url = "https://linkpos-test.invalid";
  auto client = make_client(settings);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kDnsFailed);
  EXPECT_FALSE(error.may_have_been_sent);
  EXPECT_NE(error.detail.find("linkpos-test.invalid"), std::string::npos) << error.detail;
}

TEST_F(HttpClientTest, BodyOverTheLimitIsTooLarge) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    return answer(std::string(5000, 'x'));
  });
  HttpClientSettings settings = settings_for(server.port());
  settings.max_body_bytes = 4096;
  auto client = make_client(settings);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kResponseTooLarge);
}

TEST_F(HttpClientTest, HeadersOverTheLimitAreTooLarge) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply = answer("small");
    reply.headers["X-Padding"] = std::string(3000, 'p');
    return reply;
  });
  HttpClientSettings settings = settings_for(server.port());
  settings.max_header_bytes = 1024;
  auto client = make_client(settings);
  const NetError error = failure_of(*client, get("/"));
  EXPECT_EQ(error.failure, NetFailure::kResponseTooLarge);
}

TEST_F(HttpClientTest, ServerThatNeverAnswersTimesOut) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply;
    reply.action = ServerAction::kNeverAnswer;
    return reply;
  });
  HttpClientSettings settings = settings_for(server.port());
  settings.request_timeout = std::chrono::milliseconds(300);
  auto client = make_client(settings);
  HttpRequest request = post("/create", "{}");
  request.headers["Authorization"] = "secret-api-key";

  const NetError error = failure_of(*client, request);

  EXPECT_EQ(error.failure, NetFailure::kTimeout);
  EXPECT_TRUE(error.may_have_been_sent);
  EXPECT_EQ(error.detail.find("secret-api-key"), std::string::npos);
}

TEST_F(HttpClientTest, PlainHttpIsRefusedUnlessAllowed) {
  HttpClientSettings settings;
  settings.base_url = "http://localhost:8080";
  auto refused = HttpClient::create(io_, settings);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().failure, NetFailure::kBadSettings);
  EXPECT_NE(refused.error().detail.find("plain http"), std::string::npos);

  TestHttpServer server(io_, nullptr, echo_target);
  settings.base_url = "http://localhost:" + std::to_string(server.port());
  settings.allow_plain_http = true;
  auto client = make_client(settings);
  const HttpResult result = exchange(*client, get("/plain"));
  ASSERT_TRUE(result) << result.error().detail;
  EXPECT_EQ(result.value().body, "you asked for /plain");
}

TEST_F(HttpClientTest, UnusableSettingsAreRefusedAtCreation) {
  HttpClientSettings settings = settings_for(443);
  settings.base_url = "ftp://localhost";
  auto bad_url = HttpClient::create(io_, settings);
  ASSERT_FALSE(bad_url);
  EXPECT_EQ(bad_url.error().failure, NetFailure::kBadSettings);

  settings = settings_for(443);
  settings.ca_file = "/nonexistent/ca.pem";
  auto bad_ca = HttpClient::create(io_, settings);
  ASSERT_FALSE(bad_ca);
  EXPECT_EQ(bad_ca.error().failure, NetFailure::kBadSettings);
  EXPECT_NE(bad_ca.error().detail.find("/nonexistent/ca.pem"), std::string::npos);
}

TEST_F(HttpClientTest, DestroyingTheClientDropsItsCallbacks) {
  TestHttpServer server(io_, server_tls("localhost"), [](const SeenRequest&, std::size_t) {
    ServerReply reply;
    reply.action = ServerAction::kNeverAnswer;
    return reply;
  });
  auto client = client_of(server);
  int calls = 0;
  client->request(get("/a"), [&](HttpResult) { ++calls; });
  client->request(get("/b"), [&](HttpResult) { ++calls; });
  ASSERT_TRUE(run_until(io_, [&] { return server.requests().size() == 1; }));

  client.reset();
  run_until(
      io_, [] { return false; }, std::chrono::milliseconds(100));

  EXPECT_EQ(calls, 0);
}

TEST_F(HttpClientTest, CallbackMayDestroyTheClient) {
  TestHttpServer server(io_, server_tls("localhost"), echo_target);
  auto client = client_of(server);
  int calls = 0;
  client->request(get("/a"), [&](HttpResult result) {
    ++calls;
    EXPECT_TRUE(result);
    client.reset();
  });
  client->request(get("/b"), [&](HttpResult) { ++calls; });
  ASSERT_TRUE(run_until(io_, [&] { return calls == 1; }));
  EXPECT_EQ(client, nullptr);
  // The second request's callback went with the client: nothing more arrives.
  run_until(
      io_, [] { return false; }, std::chrono::milliseconds(100));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace linkpos::net
