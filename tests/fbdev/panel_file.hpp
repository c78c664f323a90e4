#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/fbdev/framebuffer_geometry.hpp"
#include "fakes/temp_dir.hpp"

namespace linkpos::testing {

// A file standing in for a panel's memory, as a framebuffer device maps it: every byte starts
// as kUntouched, so what the driver did not write shows.
class PanelFile {
 public:
  static constexpr std::uint8_t kUntouched = 0xA5;

  explicit PanelFile(std::size_t size) : path_(dir_.file("fb0")) {
    std::ofstream(path_, std::ios::binary)
        .write(std::string(size, static_cast<char>(kUntouched)).data(),
               static_cast<std::streamsize>(size));
    fd_ = open(path_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0)
      throw std::runtime_error("cannot open " + path_);
  }
  ~PanelFile() { close(fd_); }
  PanelFile(const PanelFile&) = delete;
  PanelFile& operator=(const PanelFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

  // The file's bytes as anyone reading it sees them.
  std::vector<std::uint8_t> bytes() const {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  TempDir dir_;
  std::string path_;
  int fd_ = -1;
};

}  // namespace linkpos::testing
