// A technician's config file, however broken, gets messages, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)linkpos::config::parse_config(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
