#include "drivers/sim/frame_log.hpp"

#include <poll.h>
#include <unistd.h>
#include "drivers/sim/fd_write.hpp"

#include <cerrno>
#include <string_view>

#include <nlohmann/json.hpp>

namespace linkpos::drivers::sim {
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
