#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "app/log.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos {

// Tells systemd how the service is (Type=notify, sd_notify): READY=1 once, STATUS= in a
// technician's words, STOPPING=1, and WATCHDOG=1 from a timer on the event loop every half of
// the unit's WatchdogSec=, so a blocked loop stops the pings and systemd restarts the service.
// Without $NOTIFY_SOCKET (not started by systemd) every call does nothing. Call it on the loop's
// thread; never give it a secret, as `systemctl status` shows STATUS= to anyone.
class ServiceNotifier {
 public:
  // Starts the keep-alive at once when systemd asks for one ($WATCHDOG_USEC): start-up counts.
  ServiceNotifier(boost::asio::io_context& io, app::Log& log);
  ~ServiceNotifier();
  ServiceNotifier(const ServiceNotifier&) = delete;
  ServiceNotifier& operator=(const ServiceNotifier&) = delete;

  // READY=1, the first time only.
  void ready();
  // STATUS=<text>, only when it differs from the last one sent.
  void status(std::string_view text);
  // STOPPING=1: a normal stop has begun.
  void stopping();

  // How often WATCHDOG=1 goes out; zero when systemd watches nothing (or is not there).
  std::chrono::microseconds keep_alive_interval() const { return keep_alive_interval_; }

 private:
  class KeepAlive;

  void send(const std::string& message);

  app::Log& log_;
  bool notifying_ = false;
  bool ready_sent_ = false;
  bool failure_logged_ = false;
  std::string status_;
  std::chrono::microseconds keep_alive_interval_{0};
  std::unique_ptr<KeepAlive> keep_alive_;
};

}  // namespace linkpos
