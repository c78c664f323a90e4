#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "drivers/sim/frame_sink.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::sim {

struct PngWriteResult {
  std::string error;  // empty when the file was written

  bool ok() const { return error.empty(); }
};

// Writes `pixels` to `path` as an 8-bit RGB PNG (the file is replaced, not updated in place).
PngWriteResult write_png(const std::filesystem::path& path, const hal::Framebuffer& pixels);

// Saves every frame as <directory>/frame-000001.png, frame-000002.png, ... numbered from 1 by
// the order frames are presented. Each file appears whole (written under a temporary name,
// then renamed). The directory is created when missing. A failure is reported once on
// `errors`, naming the folder, and never stops the terminal.
class PngSnapshots final : public FrameSink {
 public:
  PngSnapshots(std::filesystem::path directory, std::ostream& errors);
  explicit PngSnapshots(std::filesystem::path directory);  // reports on std::cerr

  void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) override;

  // frame-NNNNNN.png for frame `number`.
  static std::string file_name(int number);

 private:
  std::filesystem::path directory_;
  std::ostream& errors_;
  int next_number_ = 1;
  bool failure_reported_ = false;
};

}  // namespace linkpos::drivers::sim
