#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace linkpos::testing {

// What a finished program printed, and how it ended.
struct ToolResult {
  int exit_code = -1;  // or 128 + the signal that ended it; -1 if it could not be started
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs a program of the build machine (dpkg-deb, lintian, mender-artifact, ...) to its end with
// stdin from /dev/null, in `working_dir` if one is given. Unlike ChildProcess it never goes
// through a cross build's emulator: the packaging tools are the host's whatever the package's
// architecture. A program still running at `timeout` is killed.
ToolResult run_tool(const std::vector<std::string>& arguments, const std::string& working_dir = "",
                    std::chrono::seconds timeout = std::chrono::seconds(120));

}  // namespace linkpos::testing
