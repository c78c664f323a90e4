#pragma once

#include <linux/input.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace linkpos::testing {

// The bytes of one input_event record, as an input device hands it out.
inline std::vector<std::uint8_t> input_record(std::uint16_t type, std::uint16_t code,
                                              std::int32_t value) {
  input_event event{};
  event.type = type;
  event.code = code;
  event.value = value;
  std::vector<std::uint8_t> bytes(sizeof event);
  std::memcpy(bytes.data(), &event, sizeof event);
  return bytes;
}

inline std::vector<std::uint8_t> key_press(std::uint16_t code) {
  return input_record(EV_KEY, code, 1);
}

inline void write_bytes(int fd, std::span<const std::uint8_t> bytes) {
  if (write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
    throw std::runtime_error("test input could not be written");
  }
}

}  // namespace linkpos::testing
