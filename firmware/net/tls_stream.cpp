#include "net/tls_stream.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>

namespace linkpos::net::detail {
namespace {

// The ways a socket says the peer is gone.
bool is_peer_gone(const boost::system::error_code& error) {
  return error == boost::asio::error::eof || error == boost::asio::error::connection_reset ||
         error == boost::asio::error::broken_pipe ||
         error == boost::asio::error::connection_aborted;
}

}  // namespace

void HandshakeStep::on_start(TlsStream& stream) const {
  stream.next_layer().expires_after(timeout);
}

boost::system::error_code HandshakeStep::on_finish(TlsStream& stream,
                                                   boost::system::error_code error) const {
  stream.next_layer().expires_never();
  return error;
}

boost::system::error_code HandshakeStep::transport_error(boost::system::error_code error) const {
  if (error == boost::beast::error::timeout)
    return TlsError::kHandshakeTimeout;
  if (is_peer_gone(error))
    return TlsError::kPeerClosedDuringHandshake;
  return error;
}

boost::system::error_code ReadStep::transport_error(boost::system::error_code error) const {
  if (error == boost::asio::error::eof)
    return TlsError::kStreamTruncated;
  return error;
}

boost::system::error_code ShutdownStep::on_finish(TlsStream&,
                                                  boost::system::error_code error) const {
  if (is_peer_gone(error) || error == TlsError::kStreamTruncated)
    return {};
  return error;
}

}  // namespace linkpos::net::detail
