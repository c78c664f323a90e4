#pragma once

#include <utility>

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/system/error_code.hpp>

#include "net/tls_context.hpp"
#include "net/tls_engine.hpp"
#include "net/tls_error.hpp"

namespace linkpos::net {

class TlsStream;

namespace detail {

// What each operation does with the engine, and what a socket failure means to it.
struct HandshakeStep {
  static constexpr bool kReportsBytes = false;
  std::chrono::steady_clock::duration timeout;

  TlsEngine::Result operator()(TlsEngine& engine) const { return engine.handshake(); }
  void on_start(TlsStream& stream) const;
  boost::system::error_code on_finish(TlsStream& stream, boost::system::error_code error) const;
  boost::system::error_code transport_error(boost::system::error_code error) const;
};

struct ReadStep {
  static constexpr bool kReportsBytes = true;
  std::span<unsigned char> plaintext;

  TlsEngine::Result operator()(TlsEngine& engine) const { return engine.read(plaintext); }
  void on_start(TlsStream&) const {}
  boost::system::error_code on_finish(TlsStream&, boost::system::error_code error) const {
    return error;
  }
  boost::system::error_code transport_error(boost::system::error_code error) const;
};

struct WriteStep {
  static constexpr bool kReportsBytes = true;
  std::span<const unsigned char> plaintext;

  TlsEngine::Result operator()(TlsEngine& engine) const { return engine.write(plaintext); }
  void on_start(TlsStream&) const {}
  boost::system::error_code on_finish(TlsStream&, boost::system::error_code error) const {
    return error;
  }
  boost::system::error_code transport_error(boost::system::error_code error) const { return error; }
};

struct ShutdownStep {
  static constexpr bool kReportsBytes = false;

  TlsEngine::Result operator()(TlsEngine& engine) const { return engine.close_notify(); }
  void on_start(TlsStream&) const {}
  boost::system::error_code on_finish(TlsStream&, boost::system::error_code error) const;
  boost::system::error_code transport_error(boost::system::error_code error) const { return error; }
};

// The one state machine behind every TlsStream operation: run the engine step; send whatever
// ciphertext it produced; if it needs the peer's bytes, read some and run the step again.
// Stream is always TlsStream; a parameter so that the definition can precede TlsStream's.
template <class Stream, class Step>
class TlsIoOp {
 public:
  TlsIoOp(Stream& stream, Step step) : stream_(stream), step_(std::move(step)) {}

  template <class Self>
  void operator()(Self& self, boost::system::error_code error = {}, std::size_t transferred = 0) {
    switch (state_) {
      case State::kStarting:
        step_.on_start(stream_);
        result_ = step_(stream_.engine_);
        break;
      case State::kWriting:
        // A failed step's last words (an alert) are sent best-effort; its own error wins.
        if (error && result_.status != TlsEngine::Status::kFailed) {
          return finish(self, step_.transport_error(error), 0);
        }
        if (result_.status == TlsEngine::Status::kWantWrite)
          result_ = step_(stream_.engine_);
        break;
      case State::kReading:
        if (error)
          return finish(self, step_.transport_error(error), 0);
        stream_.engine_.commit_input(transferred);
        result_ = step_(stream_.engine_);
        break;
      case State::kCompleting:
        return complete(self);
    }
    advance(self);
  }

 private:
  enum class State { kStarting, kWriting, kReading, kCompleting };

  template <class Self>
  void advance(Self& self) {
    TlsEngine& engine = stream_.engine_;
    if (engine.has_output()) {
      state_ = State::kWriting;
      did_io_ = true;
      const std::span<const unsigned char> ciphertext = engine.take_output();
      boost::asio::async_write(stream_.next_layer_,
                               boost::asio::buffer(ciphertext.data(), ciphertext.size()),
                               std::move(self));
      return;
    }
    switch (result_.status) {
      case TlsEngine::Status::kWantRead: {
        state_ = State::kReading;
        did_io_ = true;
        const std::span<unsigned char> space = engine.input_space();
        stream_.next_layer_.async_read_some(boost::asio::buffer(space.data(), space.size()),
                                            std::move(self));
        return;
      }
      case TlsEngine::Status::kWantWrite:  // nothing to write yet it wants to: cannot progress
        return finish(self, TlsError::kTlsFailed, 0);
      case TlsEngine::Status::kDone:
        return finish(self, {}, result_.bytes);
      case TlsEngine::Status::kFailed:
        return finish(self, result_.error, 0);
    }
  }

  template <class Self>
  void finish(Self& self, boost::system::error_code error, std::size_t bytes) {
    final_error_ = step_.on_finish(stream_, error);
    final_bytes_ = bytes;
    if (final_error_) {
      const std::string& engine_detail = stream_.engine_.last_error_detail();
      stream_.last_error_detail_ =
          result_.status == TlsEngine::Status::kFailed && !engine_detail.empty()
              ? engine_detail
              : final_error_.message();
    }
    // Completing without having waited on anything would run the handler inside the initiating
    // call; go through the executor instead, as Asio's own operations do.
    if (!did_io_) {
      state_ = State::kCompleting;
      return boost::asio::post(stream_.get_executor(), std::move(self));
    }
    complete(self);
  }

  template <class Self>
  void complete(Self& self) {
    if constexpr (Step::kReportsBytes) {
      self.complete(final_error_, final_bytes_);
    } else {
      self.complete(final_error_);
    }
  }

  Stream& stream_;
  Step step_;
  State state_ = State::kStarting;
  TlsEngine::Result result_;
  bool did_io_ = false;
  boost::system::error_code final_error_;
  std::size_t final_bytes_ = 0;
};

}  // namespace detail

// An asynchronous TLS stream (Mbed TLS) over a Beast TCP stream, for Beast's HTTP algorithms
// (it models Beast's AsyncStream; beast::get_lowest_layer() reaches the tcp_stream).
//
// The next layer is a boost::beast::tcp_stream rather than a bare socket because its
// per-operation deadlines (expires_after) are what bounds the handshake here and each HTTP
// exchange in HttpClient, the way Beast's own examples do it.
//
// Contract: at most one operation (handshake, read, write or shutdown) is outstanding at a time,
// which is how a request/response client or server uses it; the stream must outlive it.
// Errors are boost::system error codes: TlsError values (tls_category()) for TLS failures,
// boost::asio::error::eof for a clean close_notify from the peer, otherwise the socket's errors
// (beast::error::timeout when a deadline set on next_layer() passes).
class TlsStream {
 public:
  using next_layer_type = boost::beast::tcp_stream;
  using executor_type = next_layer_type::executor_type;

  // The role comes from the context. The other arguments construct the tcp_stream: an
  // io_context or executor for a client, an accepted socket for a server.
  template <class... NextLayerArgs>
  explicit TlsStream(std::shared_ptr<const TlsContext> context, NextLayerArgs&&... next_layer_args)
      : next_layer_(std::forward<NextLayerArgs>(next_layer_args)...), engine_(std::move(context)) {}

  executor_type get_executor() noexcept { return next_layer_.get_executor(); }
  next_layer_type& next_layer() noexcept { return next_layer_; }
  const next_layer_type& next_layer() const noexcept { return next_layer_; }

  // Client only, before the handshake: the name sent as SNI and checked against the server's
  // certificate (a DNS name: Mbed TLS 2.28 does not match IP addresses). The handshake refuses
  // to run without it.
  boost::system::error_code set_hostname(std::string_view host) {
    return engine_.set_hostname(host);
  }

  // Details of the last failure (Mbed TLS's text, the verify flags) for the log.
  const std::string& last_error_detail() const { return last_error_detail_; }

  // Handshakes as the context's role. The whole handshake must finish within `timeout`
  // (TlsError::kHandshakeTimeout otherwise); this sets next_layer()'s expiry, then clears it.
  // Handler: void(boost::system::error_code).
  template <class CompletionToken>
  auto async_handshake(std::chrono::steady_clock::duration timeout, CompletionToken&& token) {
    return boost::asio::async_compose<CompletionToken, void(boost::system::error_code)>(
        detail::TlsIoOp<TlsStream, detail::HandshakeStep>(*this, detail::HandshakeStep{timeout}),
        token, next_layer_);
  }

  // Reads some decrypted bytes into the first non-empty buffer. Handler:
  // void(boost::system::error_code, std::size_t). eof: the peer sent close_notify;
  // TlsError::kStreamTruncated: the peer closed TCP without one.
  template <class MutableBufferSequence, class CompletionToken>
  auto async_read_some(const MutableBufferSequence& buffers, CompletionToken&& token) {
    const boost::asio::mutable_buffer first = first_buffer<boost::asio::mutable_buffer>(buffers);
    return boost::asio::async_compose<CompletionToken,
                                      void(boost::system::error_code, std::size_t)>(
        detail::TlsIoOp<TlsStream, detail::ReadStep>(
            *this, detail::ReadStep{{static_cast<unsigned char*>(first.data()), first.size()}}),
        token, next_layer_);
  }

  // Encrypts and sends some bytes (at most one TLS record). Handler:
  // void(boost::system::error_code, std::size_t).
  template <class ConstBufferSequence, class CompletionToken>
  auto async_write_some(const ConstBufferSequence& buffers, CompletionToken&& token) {
    return boost::asio::async_compose<CompletionToken,
                                      void(boost::system::error_code, std::size_t)>(
        detail::TlsIoOp<TlsStream, detail::WriteStep>(*this,
                                                      detail::WriteStep{one_record(buffers)}),
        token, next_layer_);
  }

  // Sends close_notify and completes without waiting for the peer's; a peer that already went
  // away (eof, reset, broken pipe) is not an error, as in Beast's examples. The caller closes
  // the socket afterwards. Handler: void(boost::system::error_code).
  template <class CompletionToken>
  auto async_shutdown(CompletionToken&& token) {
    return boost::asio::async_compose<CompletionToken, void(boost::system::error_code)>(
        detail::TlsIoOp<TlsStream, detail::ShutdownStep>(*this, detail::ShutdownStep{}), token,
        next_layer_);
  }

 private:
  template <class Stream, class Step>
  friend class detail::TlsIoOp;

  // Plaintext per TLS record; more in one write would be split by Mbed TLS anyway.
  static constexpr std::size_t kMaxRecordPlaintext = 16384;

  template <class Buffer, class BufferSequence>
  static Buffer first_buffer(const BufferSequence& buffers) {
    for (auto it = boost::asio::buffer_sequence_begin(buffers);
         it != boost::asio::buffer_sequence_end(buffers); ++it) {
      Buffer buffer(*it);
      if (buffer.size() != 0)
        return buffer;
    }
    return Buffer();
  }

  // Up to one record of the buffers' bytes: the first buffer itself when it is big enough or
  // alone, else a copy of the small pieces (HTTP headers come in many), so each record is full.
  template <class ConstBufferSequence>
  std::span<const unsigned char> one_record(const ConstBufferSequence& buffers) {
    const boost::asio::const_buffer first = first_buffer<boost::asio::const_buffer>(buffers);
    const std::size_t total = boost::asio::buffer_size(buffers);
    if (first.size() >= kMaxRecordPlaintext || first.size() == total) {
      return {static_cast<const unsigned char*>(first.data()),
              std::min(first.size(), kMaxRecordPlaintext)};
    }
    write_scratch_.resize(std::min(total, kMaxRecordPlaintext));
    const std::size_t copied =
        boost::asio::buffer_copy(boost::asio::buffer(write_scratch_), buffers);
    return {write_scratch_.data(), copied};
  }

  next_layer_type next_layer_;
  detail::TlsEngine engine_;
  std::vector<unsigned char> write_scratch_;
  std::string last_error_detail_;
};

}  // namespace linkpos::net
