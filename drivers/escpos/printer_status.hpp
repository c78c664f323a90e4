#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hal/printer.hpp"

// DLE EOT n (10 04 n), real-time status transmission: the printer answers each request with
// one byte at once, even while its buffer is full or it is off-line. Bit meanings are Epson's
// (ESC/POS Command Reference, "DLE EOT"); clones that implement the command use the same ones.
namespace linkpos::drivers::escpos {

enum class StatusKind : std::uint8_t {
  kPrinter = 1,       // bit 3: off-line
  kOfflineCause = 2,  // bit 2: cover open; bit 5: printing stopped by paper end; bit 6: error
  kErrorCause = 3,    // not asked: the off-line cause already says "error"
  kPaperSensor = 4,   // bits 5 and 6: roll paper end detected (bits 2 and 3: near end)
};

// The three bytes that ask for `kind`.
std::string status_request(StatusKind kind);

// Every answer has the shape 0xx1xx10 (bits 1 and 4 set, 0 and 7 clear); other bytes from
// the printer (a late echo, noise on the line) are not answers.
bool is_status_answer(std::uint8_t byte);

struct PrinterStatus {
  std::uint8_t printer = 0x12;                // answer to DLE EOT 1
  std::uint8_t paper_sensor = 0x12;           // answer to DLE EOT 4
  std::optional<std::uint8_t> offline_cause;  // answer to DLE EOT 2, asked when off-line
};

// True when the DLE EOT 1 answer says the printer is off-line, so the cause is worth asking.
bool reports_offline(std::uint8_t printer_status);

// Nullopt when the printer can take a job. Otherwise the fault a cashier can act on, first
// match wins: paper end (sensor or cause) → kPaperOut, cover open → kCoverOpen, off-line for
// another reason → kOffline; the detail quotes the bytes for the technician. Paper near end
// is no fault: the roll still holds a few receipts.
std::optional<hal::PrintError> status_fault(const PrinterStatus& status);

}  // namespace linkpos::drivers::escpos
