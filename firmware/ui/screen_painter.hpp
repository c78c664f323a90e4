#pragma once

#include "hal/display.hpp"
#include "ui/screen.hpp"

namespace linkpos::ui {

// Draws `screen` over the whole framebuffer and returns what the frame says: its name and its
// text lines in reading order (title, body lines, hint; empty ones left out; each ScreenLine is
// one line however it was wrapped). A QR code takes the screen's left side at full height, with
// its 4-module quiet zone and the largest whole-pixel module size that leaves the text column
// beside it at least 100 pixels and a third of the width; a QR payload too long to encode, or
// that would get under 2 pixels per module, is shown as text instead (one more line after the
// body lines).
hal::FrameText paint_screen(const Screen& screen, const hal::Framebuffer& framebuffer);

}  // namespace linkpos::ui
