#include <utility>

#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/stream_traits.hpp>

#include "net/tls_stream.hpp"
#include "support/run_until.hpp"
#include "tests/net/test_certs.hpp"

namespace linkpos::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using linkpos::testing::run_until;
using testing::test_cert;

static_assert(beast::is_async_stream<TlsStream>::value);
static_assert(std::is_same_v<beast::lowest_layer_type<TlsStream>, beast::tcp_stream>);

std::shared_ptr<const TlsContext> server_context(const std::string& name) {
  return TlsContext::for_server(test_cert(name + ".crt"), test_cert(name + ".key")).value();
}

std::shared_ptr<const TlsContext> client_context() {
  return TlsContext::for_client(test_cert("ca.crt")).value();
}

std::string pattern(std::size_t size) {
  std::string text(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    text[i] = static_cast<char>('a' + (i * 7) % 26);
  return text;
}

// A client stream connected over loopback TCP to a server stream; neither has handshaken.
class TlsStreamTest : public ::testing::Test {
 protected:
  void connect(std::shared_ptr<const TlsContext> server_tls) {
    std::optional<tcp::socket> accepted;
    acceptor_.async_accept([&](const error_code& error, tcp::socket socket) {
      ASSERT_FALSE(error) << error.message();
      accepted.emplace(std::move(socket));
    });
    client_.emplace(client_context(), io_);
    bool connected = false;
    client_->next_layer().async_connect(acceptor_.local_endpoint(), [&](const error_code& error) {
      ASSERT_FALSE(error) << error.message();
      connected = true;
    });
    ASSERT_TRUE(run_until(io_, [&] { return connected && accepted; }));
    server_.emplace(std::move(server_tls), std::move(*accepted));
  }

  // Runs both handshakes to completion; returns the client's result.
  error_code handshake_both(std::string_view host = "localhost") {
    EXPECT_FALSE(client_->set_hostname(host));
    std::optional<error_code> client_result;
    std::optional<error_code> server_result;
    client_->async_handshake(std::chrono::seconds(5),
                             [&](const error_code& error) { client_result = error; });
    server_->async_handshake(std::chrono::seconds(5),
                             [&](const error_code& error) { server_result = error; });
    EXPECT_TRUE(run_until(io_, [&] { return client_result && server_result; }));
    server_result_ = server_result.value_or(error_code());
    return client_result.value_or(asio::error::timed_out);
  }

  asio::io_context io_;
  tcp::acceptor acceptor_{io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::optional<TlsStream> client_;
  std::optional<TlsStream> server_;
  error_code server_result_;
};

TEST_F(TlsStreamTest, CarriesDataBothWaysAfterAHandshake) {
  connect(server_context("localhost"));
  ASSERT_FALSE(handshake_both());
  ASSERT_FALSE(server_result_);

  const std::string request = "hello over TLS";
  const std::string answer = pattern(100 * 1024);  // several records
  std::string received_request(request.size(), '\0');
  std::string received_answer(answer.size(), '\0');
  std::optional<error_code> wrote, read_request, wrote_answer, read_answer;
  asio::async_write(*client_, asio::buffer(request),
                    [&](const error_code& error, std::size_t) { wrote = error; });
  asio::async_read(*server_, asio::buffer(received_request),
                   [&](const error_code& error, std::size_t) {
                     read_request = error;
                     asio::async_write(*server_, asio::buffer(answer),
                                       [&](const error_code& e, std::size_t) { wrote_answer = e; });
                   });
  asio::async_read(*client_, asio::buffer(received_answer),
                   [&](const error_code& error, std::size_t) { read_answer = error; });
  ASSERT_TRUE(run_until(io_, [&] { return wrote && read_request && wrote_answer && read_answer; }));
  EXPECT_FALSE(*wrote);
  EXPECT_FALSE(*read_request);
  EXPECT_FALSE(*wrote_answer);
  EXPECT_FALSE(*read_answer);
  EXPECT_EQ(received_request, request);
  EXPECT_EQ(received_answer, answer);
}

TEST_F(TlsStreamTest, ReadServedFromBufferedDataStillCompletesThroughTheLoop) {
  connect(server_context("localhost"));
  ASSERT_FALSE(handshake_both());
  std::optional<error_code> wrote;
  asio::async_write(*server_, asio::buffer(std::string("abc")),
                    [&](const error_code& error, std::size_t) { wrote = error; });
  char byte = 0;
  std::optional<std::size_t> first;
  client_->async_read_some(asio::buffer(&byte, 1),
                           [&](const error_code&, std::size_t n) { first = n; });
  ASSERT_TRUE(run_until(io_, [&] { return wrote && first; }));
  ASSERT_EQ(*first, 1u);

  // "bc" now waits inside Mbed TLS: no socket read is needed to serve it.
  bool initiated = false;
  bool called_inside = false;
  std::optional<std::size_t> second;
  client_->async_read_some(asio::buffer(&byte, 1), [&](const error_code&, std::size_t n) {
    called_inside = !initiated;
    second = n;
  });
  initiated = true;
  ASSERT_TRUE(run_until(io_, [&] { return second.has_value(); }));
  EXPECT_FALSE(called_inside);
  EXPECT_EQ(*second, 1u);
  EXPECT_EQ(byte, 'b');
}

TEST_F(TlsStreamTest, UntrustedChainHasItsOwnCode) {
  connect(server_context("other-localhost"));
  EXPECT_EQ(handshake_both(), TlsError::kUntrustedChain);
  EXPECT_FALSE(client_->last_error_detail().empty());
  EXPECT_TRUE(server_result_) << "the server learns of the rejection too";
}

TEST_F(TlsStreamTest, ExpiredCertificateHasItsOwnCode) {
  connect(server_context("expired-localhost"));
  EXPECT_EQ(handshake_both(), TlsError::kCertificateExpired);
  EXPECT_NE(client_->last_error_detail().find("expired"), std::string::npos)
      << client_->last_error_detail();
}

TEST_F(TlsStreamTest, NotYetValidCertificateHasItsOwnCode) {
  connect(server_context("future-localhost"));
  EXPECT_EQ(handshake_both(), TlsError::kCertificateNotYetValid);
}

TEST_F(TlsStreamTest, CertificateForAnotherHostHasItsOwnCode) {
  connect(server_context("wronghost"));
  EXPECT_EQ(handshake_both(), TlsError::kHostnameMismatch);
}

TEST_F(TlsStreamTest, CertificateIsCheckedAgainstTheNameAskedFor) {
  connect(server_context("localhost"));
  EXPECT_EQ(handshake_both("elsewhere.example"), TlsError::kHostnameMismatch);
}

TEST_F(TlsStreamTest, ClientRefusesToHandshakeWithoutAHostName) {
  connect(server_context("localhost"));
  std::optional<error_code> result;
  client_->async_handshake(std::chrono::seconds(5),
                           [&](const error_code& error) { result = error; });
  ASSERT_TRUE(run_until(io_, [&] { return result.has_value(); }));
  EXPECT_EQ(*result, TlsError::kTlsFailed);
  EXPECT_NE(client_->last_error_detail().find("host name"), std::string::npos);
}

TEST_F(TlsStreamTest, HandshakeWithASilentPeerTimesOut) {
  connect(server_context("localhost"));  // the server side never handshakes
  ASSERT_FALSE(client_->set_hostname("localhost"));
  std::optional<error_code> result;
  client_->async_handshake(std::chrono::milliseconds(200),
                           [&](const error_code& error) { result = error; });
  ASSERT_TRUE(run_until(io_, [&] { return result.has_value(); }));
  EXPECT_EQ(*result, TlsError::kHandshakeTimeout);
}

TEST_F(TlsStreamTest, PeerClosingDuringTheHandshakeHasItsOwnCode) {
  connect(server_context("localhost"));
  server_->next_layer().close();
  ASSERT_FALSE(client_->set_hostname("localhost"));
  std::optional<error_code> result;
  client_->async_handshake(std::chrono::seconds(5),
                           [&](const error_code& error) { result = error; });
  ASSERT_TRUE(run_until(io_, [&] { return result.has_value(); }));
  EXPECT_EQ(*result, TlsError::kPeerClosedDuringHandshake);
}

TEST_F(TlsStreamTest, ShutdownReachesThePeerAsEndOfStream) {
  connect(server_context("localhost"));
  ASSERT_FALSE(handshake_both());
  std::optional<error_code> shut, read;
  client_->async_shutdown([&](const error_code& error) { shut = error; });
  char byte = 0;
  server_->async_read_some(asio::buffer(&byte, 1),
                           [&](const error_code& error, std::size_t) { read = error; });
  ASSERT_TRUE(run_until(io_, [&] { return shut && read; }));
  EXPECT_FALSE(*shut);
  EXPECT_EQ(*read, asio::error::eof);
}

TEST_F(TlsStreamTest, PeerClosingWithoutCloseNotifyIsTruncation) {
  connect(server_context("localhost"));
  ASSERT_FALSE(handshake_both());
  server_->next_layer().close();
  std::optional<error_code> read;
  char byte = 0;
  client_->async_read_some(asio::buffer(&byte, 1),
                           [&](const error_code& error, std::size_t) { read = error; });
  ASSERT_TRUE(run_until(io_, [&] { return read.has_value(); }));
  EXPECT_EQ(*read, TlsError::kStreamTruncated);
}

TEST_F(TlsStreamTest, ShutdownWhenThePeerIsGoneIsNotAnError) {
  connect(server_context("localhost"));
  ASSERT_FALSE(handshake_both());
  server_->next_layer().close();
  std::optional<error_code> shut;
  client_->async_shutdown([&](const error_code& error) { shut = error; });
  ASSERT_TRUE(run_until(io_, [&] { return shut.has_value(); }));
  EXPECT_FALSE(*shut) << shut->message();
}

TEST(TlsErrorTest, CodesHaveDistinctMessagesInTheirOwnCategory) {
  const error_code untrusted = TlsError::kUntrustedChain;
  const error_code expired = TlsError::kCertificateExpired;
  EXPECT_EQ(untrusted.category(), tls_category());
  EXPECT_NE(untrusted, expired);
  EXPECT_NE(untrusted.message(), expired.message());
  EXPECT_STREQ(tls_category().name(), "linkpos.tls");
}

}  // namespace
}  // namespace linkpos::net
