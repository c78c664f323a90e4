#pragma once

#include <cstdio>
#include <optional>
#include <string>

namespace linkpos::testing {

// What the real zbarimg reads from the QR code in the image at `path`; std::nullopt when it
// finds none.
inline std::optional<std::string> zbar_decode(const std::string& path) {
  const std::string command = "zbarimg --raw -q '" + path + "' 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    return std::nullopt;
  std::string output;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status != 0 || output.empty())
    return std::nullopt;
  // --raw ends each symbol with a newline of its own.
  if (output.back() == '\n')
    output.pop_back();
  return output;
}

}  // namespace linkpos::testing
