#include "drivers/escpos/iconv_handle.hpp"

#include <utility>

namespace linkpos::drivers::escpos {
namespace {

const iconv_t kNoDescriptor = reinterpret_cast<iconv_t>(-1);

}  // namespace

std::optional<IconvHandle> IconvHandle::open(const std::string& to, const std::string& from) {
  iconv_t descriptor = iconv_open(to.c_str(), from.c_str());
  if (descriptor == kNoDescriptor) {
    return std::nullopt;
  }
  return IconvHandle(descriptor);
}

IconvHandle::IconvHandle(IconvHandle&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, kNoDescriptor)) {}

IconvHandle& IconvHandle::operator=(IconvHandle&& other) noexcept {
  if (this != &other) {
    if (descriptor_ != kNoDescriptor) {
      iconv_close(descriptor_);
    }
    descriptor_ = std::exchange(other.descriptor_, kNoDescriptor);
  }
  return *this;
}

IconvHandle::~IconvHandle() {
  if (descriptor_ != kNoDescriptor) {
    iconv_close(descriptor_);
  }
}

void IconvHandle::reset() {
  iconv(descriptor_, nullptr, nullptr, nullptr, nullptr);
}

}  // namespace linkpos::drivers::escpos
