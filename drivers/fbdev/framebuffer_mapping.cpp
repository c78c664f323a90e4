#include "drivers/fbdev/framebuffer_mapping.hpp"

#include <fcntl.h>
#include <linux/fb.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace linkpos::drivers::fbdev {
namespace {

std::runtime_error display_error(const std::string& name, const std::string& problem) {
  return std::runtime_error("display " + name + ": " + problem);
}

// Closes the device once its memory is mapped (or on an error): the mapping keeps it alive.
class DeviceFd {
 public:
  explicit DeviceFd(int fd) : fd_(fd) {}
  ~DeviceFd() {
    if (fd_ >= 0)
      close(fd_);
  }
  DeviceFd(const DeviceFd&) = delete;
  DeviceFd& operator=(const DeviceFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string open_problem(const std::string& path, int error) {
  switch (error) {
    case ENOENT:
      return "does not exist; check display.device in the config (ls /dev/fb*) and that the "
             "panel's kernel driver is loaded (dmesg | grep -i fb)";
    case EACCES:
    case EPERM:
      return "cannot be opened: permission denied; run linkpos as a user in the group owning "
             "it, usually video (ls -l " +
             path + ")";
    case ENXIO:
    case ENODEV:
      return "has no framebuffer behind it; check that the panel's kernel driver is loaded "
             "(dmesg | grep -i fb)";
    default:
      return std::string("cannot be opened: ") + std::strerror(error);
  }
}

ChannelField field_of(const fb_bitfield& bitfield) {
  return ChannelField{static_cast<int>(bitfield.offset), static_cast<int>(bitfield.length)};
}

FramebufferGeometry geometry_of(const fb_var_screeninfo& var, const fb_fix_screeninfo& fix) {
  FramebufferGeometry g;
  g.width = static_cast<int>(var.xres);
  g.height = static_cast<int>(var.yres);
  g.bits_per_pixel = static_cast<int>(var.bits_per_pixel);
  g.line_length = static_cast<int>(fix.line_length);
  g.red = field_of(var.red);
  g.green = field_of(var.green);
  g.blue = field_of(var.blue);
  g.transp = field_of(var.transp);
  g.xoffset = static_cast<int>(var.xoffset);
  g.yoffset = static_cast<int>(var.yoffset);
  return g;
}

// What the geometry cannot say about a device: its pixels must be plain packed colour values.
void check_pixel_kind(const std::string& path, const fb_var_screeninfo& var,
                      const fb_fix_screeninfo& fix) {
  if (fix.type != FB_TYPE_PACKED_PIXELS) {
    throw display_error(path,
                        "keeps its pixels in planes or interleaved; linkpos needs packed "
                        "pixels (check the panel's kernel driver)");
  }
  if (fix.visual != FB_VISUAL_TRUECOLOR && fix.visual != FB_VISUAL_DIRECTCOLOR) {
    throw display_error(path,
                        "is in a palette or monochrome mode; set a 16, 24 or 32 bit depth "
                        "in the panel's kernel driver or device tree, or with fbset");
  }
  if (var.grayscale != 0) {
    throw display_error(path, "is in a greyscale or YUV (FOURCC) mode; linkpos needs RGB");
  }
  if (var.red.msb_right != 0 || var.green.msb_right != 0 || var.blue.msb_right != 0) {
    throw display_error(path, "stores colour bits in reverse order, which linkpos cannot draw");
  }
}

MappedMemory map_or_throw(int fd, std::size_t length, const std::string& name) {
  MappedMemory memory = MappedMemory::map(fd, length);
  if (!memory.valid()) {
    throw display_error(name, "its memory (" + std::to_string(length) +
                                  " bytes) cannot be mapped: " + std::strerror(errno) +
                                  "; check that the panel's kernel driver supports mmap");
  }
  return memory;
}

}  // namespace

MappedFramebuffer map_framebuffer_device(const std::string& path) {
  const DeviceFd fd(open(path.c_str(), O_RDWR | O_CLOEXEC));
  if (fd.get() < 0)
    throw display_error(path, open_problem(path, errno));

  fb_var_screeninfo var{};
  fb_fix_screeninfo fix{};
  if (ioctl(fd.get(), FBIOGET_VSCREENINFO, &var) != 0 ||
      ioctl(fd.get(), FBIOGET_FSCREENINFO, &fix) != 0) {
    throw display_error(path, std::string("is not a framebuffer device (") + std::strerror(errno) +
                                  "); display.device must name one, such as /dev/fb0");
  }
  const FramebufferGeometry geometry = geometry_of(var, fix);
  if (auto problem = check_geometry(geometry))
    throw display_error(path, *problem);
  check_pixel_kind(path, var, fix);
  if (bytes_needed(geometry) > fix.smem_len) {
    throw display_error(path, "has " + std::to_string(fix.smem_len) +
                                  " bytes of memory, less "
                                  "than its " +
                                  std::to_string(geometry.width) + "x" +
                                  std::to_string(geometry.height) +
                                  " screen needs; check the panel's kernel driver");
  }
  // The kernel maps from the page holding the memory's start, which need not be page aligned.
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t start = fix.smem_start % page;
  return MappedFramebuffer{map_or_throw(fd.get(), start + fix.smem_len, path), start, geometry,
                           path};
}

MappedFramebuffer map_framebuffer_file(int fd, const FramebufferGeometry& geometry,
                                       const std::string& name) {
  if (auto problem = check_geometry(geometry))
    throw display_error(name, *problem);
  struct stat status {};
  if (fstat(fd, &status) != 0) {
    throw display_error(name, std::string("cannot be examined: ") + std::strerror(errno));
  }
  const auto size = static_cast<std::size_t>(status.st_size);
  const std::size_t needed = bytes_needed(geometry);
  if (size < needed) {
    throw display_error(
        name, "holds " + std::to_string(size) + " bytes, but a " + std::to_string(geometry.width) +
                  "x" + std::to_string(geometry.height) + " screen of " +
                  std::to_string(geometry.bits_per_pixel) + " bits per pixel in lines of " +
                  std::to_string(geometry.line_length) + " bytes needs " + std::to_string(needed));
  }
  return MappedFramebuffer{map_or_throw(fd, size, name), 0, geometry, name};
}

}  // namespace linkpos::drivers::fbdev
