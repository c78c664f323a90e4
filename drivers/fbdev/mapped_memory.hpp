#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace linkpos::drivers::fbdev {

// A shared, writable mmap() of a file or device, unmapped when destroyed. The mapping outlives
// the descriptor it was made from.
class MappedMemory {
 public:
  // An invalid (empty) mapping when mmap() fails; errno says why.
  static MappedMemory map(int fd, std::size_t length);

  MappedMemory() = default;
  MappedMemory(MappedMemory&& other) noexcept;
  MappedMemory& operator=(MappedMemory&& other) noexcept;
  MappedMemory(const MappedMemory&) = delete;
  MappedMemory& operator=(const MappedMemory&) = delete;
  ~MappedMemory();

  bool valid() const { return data_ != nullptr; }
  std::span<std::uint8_t> bytes() const { return {data_, length_}; }

 private:
  MappedMemory(std::uint8_t* data, std::size_t length) : data_(data), length_(length) {}
  void unmap();

  std::uint8_t* data_ = nullptr;
  std::size_t length_ = 0;
};

}  // namespace linkpos::drivers::fbdev
