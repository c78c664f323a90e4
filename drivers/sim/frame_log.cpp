#include "drivers/sim/frame_log.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

#include <nlohmann/json.hpp>

namespace linkpos::drivers::sim {
namespace {

void write_all(int fd, std::string_view bytes) {
  // stderr may share a terminal the keypad made non-blocking; wait a little for room rather
  // than lose a line.
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

}  // namespace

std::string frame_log_line(const hal::FrameText& text) {
  nlohmann::ordered_json line;  // ordered: the screen's name reads first
  line["screen"] = text.screen;
  line["lines"] = text.lines;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void FrameLog::on_frame(const hal::Framebuffer&, const hal::FrameText& text) {
  write_all(fd_, frame_log_line(text));
}

}  // namespace linkpos::drivers::sim
