#include "drivers/sim/fd_write.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace linkpos::drivers::sim {

void write_all(int fd, std::string_view bytes) {
  constexpr int kPatienceMs = 200;
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd waiting{fd, POLLOUT, 0};
      if (::poll(&waiting, 1, kPatienceMs) > 0)
        continue;
    }
    return;
  }
}

}  // namespace linkpos::drivers::sim
