#include "drivers/fbdev/rotation.hpp"

namespace linkpos::drivers::fbdev {

std::optional<Rotation> rotation_from_degrees(int degrees) {
  switch (degrees) {
    case 0:
      return Rotation::k0;
    case 90:
      return Rotation::k90;
    case 180:
      return Rotation::k180;
    case 270:
      return Rotation::k270;
    default:
      return std::nullopt;
  }
}

int degrees(Rotation rotation) {
  return static_cast<int>(rotation) * 90;
}

}  // namespace linkpos::drivers::fbdev
