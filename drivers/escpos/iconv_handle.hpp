#pragma once

#include <iconv.h>

#include <optional>
#include <string>

namespace linkpos::drivers::escpos {

// One glibc iconv conversion descriptor, owned. Conversions keep a shift state, so a handle is
// used by one converter at a time (everything here runs on one thread).
class IconvHandle {
 public:
  // Nullopt when iconv does not know one of the charsets.
  static std::optional<IconvHandle> open(const std::string& to, const std::string& from);

  IconvHandle(IconvHandle&& other) noexcept;
  IconvHandle& operator=(IconvHandle&& other) noexcept;
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  ~IconvHandle();

  iconv_t get() const { return descriptor_; }

  // Back to the initial shift state, e.g. after a conversion error.
  void reset();

 private:
  explicit IconvHandle(iconv_t descriptor) : descriptor_(descriptor) {}

  iconv_t descriptor_;
};

}  // namespace linkpos::drivers::escpos
