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

std::optional<std::string> reference_in(std::string_view text, std::string_view terminal_id) {
  constexpr std::size_t kUlidLength = 26;
  const std::string prefix = std::string(terminal_id) + "-";
  for (std::size_t at = text.find(prefix); at != std::string_view::npos;
       at = text.find(prefix, at + 1)) {
    // Another terminal's id may end with this one's ("SHOP-T1" and "T1"): the id must start a word.
    if (at > 0 && text[at - 1] != ' ')
      continue;
    const std::string_view ulid = text.substr(at + prefix.size(), kUlidLength);
    const bool is_ulid =
        ulid.size() == kUlidLength &&
        ulid.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ") == std::string_view::npos;
    const std::size_t end = at + prefix.size() + kUlidLength;
    if (is_ulid && (end == text.size() || text[end] == ' '))
      return std::string(text.substr(at, end - at));
  }
  return std::nullopt;
}

std::string short_reference(const std::string& reference) {
  constexpr std::size_t kShown = 8;
  return reference.substr(reference.size() > kShown ? reference.size() - kShown : 0);
}

}  // namespace linkpos::app
