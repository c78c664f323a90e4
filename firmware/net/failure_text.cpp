#include "net/failure_text.hpp"

#include <ctime>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

#include "net/tls_error.hpp"

namespace linkpos::net::detail {
namespace {

namespace http = boost::beast::http;

std::string server_name(const FailureContext& context) {
  return context.url.host + ":" + std::to_string(context.url.port);
}

std::string format_utc(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
  return text;
}

// A certificate's dates only look wrong if the clock is right; say which is more likely.
std::string clock_advice(const FailureContext& context) {
  const auto now = std::chrono::system_clock::now();
  const std::string reading = "the terminal's clock reads " + format_utc(now);
  if (context.build_time.time_since_epoch().count() != 0 && now < context.build_time) {
    return "the clock is wrong: set it (" + reading + ", before this firmware was built on " +
           format_utc(context.build_time) + ")";
  }
  return "check the clock (" + reading + ")";
}

std::string with_detail(std::string text, const std::string& detail) {
  if (!detail.empty())
    text += " [" + detail + "]";
  return text;
}

std::string milliseconds(std::chrono::milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

}  // namespace

NetError dns_failure(const FailureContext& context, const boost::system::error_code& error,
                     bool timed_out) {
  const std::string why =
      timed_out ? "no answer within " + milliseconds(context.connect_timeout) : error.message();
  return {NetFailure::kDnsFailed,
          "cannot find the address of " + context.url.host + " (" + why +
              "): check the network and its DNS server",
          false};
}

NetError connect_failure(const FailureContext& context, const boost::system::error_code& error) {
  if (error == boost::asio::error::connection_refused) {
    return {NetFailure::kConnectionRefused,
            server_name(context) + " refused the connection: nothing listens on that port", false};
  }
  if (error == boost::beast::error::timeout) {
    return {NetFailure::kConnectFailed,
            "cannot connect to " + server_name(context) + ": no answer within " +
                milliseconds(context.connect_timeout) + " (network down or blocked?)",
            false};
  }
  return {NetFailure::kConnectFailed,
          "cannot connect to " + server_name(context) + ": " + error.message(), false};
}

NetError tls_failure(const FailureContext& context, const boost::system::error_code& error,
                     const std::string& tls_detail) {
  const std::string server = server_name(context);
  if (error.category() != tls_category()) {
    return {NetFailure::kTlsFailed,
            with_detail("TLS with " + server + " failed: " + error.message(), tls_detail), false};
  }
  switch (static_cast<TlsError>(error.value())) {
    case TlsError::kUntrustedChain:
      return {NetFailure::kTlsUntrustedChain,
              with_detail("TLS: the certificate of " + server +
                              " is not signed by a CA this terminal trusts (CA file " +
                              context.ca_file + ")",
                          tls_detail),
              false};
    case TlsError::kCertificateExpired:
      return {NetFailure::kTlsCertificateExpired,
              "TLS: the certificate of " + server + " has expired, or " + clock_advice(context),
              false};
    case TlsError::kCertificateNotYetValid:
      return {
          NetFailure::kTlsCertificateNotYetValid,
          "TLS: the certificate of " + server + " is not valid yet, or " + clock_advice(context),
          false};
    case TlsError::kHostnameMismatch:
      return {NetFailure::kTlsHostnameMismatch,
              with_detail("TLS: the certificate presented by " + server + " is not for " +
                              context.url.host + " (wrong address, or a proxy in between)",
                          tls_detail),
              false};
    case TlsError::kHandshakeTimeout:
      return {NetFailure::kTlsHandshakeTimeout,
              "TLS: connected to " + server + " but no TLS handshake within " +
                  milliseconds(context.connect_timeout) + " (is it a TLS port?)",
              false};
    case TlsError::kPeerClosedDuringHandshake:
      return {NetFailure::kTlsFailed,
              with_detail(server + " closed the connection during the TLS handshake (it may "
                                   "not accept TLS 1.2, our ciphers or the host name)",
                          tls_detail),
              false};
    case TlsError::kStreamTruncated:
    case TlsError::kTlsFailed:
      break;
  }
  return {NetFailure::kTlsFailed, with_detail("TLS with " + server + " failed", tls_detail), false};
}

bool is_connection_broken(const boost::system::error_code& error) {
  return error == boost::asio::error::eof || error == http::error::end_of_stream ||
         error == http::error::partial_message || error == TlsError::kStreamTruncated ||
         error == boost::asio::error::connection_reset ||
         error == boost::asio::error::broken_pipe ||
         error == boost::asio::error::connection_aborted ||
         error == boost::asio::error::not_connected;
}

NetError exchange_failure(const FailureContext& context, const boost::system::error_code& error) {
  const std::string server = server_name(context);
  if (error == boost::beast::error::timeout) {
    return {
        NetFailure::kTimeout,
        "no complete answer from " + server + " within " + milliseconds(context.request_timeout),
        true};
  }
  if (error == http::error::header_limit || error == http::error::body_limit ||
      error == http::error::buffer_overflow) {
    return {NetFailure::kResponseTooLarge,
            "the answer from " + server + " is larger than allowed (" + error.message() + ")",
            true};
  }
  if (is_connection_broken(error)) {
    return {NetFailure::kConnectionClosed,
            server + " closed the connection before a complete answer (" + error.message() + ")",
            true};
  }
  if (error.category() == make_error_code(http::error::bad_version).category()) {
    return {NetFailure::kBadResponse,
            server + " sent an answer that is not valid HTTP (" + error.message() + ")", true};
  }
  if (error.category() == tls_category()) {
    return {NetFailure::kTlsFailed, "TLS with " + server + " failed: " + error.message(), true};
  }
  return {NetFailure::kConnectionClosed,
          "the connection to " + server + " failed: " + error.message(), true};
}

}  // namespace linkpos::net::detail
