#include "app/failure_text.hpp"

namespace linkpos::app {

std::string_view failure_text(BackendFailure failure, const Strings& s) {
  switch (failure) {
    case BackendFailure::kUnreachable:
      return s.failure_unreachable;
    case BackendFailure::kRejectedKey:
      return s.failure_rejected_key;
    case BackendFailure::kRefused:
      return s.failure_refused;
    case BackendFailure::kBusy:
      return s.failure_busy;
    case BackendFailure::kServerError:
      return s.failure_server;
    case BackendFailure::kBadReply:
      return s.failure_bad_reply;
    case BackendFailure::kSecurity:
      return s.failure_security;
    case BackendFailure::kClockWrong:
      return s.failure_clock;
  }
  return s.failure_bad_reply;
}

std::string_view printer_fault_text(hal::PrinterFault fault, const Strings& s) {
  switch (fault) {
    case hal::PrinterFault::kOffline:
      return s.printer_offline;
    case hal::PrinterFault::kPaperOut:
      return s.printer_paper_out;
    case hal::PrinterFault::kCoverOpen:
      return s.printer_cover_open;
    case hal::PrinterFault::kJobFailed:
      return s.printer_job_failed;
  }
  return s.printer_job_failed;
}

}  // namespace linkpos::app
