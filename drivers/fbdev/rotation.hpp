#pragma once

#include <optional>

namespace linkpos::drivers::fbdev {

// How far the app's image is turned, clockwise, on its way to the panel: k90 shows a 320x240
// landscape image on a 240x320 portrait panel mounted turned a quarter counter-clockwise, the
// image's top-left corner at the panel's top-right.
enum class Rotation { k0, k90, k180, k270 };

// The config's "rotation" (degrees); nullopt for anything but 0, 90, 180 and 270.
std::optional<Rotation> rotation_from_degrees(int degrees);

int degrees(Rotation rotation);

// True when the rotation swaps width and height.
constexpr bool is_quarter_turn(Rotation rotation) {
  return rotation == Rotation::k90 || rotation == Rotation::k270;
}

}  // namespace linkpos::drivers::fbdev
