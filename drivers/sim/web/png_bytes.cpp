#include "drivers/sim/web/png_bytes.hpp"

#include <cstring>

#include <png.h>

namespace linkpos::drivers::sim::web {

std::optional<std::string> png_bytes(int width, int height, const std::vector<std::uint8_t>& rgb) {
  if (width <= 0 || height <= 0 ||
      rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {
    return std::nullopt;
  }
  // libpng's simplified API reports errors as values; its classic API would longjmp through
  // our frames.
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  // A frame is shown once and replaced: speed matters more than size.
  image.flags = PNG_IMAGE_FLAG_FAST;
  png_alloc_size_t size = 0;
  std::optional<std::string> png;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr) != 0) {
    std::string bytes(size, '\0');
    if (png_image_write_to_memory(&image, bytes.data(), &size, 0, rgb.data(), 0, nullptr) != 0) {
      bytes.resize(size);
      png = std::move(bytes);
    }
  }
  png_image_free(&image);
  return png;
}

}  // namespace linkpos::drivers::sim::web
