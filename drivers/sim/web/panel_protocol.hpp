#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "hal/display.hpp"
#include "hal/keypad.hpp"

// The messages between the panel and its page (README.md in this folder describes them).
namespace linkpos::drivers::sim::web {

// The largest message the page may send; {"key": "BACKSPACE"} needs 20 bytes.
inline constexpr std::size_t kMaxPageMessageBytes = 256;

// {"screen": ..., "lines": [...]}: the frame log's line for the frame, without its newline.
std::string frame_text_message(const hal::FrameText& text);

// {"receipt": {"name": ..., "text": ...}}. Invalid UTF-8 is replaced by U+FFFD.
std::string receipt_message(std::string_view name, std::string_view text);

// A message from the page: a key, or why it is not one (for the log; it quotes the message
// only in printable ASCII and clipped, since it comes from the network).
struct PageMessage {
  std::optional<hal::Key> key;
  std::string problem;
};

// `text` in double quotes, clipped to a few dozen bytes, anything but printable ASCII shown as '?':
// what the network sent, made safe for a log line.
std::string log_safe(std::string_view text);

// Reads {"key": "<a name of hal::kKeyNames>"}; other members are allowed and ignored.
PageMessage parse_page_message(std::string_view message);

}  // namespace linkpos::drivers::sim::web
