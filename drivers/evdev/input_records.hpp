#pragma once

#include <linux/input.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

namespace linkpos::drivers::evdev {

// Bytes read from an input device, cut into whole input_event records. A device hands out whole
// records, but a pipe standing in for one need not: a record split across reads waits for its
// rest.
class InputRecords {
 public:
  // Where the next read should put its bytes.
  std::span<std::uint8_t> space() { return std::span(bytes_).subspan(filled_); }

  // Takes the `count` bytes just read into space(), calling `on_event` for each record they
  // complete, in order.
  void take(std::size_t count, const std::function<void(const input_event&)>& on_event);

  // Forgets a partial record (its device is gone).
  void clear() { filled_ = 0; }

 private:
  std::array<std::uint8_t, sizeof(input_event) * 32> bytes_{};
  std::size_t filled_ = 0;
};

}  // namespace linkpos::drivers::evdev
