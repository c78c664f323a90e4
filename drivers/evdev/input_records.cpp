#include "drivers/evdev/input_records.hpp"

#include <cstring>

namespace linkpos::drivers::evdev {

void InputRecords::take(std::size_t count,
                        const std::function<void(const input_event&)>& on_event) {
  filled_ += count;
  std::size_t used = 0;
  for (; filled_ - used >= sizeof(input_event); used += sizeof(input_event)) {
    input_event event{};
    std::memcpy(&event, bytes_.data() + used, sizeof event);
    on_event(event);
  }
  std::memmove(bytes_.data(), bytes_.data() + used, filled_ - used);
  filled_ -= used;
}

}  // namespace linkpos::drivers::evdev
