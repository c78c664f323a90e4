#pragma once

#include <string>
#include <string_view>

namespace linkpos::drivers::sim::web {

// A new secret for the panel's URL: 128 bits from the kernel's CSPRNG (getrandom), in hex.
// Throws std::runtime_error when the kernel gives none.
std::string new_panel_token();

// The value of `name` in the query of a request target ("/ws?token=ab" → "ab"); empty when
// absent.
std::string_view query_value(std::string_view target, std::string_view name);

// Compares in a time that depends on the lengths only, not on where the two first differ.
bool same_token(std::string_view a, std::string_view b);

}  // namespace linkpos::drivers::sim::web
