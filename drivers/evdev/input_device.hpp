#pragma once

#include <optional>
#include <string>

namespace linkpos::drivers::evdev {

// An input device opened for non-blocking reading, or why it was not.
struct OpenedInput {
  enum class Failure {
    kNone,
    kAbsent,   // not there (unplugged, not yet created): worth waiting for
    kRefused,  // there, but not usable as it is (permissions, not an input device)
  };
  int fd = -1;
  Failure failure = Failure::kNone;
  std::string problem;  // for the technician, when failed
};

// Opens `path`: an evdev character device (/dev/input/eventN), or a FIFO standing in for one.
OpenedInput open_input_device(const std::string& path);

// Takes `fd`'s device for linkpos alone (EVIOCGRAB), so its keys do not also type on a console.
// A warning for the log, naming the device by `name`, when an input device cannot be grabbed;
// nothing when it was, or when `fd` is not an input device at all (a pipe standing in for one).
std::optional<std::string> grab_input_device(int fd, const std::string& name);

}  // namespace linkpos::drivers::evdev
