#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkpos::tools::wixsim {

struct ListenAddress {
  std::string host;        // "127.0.0.1", "localhost", "::1"
  std::uint16_t port = 0;  // 0: any free port
};

// Reads --listen's HOST:PORT ("127.0.0.1:8443", "localhost:0", "[::1]:0"); nullopt if it is not
// one.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace linkpos::tools::wixsim
