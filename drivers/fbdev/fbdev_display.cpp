#include "drivers/fbdev/fbdev_display.hpp"

#include <cstddef>
#include <utility>

#include "drivers/fbdev/rotated_copy.hpp"

namespace linkpos::drivers::fbdev {

FbdevDisplay::FbdevDisplay(const FbdevSettings& settings)
    : FbdevDisplay(map_framebuffer_device(settings.device), settings.rotation) {}

FbdevDisplay::FbdevDisplay(int fd, const FramebufferGeometry& geometry, Rotation rotation,
                           const std::string& name)
    : FbdevDisplay(map_framebuffer_file(fd, geometry, name), rotation) {}

FbdevDisplay::FbdevDisplay(MappedFramebuffer panel, Rotation rotation)
    : panel_(std::move(panel)),
      rotation_(rotation),
      format_(drawing_format(panel_.geometry)),
      converter_(format_, panel_.geometry),
      width_(is_quarter_turn(rotation) ? panel_.geometry.height : panel_.geometry.width),
      height_(is_quarter_turn(rotation) ? panel_.geometry.width : panel_.geometry.height),
      pixels_(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) *
                  static_cast<std::size_t>(hal::bytes_per_pixel(format_)),
              0) {
  // Black, and opaque should anything read XRGB's spare byte as alpha.
  if (format_ == hal::PixelFormat::kXrgb8888) {
    for (std::size_t i = 3; i < pixels_.size(); i += 4)
      pixels_[i] = 0xFF;
  }
}

hal::Framebuffer FbdevDisplay::framebuffer() {
  return hal::Framebuffer{width_, height_, width_ * hal::bytes_per_pixel(format_), format_,
                          pixels_};
}

void FbdevDisplay::present(const hal::FrameText&) {
  const FramebufferGeometry& g = panel_.geometry;
  const std::size_t origin =
      panel_.start + static_cast<std::size_t>(g.yoffset) * static_cast<std::size_t>(g.line_length) +
      static_cast<std::size_t>(g.xoffset) * static_cast<std::size_t>(g.bits_per_pixel / 8);
  const PanelMemory visible{panel_.memory.bytes().subspan(origin), g.width, g.height,
                            g.line_length};
  copy_rotated(framebuffer(), rotation_, converter_, visible);
}

}  // namespace linkpos::drivers::fbdev
