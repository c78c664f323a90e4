#pragma once

#include <cstddef>
#include <string>

#include "drivers/fbdev/framebuffer_geometry.hpp"
#include "drivers/fbdev/mapped_memory.hpp"

namespace linkpos::drivers::fbdev {

// A panel's pixel memory, mapped, with what is known about it. The visible area's memory
// starts `start` bytes into the mapping.
struct MappedFramebuffer {
  MappedMemory memory;
  std::size_t start = 0;
  FramebufferGeometry geometry;
  std::string name;  // the device or file, for messages
};

// Opens the framebuffer device at `path` (/dev/fbN), asks the kernel for its geometry and maps
// its memory. Throws std::runtime_error saying what a technician should check when the device
// is missing, not accessible, not a framebuffer, in a pixel format linkpos cannot draw, or
// cannot be mapped.
MappedFramebuffer map_framebuffer_device(const std::string& path);

// Maps `fd`, a regular file holding pixel memory laid out as `geometry` (tests, captures). The
// descriptor stays the caller's. Throws std::runtime_error, naming the file by `name`, when
// the geometry is unsupported or the file too small for it.
MappedFramebuffer map_framebuffer_file(int fd, const FramebufferGeometry& geometry,
                                       const std::string& name);

}  // namespace linkpos::drivers::fbdev
