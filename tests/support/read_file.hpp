#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace linkpos::testing {

// A whole file's bytes (a receipt, a snapshot): empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

}  // namespace linkpos::testing
