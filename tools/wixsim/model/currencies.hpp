#pragma once

#include <string_view>

namespace linkpos::tools::wixsim {

// Whether `code` is an ISO 4217 alphabetic code a payment link may be priced in ("USD", "EUR").
bool is_known_currency(std::string_view code);

}  // namespace linkpos::tools::wixsim
