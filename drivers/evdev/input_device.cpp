#include "drivers/evdev/input_device.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace linkpos::drivers::evdev {
namespace {

bool is_evdev(int fd) {
  int version = 0;
  return ioctl(fd, EVIOCGVERSION, &version) == 0;
}

OpenedInput refused(int fd, std::string problem) {
  if (fd >= 0)
    close(fd);
  return OpenedInput{-1, OpenedInput::Failure::kRefused, std::move(problem)};
}

}  // namespace

OpenedInput open_input_device(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == EACCES || error == EPERM) {
      return refused(-1,
                     "permission denied; run linkpos as a user in the group owning it, "
                     "usually input (ls -l " +
                         path + ")");
    }
    return OpenedInput{-1, OpenedInput::Failure::kAbsent, std::strerror(error)};
  }
  struct stat status {};
  const bool usable = fstat(fd, &status) == 0 &&
                      ((S_ISCHR(status.st_mode) && is_evdev(fd)) || S_ISFIFO(status.st_mode));
  if (!usable) {
    return refused(fd,
                   "not an input device; keypad.device must name a /dev/input/eventN, or "
                   "better its link in /dev/input/by-id/ (evtest lists them)");
  }
  return OpenedInput{fd, OpenedInput::Failure::kNone, {}};
}

std::optional<std::string> grab_input_device(int fd, const std::string& name) {
  if (!is_evdev(fd))
    return std::nullopt;
  if (ioctl(fd, EVIOCGRAB, 1) == 0)
    return std::nullopt;
  return name + " cannot be taken for linkpos alone (" + std::strerror(errno) +
         "): its keys may also reach a console or another program (is one grabbing it?)";
}

}  // namespace linkpos::drivers::evdev
