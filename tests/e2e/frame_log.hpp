#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace linkpos::testing {

struct LoggedFrame {
  int number = 0;  // 1 for the first frame, as the snapshots are numbered
  std::string screen;
  std::vector<std::string> lines;
};

// The frames in a process's stderr: the lines that are frame-log JSON, in order.
inline std::vector<LoggedFrame> frames_in(const std::vector<std::string>& stderr_lines) {
  std::vector<LoggedFrame> frames;
  for (const auto& line : stderr_lines) {
    if (line.rfind("{\"screen\"", 0) != 0)
      continue;
    const auto json = nlohmann::json::parse(line);
    frames.push_back(LoggedFrame{static_cast<int>(frames.size()) + 1, json.at("screen"),
                                 json.at("lines").get<std::vector<std::string>>()});
  }
  return frames;
}

// The screens in order, each run of repeated frames counted once.
inline std::vector<std::string> screen_sequence(const std::vector<LoggedFrame>& frames) {
  std::vector<std::string> names;
  for (const auto& frame : frames) {
    if (names.empty() || names.back() != frame.screen)
      names.push_back(frame.screen);
  }
  return names;
}

}  // namespace linkpos::testing
