#pragma once

#include "hal/display.hpp"
#include "ui/screen.hpp"

namespace linkpos::ui {

// Draws `screen` over the whole framebuffer and returns what the frame says: its name and its
// text lines in reading order (title, body lines, hint; empty ones left out; each ScreenLine is
// one line however it was wrapped). A QR code gets the largest whole-pixel module size that fits
// with its 4-module quiet zone; a QR payload too long to encode is shown as text instead.
hal::FrameText paint_screen(const Screen& screen, const hal::Framebuffer& framebuffer);

}  // namespace linkpos::ui
