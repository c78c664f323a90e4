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
  // 128 bits: the timestamp in the top 48, the randomness below, read 5 bits at a time from the
  // top after two leading zero bits (26 characters * 5 = 130 bits).
  unsigned __int128 value = static_cast<unsigned __int128>(ms.count() & 0xFFFF'FFFF'FFFF) << 80;
  for (std::size_t i = 0; i < randomness.size(); ++i) {
    value |= static_cast<unsigned __int128>(randomness[i]) << (8 * (9 - i));
  }
  std::string text(26, '0');
  for (int i = 25; i >= 0; --i) {
    text[static_cast<std::size_t>(i)] = kCrockford[static_cast<std::size_t>(value & 0x1F)];
    value >>= 5;
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
