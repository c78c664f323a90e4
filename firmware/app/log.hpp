#pragma once

#include <string_view>

namespace linkpos::app {

enum class LogLevel { kInfo, kWarning, kError };

// The technician's log (stderr, so systemd's journal on the board). Never given secrets.
class Log {
 public:
  virtual ~Log() = default;

  virtual void write(LogLevel level, std::string_view message) = 0;

  void info(std::string_view message) { write(LogLevel::kInfo, message); }
  void warn(std::string_view message) { write(LogLevel::kWarning, message); }
  void error(std::string_view message) { write(LogLevel::kError, message); }
};

}  // namespace linkpos::app
