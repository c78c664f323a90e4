#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::app {

// A ULID (https://github.com/ulid/spec): 48 bits of Unix milliseconds then 80 random bits, in
// Crockford base 32. Sorts by time; two terminals or two boots never make the same one.
std::string make_ulid(std::chrono::system_clock::time_point now,
                      const std::array<std::uint8_t, 10>& randomness);

// Ten bytes from the kernel's random source (getrandom).
std::array<std::uint8_t, 10> random_ulid_bytes();

// "<terminal id>-<ULID>": the sale's name in the ledger, on the receipt and in the link's title.
std::string make_sale_reference(const std::string& terminal_id,
                                std::chrono::system_clock::time_point now);

// The end of a reference, enough for a cashier to tell the day's sales apart and quote one.
std::string short_reference(const std::string& reference);

// The reference of one of `terminal_id`'s sales inside `text` (a link's title), or nullopt.
std::optional<std::string> reference_in(std::string_view text, std::string_view terminal_id);

}  // namespace linkpos::app
