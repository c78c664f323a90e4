#include "service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace linkpos {

// WATCHDOG=1 from a timer on the event loop: the pings prove that the loop itself turns, not
// merely that the process lives.
class ServiceNotifier::KeepAlive {
 public:
  KeepAlive(boost::asio::io_context& io, std::chrono::microseconds interval,
            std::function<void()> ping)
      : timer_(io), interval_(interval), ping_(std::move(ping)) {
    arm();
  }

 private:
  void arm() {
    timer_.expires_after(interval_);
    timer_.async_wait([this](const boost::system::error_code& error) { on_timer(error); });
  }

  void on_timer(const boost::system::error_code& error) {
    // Cancelled: the notifier (and this) may be gone.
    if (error)
      return;
    ping_();
    arm();
  }

  boost::asio::steady_timer timer_;
  std::chrono::microseconds interval_;
  std::function<void()> ping_;
};

ServiceNotifier::ServiceNotifier(boost::asio::io_context& io, app::Log& log) : log_(log) {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  notifying_ = socket != nullptr && *socket != '\0';
  if (!notifying_)
    return;
  std::uint64_t usec = 0;
  // > 0 only when $WATCHDOG_USEC is set and $WATCHDOG_PID, if set, names this process.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    // Half the interval, as sd_watchdog_enabled(3) advises: one late ping is not yet a restart.
    keep_alive_interval_ = std::chrono::microseconds(usec / 2);
    keep_alive_ =
        std::make_unique<KeepAlive>(io, keep_alive_interval_, [this] { send("WATCHDOG=1"); });
  }
}

ServiceNotifier::~ServiceNotifier() = default;

void ServiceNotifier::ready() {
  if (ready_sent_)
    return;
  ready_sent_ = true;
  send("READY=1");
}

void ServiceNotifier::status(std::string_view text) {
  // One line: a newline would start another assignment in the datagram.
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      c = ' ';
  }
  if (line == status_)
    return;
  status_ = line;
  send("STATUS=" + line);
}

void ServiceNotifier::stopping() {
  send("STOPPING=1");
}

void ServiceNotifier::send(const std::string& message) {
  if (!notifying_)
    return;
  const int sent = sd_notify(0, message.c_str());
  // Once in the log: a socket that refuses one datagram refuses every ping after it.
  if (sent < 0 && !failure_logged_) {
    failure_logged_ = true;
    log_.warn(std::string("cannot notify systemd: ") + std::strerror(-sent));
  }
}

}  // namespace linkpos
