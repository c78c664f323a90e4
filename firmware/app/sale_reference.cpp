#include "app/sale_reference.hpp"

#include <sys/random.h>

#include <stdexcept>
#include <string_view>

namespace linkpos::app {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

}  // namespace

std::string make_ulid(std::chrono::system_clock::time_point now,
                      const std::array<std::uint8_t, 10>& randomness) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  // 128 bits, big-endian: the timestamp's low 48 bits, then the randomness.
  std::array<std::uint8_t, 16> bits{};
  const auto time = static_cast<std::uint64_t>(ms.count());
  for (int i = 0; i < 6; ++i)
    bits[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(time >> (8 * (5 - i)));
  for (std::size_t i = 0; i < randomness.size(); ++i)
    bits[6 + i] = randomness[i];
  // 26 characters of 5 bits cover 130 bits: the first character holds two leading zero bits.
  std::string text(26, '0');
  for (int c = 0; c < 26; ++c) {
    unsigned value = 0;
    for (int b = 0; b < 5; ++b) {
      const int bit = c * 5 + b - 2;  // position in the 128 bits, from the top
      value <<= 1;
      if (bit >= 0)
        value |= (bits[static_cast<std::size_t>(bit / 8)] >> (7 - bit % 8)) & 1u;
    }
    text[static_cast<std::size_t>(c)] = kCrockford[value];
  }
  return text;
}

std::array<std::uint8_t, 10> random_ulid_bytes() {
  std::array<std::uint8_t, 10> bytes{};
  if (getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
    throw std::runtime_error("getrandom failed: the kernel gave no random bytes");
  }
  return bytes;
}

std::string make_sale_reference(const std::string& terminal_id,
                                std::chrono::system_clock::time_point now) {
  return terminal_id + "-" + make_ulid(now, random_ulid_bytes());
}

}  // namespace linkpos::app
