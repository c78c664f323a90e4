#include "drivers/escpos/logo.hpp"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace linkpos::drivers::escpos {
namespace {

constexpr int kRgbaBytes = 4;
constexpr int kBlackBelow = 128;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// libpng's simplified API reports errors as values; its classic API would longjmp through
// our frames.
struct PngImage {
  PngImage() {
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
  }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;

  std::string message() const { return image.message[0] != '\0' ? image.message : "libpng failed"; }

  png_image image;
};

int shrink_factor(std::int64_t width, int paper_width_dots) {
  return static_cast<int>((width + paper_width_dots - 1) / paper_width_dots);
}

// The luminance a pixel shows on white paper: alpha blends it with the paper's white.
int luminance_on_white(const std::uint8_t* rgba) {
  const int luminance = (299 * rgba[0] + 587 * rgba[1] + 114 * rgba[2] + 500) / 1000;
  const int alpha = rgba[3];
  return (luminance * alpha + 255 * (255 - alpha) + 127) / 255;
}

std::optional<std::string> check_size(std::int64_t width, std::int64_t height, int paper_width_dots,
                                      const std::string& source) {
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  if (width < 1 || height < 1) {
    return "logo " + source + " is empty (" + size + " pixels)";
  }
  if (width * height > kMaxLogoSourcePixels) {
    return "logo " + source + " has " + size + " pixels; at most " +
           std::to_string(kMaxLogoSourcePixels) + " are accepted";
  }
  const int factor = shrink_factor(width, paper_width_dots);
  const std::int64_t printed_height = (height + factor - 1) / factor;
  if (printed_height > kMaxLogoHeightDots) {
    return "logo " + source + " (" + size + " pixels) would print " +
           std::to_string(printed_height) + " dots tall on paper " +
           std::to_string(paper_width_dots) + " dots wide; at most " +
           std::to_string(kMaxLogoHeightDots) + " are accepted";
  }
  return std::nullopt;
}

}  // namespace

LogoLoad logo_from_rgba(const std::vector<std::uint8_t>& rgba, int width, int height,
                        int paper_width_dots, const std::string& source) {
  if (paper_width_dots < 8) {
    return {std::nullopt, "paper " + std::to_string(paper_width_dots) + " dots wide"};
  }
  if (auto problem = check_size(width, height, paper_width_dots, source)) {
    return {std::nullopt, *problem};
  }
  if (rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                         static_cast<std::size_t>(kRgbaBytes)) {
    return {std::nullopt, "logo " + source + ": pixel data does not match its size"};
  }
  const int factor = shrink_factor(width, paper_width_dots);
  const int printed_width = (width + factor - 1) / factor;
  const int printed_height = (height + factor - 1) / factor;
  const int left_margin = (paper_width_dots - printed_width) / 2;
  MonoImage image(left_margin + printed_width, printed_height);
  for (int y = 0; y < printed_height; ++y) {
    for (int x = 0; x < printed_width; ++x) {
      const std::size_t pixel = (static_cast<std::size_t>(y) * static_cast<std::size_t>(factor) *
                                     static_cast<std::size_t>(width) +
                                 static_cast<std::size_t>(x) * static_cast<std::size_t>(factor)) *
                                kRgbaBytes;
      if (luminance_on_white(&rgba[pixel]) < kBlackBelow) {
        image.set_black(left_margin + x, y);
      }
    }
  }
  return {std::move(image), {}};
}

LogoLoad load_logo(const std::filesystem::path& png, int paper_width_dots) {
  const std::string source = png.string();
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(png.c_str(), "rb"));
  if (!file) {
    return {std::nullopt, "cannot open logo " + source + ": " + std::strerror(errno)};
  }
  PngImage decoder;
  if (png_image_begin_read_from_stdio(&decoder.image, file.get()) == 0) {
    return {std::nullopt, "logo " + source + " is not a usable PNG: " + decoder.message()};
  }
  const std::int64_t width = decoder.image.width;
  const std::int64_t height = decoder.image.height;
  if (auto problem = check_size(width, height, paper_width_dots, source)) {
    return {std::nullopt, *problem};
  }
  decoder.image.format = PNG_FORMAT_RGBA;
  std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(decoder.image));
  if (png_image_finish_read(&decoder.image, nullptr, rgba.data(), 0, nullptr) == 0) {
    return {std::nullopt, "logo " + source + " is not a usable PNG: " + decoder.message()};
  }
  return logo_from_rgba(rgba, static_cast<int>(width), static_cast<int>(height), paper_width_dots,
                        source);
}

}  // namespace linkpos::drivers::escpos
