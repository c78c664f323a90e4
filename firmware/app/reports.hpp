#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "app/day_report.hpp"
#include "app/lifetime.hpp"
#include "app/sale_services.hpp"

namespace linkpos::app {

// Makes and prints the day's reports, from the terminal's menu or the command line. First it
// asks Wix for the payments of the period (paged by date, not link by link) and brings into the
// ledger every payment of this terminal's links it lacks; then it counts the sales that ended
// in the period. A Z is committed to the ledger (its number, what it says) before it prints, so
// a print cut off by a power cut comes out again, marked as a reprint.
class Reports {
 public:
  enum class Outcome { kPrinted, kPrinterFailed, kLedgerFailed };
  struct Result {
    Outcome outcome = Outcome::kPrinted;
    ReportKind kind = ReportKind::kX;
    std::int64_t number = 0;  // the Z's
    ReportFigures figures;
    std::string problem;  // why it did not print, or why the ledger failed
  };
  using Done = std::function<void(Result)>;

  explicit Reports(SaleServices& services);

  // An X report of the period so far, or a Z that closes it.
  void make(ReportKind kind, Done done);
  // The last Z again, marked COPY; nullopt-free: done with kLedgerFailed and a problem when there
  // is none.
  void reprint_last_z(Done done);
  // A Z whose print was cut off before its end was recorded, printed again marked as a reprint.
  // Answers false at once when there is none.
  bool finish_cut_off_z(Done done);
  bool busy() const { return busy_; }

 private:
  void reconcile();
  void on_payments(BackendResult<std::vector<ServicePayment>> payments);
  void count_and_print();
  void print(const hal::ReceiptDocument& document);
  void on_printed(std::optional<hal::PrintError> error);
  void finish(Outcome outcome, std::string problem = {});

  SaleServices& services_;
  bool busy_ = false;
  ReportKind kind_ = ReportKind::kX;
  std::int64_t from_ms_ = 0;
  std::int64_t to_ms_ = 0;
  Result result_;
  // What Wix listed for the period, by payment id: to find the ledger's payments it lacks.
  std::optional<std::set<std::string>> wix_payment_ids_;
  Done done_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
