#pragma once

#include <string>
#include <string_view>

namespace linkpos::ui {

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

// Decodes UTF-8 into code points. Any byte sequence is accepted: each maximal ill-formed part
// (stray continuation byte, truncated sequence, overlong form, surrogate, value above U+10FFFF)
// becomes one U+FFFD, as the Unicode standard recommends.
std::u32string decode_utf8(std::string_view utf8);

}  // namespace linkpos::ui
