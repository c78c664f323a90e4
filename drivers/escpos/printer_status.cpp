#include "drivers/escpos/printer_status.hpp"

#include <cstdio>

namespace linkpos::drivers::escpos {
namespace {

constexpr std::uint8_t kAnswerMask = 0x93;
constexpr std::uint8_t kAnswerShape = 0x12;

constexpr std::uint8_t kOffline = 0x08;         // DLE EOT 1 bit 3
constexpr std::uint8_t kCoverOpen = 0x04;       // DLE EOT 2 bit 2
constexpr std::uint8_t kStoppedByPaper = 0x20;  // DLE EOT 2 bit 5
constexpr std::uint8_t kErrorOccurred = 0x40;   // DLE EOT 2 bit 6
constexpr std::uint8_t kPaperEnd = 0x60;        // DLE EOT 4 bits 5-6

std::string hex(std::uint8_t byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

std::string quoted(const PrinterStatus& status) {
  std::string text = "DLE EOT 1 = " + hex(status.printer);
  if (status.offline_cause) {
    text += ", DLE EOT 2 = " + hex(*status.offline_cause);
  }
  return text + ", DLE EOT 4 = " + hex(status.paper_sensor);
}

}  // namespace

std::string status_request(StatusKind kind) {
  return {0x10, 0x04, static_cast<char>(kind)};
}

bool is_status_answer(std::uint8_t byte) {
  return (byte & kAnswerMask) == kAnswerShape;
}

bool reports_offline(std::uint8_t printer_status) {
  return (printer_status & kOffline) != 0;
}

std::optional<hal::PrintError> status_fault(const PrinterStatus& status) {
  const std::uint8_t cause = status.offline_cause.value_or(0);
  if ((status.paper_sensor & kPaperEnd) != 0 || (cause & kStoppedByPaper) != 0) {
    return hal::PrintError{hal::PrinterFault::kPaperOut,
                           "printer reports paper end (" + quoted(status) + ")"};
  }
  if ((cause & kCoverOpen) != 0) {
    return hal::PrintError{hal::PrinterFault::kCoverOpen,
                           "printer reports its cover open (" + quoted(status) + ")"};
  }
  if (reports_offline(status.printer)) {
    const std::string why = (cause & kErrorOccurred) != 0 ? "off-line with an error (cutter, head "
                                                            "temperature...)"
                                                          : "off-line";
    return hal::PrintError{hal::PrinterFault::kOffline,
                           "printer reports " + why + " (" + quoted(status) + ")"};
  }
  return std::nullopt;
}

}  // namespace linkpos::drivers::escpos
