#include "drivers/escpos/port_settings.hpp"

#include <algorithm>
#include <array>

namespace linkpos::drivers::escpos {
namespace {

constexpr std::array<unsigned, 11> kBaudRates = {1200,  2400,   4800,   9600,   19200, 38400,
                                                 57600, 115200, 230400, 460800, 921600};

std::optional<std::string> check_status(const StatusCheck& status) {
  if (status.enabled && status.timeout.count() <= 0) {
    return "the status timeout must be positive";
  }
  return std::nullopt;
}

std::optional<std::string> check_stall(std::chrono::milliseconds stall_timeout) {
  if (stall_timeout.count() <= 0) {
    return "the stall timeout must be positive";
  }
  return std::nullopt;
}

std::optional<std::string> check(const SerialSettings& serial) {
  if (serial.device.empty()) {
    return "the serial printer needs a device, e.g. /dev/ttyS1";
  }
  if (std::find(kBaudRates.begin(), kBaudRates.end(), serial.baud_rate) == kBaudRates.end()) {
    return "baud rate " + std::to_string(serial.baud_rate) +
           " is not one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, "
           "921600";
  }
  if (auto problem = check_status(serial.status)) {
    return problem;
  }
  return check_stall(serial.stall_timeout);
}

std::optional<std::string> check(const UsbSettings& usb) {
  if (usb.device.empty()) {
    return "the USB printer needs a device, e.g. /dev/usb/lp0";
  }
  if (auto problem = check_status(usb.status)) {
    return problem;
  }
  return check_stall(usb.stall_timeout);
}

std::optional<std::string> check(const TcpSettings& tcp) {
  if (tcp.host.empty()) {
    return "the network printer needs a host";
  }
  if (tcp.port == 0) {
    return "the network printer needs a port (9100 for most)";
  }
  if (tcp.connect_timeout.count() <= 0 || tcp.close_timeout.count() <= 0) {
    return "the connect and close timeouts must be positive";
  }
  if (auto problem = check_status(tcp.status)) {
    return problem;
  }
  return check_stall(tcp.stall_timeout);
}

struct Describe {
  std::string operator()(const SerialSettings& serial) const {
    return "serial printer " + serial.device;
  }
  std::string operator()(const UsbSettings& usb) const { return "USB printer " + usb.device; }
  std::string operator()(const TcpSettings& tcp) const {
    const bool ipv6 = tcp.host.find(':') != std::string::npos;
    return "network printer " + (ipv6 ? "[" + tcp.host + "]" : tcp.host) + ":" +
           std::to_string(tcp.port);
  }
};

}  // namespace

std::optional<FlowControl> parse_flow_control(std::string_view name) {
  if (name == "none") {
    return FlowControl::kNone;
  }
  if (name == "software") {
    return FlowControl::kSoftware;
  }
  if (name == "hardware") {
    return FlowControl::kHardware;
  }
  return std::nullopt;
}

std::optional<std::string> check_port_settings(const PortSettings& port) {
  return std::visit([](const auto& settings) { return check(settings); }, port);
}

std::string port_name(const PortSettings& port) {
  return std::visit(Describe{}, port);
}

}  // namespace linkpos::drivers::escpos
