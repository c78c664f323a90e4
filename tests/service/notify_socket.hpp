#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "fakes/temp_dir.hpp"

namespace linkpos::testing {

// The socket systemd listens on for sd_notify() (NOTIFY_SOCKET), owned by the test: an AF_UNIX
// datagram socket bound in a folder of its own. Each datagram is one message ("READY=1").
class NotifySocket {
 public:
  NotifySocket() : path_(dir_.file("notify")) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (fd_ < 0 || path_.size() >= sizeof address.sun_path)
      throw std::runtime_error("cannot make the notify socket");
    std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot bind the notify socket " + path_);
  }
  ~NotifySocket() { ::close(fd_); }
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  // What NOTIFY_SOCKET is set to.
  const std::string& path() const { return path_; }
  int fd() const { return fd_; }

  // The next datagram, waiting at most `timeout`; nullopt if none came. A datagram sent before
  // this call is already queued (a local send completes into the receiver's queue), so a zero
  // timeout tells whether one was sent.
  std::optional<std::string> receive(std::chrono::milliseconds timeout) {
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(timeout.count())) <= 0)
      return std::nullopt;
    char buffer[4096];
    const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got < 0)
      return std::nullopt;
    return std::string(buffer, static_cast<std::size_t>(got));
  }

  // Every datagram queued now.
  std::vector<std::string> drain() {
    std::vector<std::string> messages;
    while (auto message = receive(std::chrono::milliseconds(0)))
      messages.push_back(*message);
    return messages;
  }

 private:
  TempDir dir_;
  std::string path_;
  int fd_ = -1;
};

}  // namespace linkpos::testing
