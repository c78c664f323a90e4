#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linkpos::ui {

// Splits `text` into rows of at most `max_chars` code points (at least 1), breaking at spaces
// and at '\n'; a word longer than a row is cut into row-sized pieces. Spaces between words on a
// row are kept (tabs become spaces), those at a break are dropped; an empty or all-space text
// gives no rows.
std::vector<std::u32string> wrap_text(std::u32string_view text, std::size_t max_chars);

// Keeps the first `max_rows` rows (at least 1); when some were dropped, the last kept row ends
// in '…' within `max_chars`.
void limit_rows(std::vector<std::u32string>& rows, std::size_t max_rows, std::size_t max_chars);

}  // namespace linkpos::ui
