#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

// How the board reaches its ESC/POS printer, as the config says (`printer.kind`).
namespace linkpos::drivers::escpos {

// Asking DLE EOT before each job. Clones that ignore the command never answer, so the check
// can be turned off; a printer that does not answer within `timeout` is reported off-line.
struct StatusCheck {
  bool enabled = true;
  std::chrono::milliseconds timeout{500};
};

enum class FlowControl { kNone, kSoftware, kHardware };  // hardware = RTS/CTS

// "none", "software" (XON/XOFF) or "hardware" (RTS/CTS).
std::optional<FlowControl> parse_flow_control(std::string_view name);

// A printer whose job takes no data for this long has stopped (paper out under flow
// control, a wedged head): the job fails rather than waiting for ever.
constexpr std::chrono::milliseconds kDefaultStallTimeout{10000};

// An RS-232 printer or a USB-serial adaptor: /dev/ttyS1, /dev/ttyUSB0. 8 data bits, no parity,
// one stop bit. The device stays open between jobs and is reopened after an error.
struct SerialSettings {
  std::string device;
  unsigned baud_rate = 9600;  // one of the standard rates 1200 .. 921600
  FlowControl flow_control = FlowControl::kNone;
  StatusCheck status{};
  std::chrono::milliseconds stall_timeout = kDefaultStallTimeout;
};

// A USB printer-class device (/dev/usb/lp0). Many answer nothing on their back channel, so
// status is off unless the config turns it on. Stays open between jobs like a serial port.
struct UsbSettings {
  std::string device = "/dev/usb/lp0";
  StatusCheck status{false};
  std::chrono::milliseconds stall_timeout = kDefaultStallTimeout;
};

// A network printer's raw port (JetDirect, 9100). One connection per job, closed after it, so
// the printer stays free for others between receipts.
struct TcpSettings {
  std::string host;
  std::uint16_t port = 9100;
  StatusCheck status{};
  std::chrono::milliseconds connect_timeout{3000};  // resolving the name and connecting
  std::chrono::milliseconds stall_timeout = kDefaultStallTimeout;
  // After the last byte the printer is given this long to close its side; until then it may
  // still reset the connection, which fails the job.
  std::chrono::milliseconds close_timeout{1000};
};

using PortSettings = std::variant<SerialSettings, UsbSettings, TcpSettings>;

// Nullopt when `port` can be used; otherwise a message for the technician saying why not
// (no device or host, a baud rate no UART has, port 0, a timeout that is not positive).
std::optional<std::string> check_port_settings(const PortSettings& port);

// "serial printer /dev/ttyS1", "USB printer /dev/usb/lp0", "network printer 10.0.0.7:9100":
// how errors name the printer.
std::string port_name(const PortSettings& port);

}  // namespace linkpos::drivers::escpos
