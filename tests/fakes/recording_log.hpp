#pragma once

#include <string>
#include <vector>

#include "app/log.hpp"

namespace linkpos::testing {

class RecordingLog final : public app::Log {
 public:
  void write(app::LogLevel, std::string_view message) override { lines.emplace_back(message); }

  bool contains(std::string_view text) const {
    for (const auto& line : lines) {
      if (line.find(text) != std::string::npos)
        return true;
    }
    return false;
  }

  std::vector<std::string> lines;
};

}  // namespace linkpos::testing
