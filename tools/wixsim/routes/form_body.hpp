#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

// The value of field `name` in an application/x-www-form-urlencoded body ("amount=15.00&pay=1"),
// decoded ('+' is a space, %XX a byte); nullopt when the body has no such field. A malformed
// escape is kept as written, so it reaches validation and is refused there.
std::optional<std::string> form_field(std::string_view body, std::string_view name);

}  // namespace linkpos::tools::wixsim
