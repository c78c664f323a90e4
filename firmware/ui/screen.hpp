#pragma once

#include <optional>
#include <string>
#include <vector>

// What a screen shows, in words; ui/screen_painter.cpp turns it into pixels. The app builds
// these and never draws.
namespace linkpos::ui {

enum class TextStyle {
  kSmall,   // fine print: URLs, references
  kNormal,  // body text
  kLarge,   // headlines
  kHuge,    // the amount
};

enum class Tone {
  kNormal,
  kGood,     // paid
  kWarning,  // errors, refusals
  kMuted,    // secondary facts
};

enum class TextAlign { kLeft, kCenter, kRight };

struct ScreenLine {
  std::string text;  // UTF-8; wrapped at word boundaries when wider than its column
  TextStyle style = TextStyle::kNormal;
  TextAlign align = TextAlign::kLeft;
  Tone tone = Tone::kNormal;

  friend bool operator==(const ScreenLine&, const ScreenLine&) = default;
};

struct Screen {
  std::string name;  // the frame log's "screen": idle, amount, creating, qr, paid, printing, ...
  std::string title;
  std::vector<ScreenLine> body;
  std::optional<std::string> qr;  // when set, a QR code of this text fills the screen's left side
  std::string hint;               // which keys do what, at the bottom
  // The technician's display check: colour bars, a fine checkerboard and a frame at the very
  // edge fill the body, so dead pixels, wrong colour order and cropping show at a glance.
  bool test_pattern = false;

  friend bool operator==(const Screen&, const Screen&) = default;
};

}  // namespace linkpos::ui
