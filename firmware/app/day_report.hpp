#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/settings.hpp"
#include "app/strings.hpp"
#include "app/vat_summary.hpp"
#include "hal/receipt.hpp"
#include "store/ledger.hpp"

// The day's reports: an X report (the period so far, printed as often as wanted) and a Z report
// (closes the period: numbered without gaps, kept in the ledger for ever). Both count the sales
// that ended in the period, and say whether Wix's payments of the period match the ledger.
namespace linkpos::app {

enum class ReportKind { kX, kZ };

// A sale the report names with an amount: what was written off, or what is owed back.
struct ReportedSale {
  std::string reference;
  std::int64_t thousandths = 0;
};

// A payment named by the reconciliation: brought into the ledger from Wix, or kept in the
// ledger and unknown to Wix.
struct ReportedPayment {
  std::string reference;
  std::string payment_id;
  std::optional<std::int64_t> thousandths;
};

enum class Reconciliation {
  kReconciled,     // Wix's payments of the period and the ledger's agree (after bringing in)
  kNotReconciled,  // Wix could not be asked; the report says so and still closes
  kSkipped,        // a backend without a payment service to ask (the demo)
};

// What a report says. Amounts are exact (thousandths) where they are payments, minor units
// where they are prices.
struct ReportFigures {
  std::int64_t from_ms = 0;  // the end of the last Z, or 0
  std::int64_t to_ms = 0;
  int sales = 0;                       // sales completed: paid, receipt printed
  std::int64_t gross_thousandths = 0;  // the payments they received
  std::vector<VatGroup> vat;           // by rate
  std::int64_t tips_minor = 0;
  int cancelled = 0;
  int expired = 0;
  int failed = 0;
  int unresolved = 0;
  std::vector<ReportedSale> underpaid;   // completed with less, the rest written off
  std::vector<ReportedSale> overpaid;    // completed with more, the excess owed back
  std::vector<ReportedPayment> refunds;  // the refund list as it stands, whenever its sale was
  std::int64_t first_receipt = 0;
  std::int64_t last_receipt = 0;
  Reconciliation reconciliation = Reconciliation::kSkipped;
  std::string not_reconciled_why;
  std::vector<ReportedPayment> brought_in;      // from Wix into the ledger
  std::vector<ReportedPayment> unknown_to_wix;  // in the ledger, not at Wix
};

// Counts the sales that ended in the period and the refunds owed.
ReportFigures count_period(std::int64_t from_ms, std::int64_t to_ms,
                           const std::vector<store::SaleRecord>& ended,
                           const std::vector<store::RefundDue>& refunds, const Settings& settings);

// The figures as the ledger keeps them with a Z (JSON), and back.
std::string figures_json(const ReportFigures& figures);
std::optional<ReportFigures> figures_from_json(const std::string& json);

enum class ReportCopy { kOriginal, kCopy, kReprint };

// The printed report. `number` is the Z's (0 for an X); the job is named "Z-<number>" or
// "X-<date and time>", which the file printer uses for its files.
hal::ReceiptDocument layout_report(ReportKind kind, std::int64_t number,
                                   const ReportFigures& figures, const Settings& settings,
                                   const Strings& strings, ReportCopy copy);

}  // namespace linkpos::app
