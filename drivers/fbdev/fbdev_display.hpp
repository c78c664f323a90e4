#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drivers/fbdev/framebuffer_geometry.hpp"
#include "drivers/fbdev/framebuffer_mapping.hpp"
#include "drivers/fbdev/pixel_converter.hpp"
#include "drivers/fbdev/rotation.hpp"
#include "hal/display.hpp"

namespace linkpos::drivers::fbdev {

// The config's display section for a framebuffer panel (display.kind "fbdev").
struct FbdevSettings {
  std::string device = "/dev/fb0";
  Rotation rotation = Rotation::k0;  // display.rotation, degrees clockwise: 0, 90, 180, 270
};

// The terminal's screen on a Linux framebuffer. The app draws into memory of the driver's own,
// as large as the panel turned by the rotation (320x240 on a 240x320 panel at 90 degrees), in
// the hal format of the panel's pixel size; the panel never shows that memory. present() copies
// the whole frame to the panel in one top-to-bottom pass: a partly drawn frame is never shown,
// and the worst a viewer can see is one refresh with the new frame's top over the old frame's
// bottom (tearing), as with any single copy.
class FbdevDisplay final : public hal::Display {
 public:
  // Opens settings.device (/dev/fbN). Throws std::runtime_error saying what a technician should
  // check: the device's name, permissions (group video), the panel's kernel driver, its depth.
  explicit FbdevDisplay(const FbdevSettings& settings);

  // Shows frames in `fd`, a regular file laid out as `geometry` (tests, frame captures); the
  // descriptor stays the caller's. `name` names the file in messages. Throws as above.
  FbdevDisplay(int fd, const FramebufferGeometry& geometry, Rotation rotation,
               const std::string& name);

  hal::Framebuffer framebuffer() override;
  void present(const hal::FrameText& text) override;

  // The panel as the kernel describes it (not turned).
  const FramebufferGeometry& panel() const { return panel_.geometry; }

 private:
  FbdevDisplay(MappedFramebuffer panel, Rotation rotation);

  MappedFramebuffer panel_;
  Rotation rotation_;
  hal::PixelFormat format_;
  PixelConverter converter_;
  int width_;
  int height_;
  std::vector<std::uint8_t> pixels_;
};

}  // namespace linkpos::drivers::fbdev
