#include "drivers/fbdev/mapped_memory.hpp"

#include <sys/mman.h>

#include <utility>

namespace linkpos::drivers::fbdev {

MappedMemory MappedMemory::map(int fd, std::size_t length) {
  void* data = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED)
    return MappedMemory();
  return MappedMemory(static_cast<std::uint8_t*>(data), length);
}

MappedMemory::MappedMemory(MappedMemory&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), length_(std::exchange(other.length_, 0)) {}

MappedMemory& MappedMemory::operator=(MappedMemory&& other) noexcept {
  if (this != &other) {
    unmap();
    data_ = std::exchange(other.data_, nullptr);
    length_ = std::exchange(other.length_, 0);
  }
  return *this;
}

MappedMemory::~MappedMemory() {
  unmap();
}

void MappedMemory::unmap() {
  if (data_ != nullptr)
    munmap(data_, length_);
  data_ = nullptr;
}

}  // namespace linkpos::drivers::fbdev
