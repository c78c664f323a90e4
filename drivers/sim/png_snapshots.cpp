#include "drivers/sim/png_snapshots.hpp"

#include "drivers/sim/rgb_pixels.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>
#include <utility>

#include <png.h>

namespace linkpos::drivers::sim {

PngWriteResult write_png(const std::filesystem::path& path, const hal::Framebuffer& pixels) {
  if (pixels.width <= 0 || pixels.height <= 0)
    return {"cannot write an empty picture"};
  const std::vector<std::uint8_t> rgb = to_rgb24(pixels);
  // libpng's simplified API reports errors as values; its classic API would longjmp through
  // our frames.
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(pixels.width);
  image.height = static_cast<png_uint_32>(pixels.height);
  image.format = PNG_FORMAT_RGB;
  errno = 0;
  const int written = png_image_write_to_file(&image, path.c_str(), 0, rgb.data(), 0, nullptr);
  const int saved_errno = errno;
  std::string error;
  if (written == 0) {
    error = image.message[0] != '\0' ? image.message : "libpng failed";
    if (saved_errno != 0)
      error += std::string(" (") + std::strerror(saved_errno) + ")";
  }
  png_image_free(&image);
  return {std::move(error)};
}

PngSnapshots::PngSnapshots(std::filesystem::path directory, std::ostream& errors)
    : directory_(std::move(directory)), errors_(errors) {}

PngSnapshots::PngSnapshots(std::filesystem::path directory)
    : PngSnapshots(std::move(directory), std::cerr) {}

std::string PngSnapshots::file_name(int number) {
  char name[32];
  std::snprintf(name, sizeof name, "frame-%06d.png", number);
  return name;
}

void PngSnapshots::on_frame(const hal::Framebuffer& pixels, const hal::FrameText&) {
  const std::string name = file_name(next_number_++);
  // Created for every frame, so a folder removed while running comes back.
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  PngWriteResult result;
  if (ec) {
    result.error = "cannot create it: " + ec.message();
  } else {
    // Hidden and not matching frame-*.png, so readers that glob never pick it up half-written.
    const std::filesystem::path temporary = directory_ / ("." + name + ".part");
    result = write_png(temporary, pixels);
    if (result.ok()) {
      std::filesystem::rename(temporary, directory_ / name, ec);
      if (ec) {
        result.error = "cannot rename " + temporary.string() + ": " + ec.message();
        std::filesystem::remove(temporary, ec);
      }
    }
  }
  if (!result.ok() && !failure_reported_) {
    failure_reported_ = true;
    errors_ << "linkpos: cannot save screen snapshots in folder " << directory_ << " (" << name
            << "): " << result.error << "; the terminal keeps running without them.\n"
            << std::flush;
  }
}

}  // namespace linkpos::drivers::sim
