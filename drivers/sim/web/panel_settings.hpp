#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace linkpos::drivers::sim::web {

// Where the browser panel listens. Loopback keeps the panel to this machine; any other address
// lets everyone on that network open it and press the terminal's keys, so there the panel asks
// for a token made at each start, which its URL in the log carries.
struct PanelSettings {
  std::string address = "127.0.0.1";  // an IPv4 or IPv6 address, or "localhost"
  unsigned short port = 0;            // 0: the system picks a free one (BrowserPanel::port())
  // The time a page's key presses are counted by (at most 10 a second each); empty: the event
  // loop's own steady clock. Tests set their own.
  std::function<std::chrono::steady_clock::time_point()> now = {};
};

}  // namespace linkpos::drivers::sim::web
