// Whatever comes back from the network is read by the client's own parser settings: a hostile
// or broken server gets an error, never a crash or an unbounded allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/http_response.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)linkpos::net::parse_response(bytes, linkpos::net::ResponseLimits{512, 4096});
  return 0;
}
