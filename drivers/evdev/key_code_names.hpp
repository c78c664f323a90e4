#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace linkpos::drivers::evdev {

// The Linux key code a name from <linux/input-event-codes.h> stands for ("KEY_KP5", "BTN_0"),
// for the codes keypads and keyboards use; nullopt for other names. Codes outside that set are
// given by number in configs.
std::optional<std::uint16_t> key_code_from_name(std::string_view name);

}  // namespace linkpos::drivers::evdev
