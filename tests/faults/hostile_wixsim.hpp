#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "asio_clock.hpp"
#include "net/http_client.hpp"
#include "wix/payment_links.hpp"
#include "wix/wix_backend.hpp"
#include "wixsim/wixsim_process.hpp"

namespace linkpos::testing {

enum class Transport { kPlain, kTls };

// "Plain" or "Tls": test names and failure messages.
inline std::string transport_name(Transport transport) {
  return transport == Transport::kPlain ? "Plain" : "Tls";
}
inline void PrintTo(Transport transport, std::ostream* out) {
  *out << transport_name(transport);
}

// The suite's clock (a real Asio one) that notes every delay asked of it: the Wix client asks
// for nothing but its waits between attempts.
class WaitRecordingClock final : public hal::Clock {
 public:
  explicit WaitRecordingClock(boost::asio::io_context& io) : clock_(io) {}

  WallTime now() const override { return clock_.now(); }
  std::chrono::steady_clock::time_point monotonic_now() const override {
    return clock_.monotonic_now();
  }
  hal::Timer after(Duration delay, std::function<void()> callback) override {
    waits_.push_back(delay);
    return clock_.after(delay, std::move(callback));
  }

  const std::vector<Duration>& waits() const { return waits_; }

 private:
  AsioClock clock_;
  std::vector<Duration> waits_;
};

// The real wixsim binary, made hostile through /_wixsim/faults, and the terminal's real Wix
// client stack on it: net::HttpClient → wix::PaymentLinksClient → wix::WixBackend on one
// io_context with a real Asio clock. Timeouts are short and retries quick, so each fault shows
// within a second or two.
class HostileWixsim {
 public:
  static constexpr wix::RetryPolicy kQuickRetries{3, std::chrono::milliseconds(20),
                                                  std::chrono::milliseconds(2000)};

  explicit HostileWixsim(Transport transport);
  ~HostileWixsim();

  // The client settings of this suite: wixsim's URL and CA, 2 s to connect, 1.5 s a request.
  net::HttpClientSettings client_settings() const;
  // Replaces the client stack with one of other limits or retries.
  void connect(net::HttpClientSettings settings, wix::RetryPolicy retry = kQuickRetries);
  // Replaces the backend with one whose links carry what `target` says (the link's own URL by
  // default), on the same client.
  void show_in_qr(wix::QrTarget target);

  wix::PaymentLinksClient& client() { return *client_; }
  wix::WixBackend& backend() { return *backend_; }
  hal::Clock& clock() { return clock_; }
  // Every wait the client took between attempts, in order.
  const std::vector<hal::Clock::Duration>& waits() const { return clock_.waits(); }
  ChildProcess& process() { return wixsim_.process(); }

  // linkpos::testing::run_until on this suite's loop, with a limit long enough for the faults'
  // latencies and retries.
  bool run_until(const std::function<bool()>& done,
                 std::chrono::steady_clock::duration limit = std::chrono::seconds(20));

  // The harness, reached on a connection of its own: adds fault rules (expecting 200), reads
  // them back, and reads the links wixsim holds.
  void add_faults(const nlohmann::json& rules);
  nlohmann::json faults();
  nlohmann::json links();

 private:
  nlohmann::json harness(net::HttpMethod method, const std::string& target,
                         const std::string& body = "");

  WixsimProcess wixsim_;
  std::string ca_file_;
  boost::asio::io_context io_;
  WaitRecordingClock clock_{io_};
  std::unique_ptr<net::HttpClient> harness_;
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<wix::PaymentLinksClient> client_;
  std::unique_ptr<wix::WixBackend> backend_;
  wix::QrTarget qr_target_ = wix::QrTarget::kLink;
};

}  // namespace linkpos::testing
