#pragma once

#include <string>

namespace linkpos::drivers::sim::web {

// Where the browser panel listens. Loopback keeps the panel to this machine; any other address
// lets everyone on that network open it and press the terminal's keys.
struct PanelSettings {
  std::string address = "127.0.0.1";  // an IPv4 or IPv6 address, or "localhost"
  unsigned short port = 0;            // 0: the system picks a free one (BrowserPanel::port())
};

}  // namespace linkpos::drivers::sim::web
