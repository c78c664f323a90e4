#include "app/reports.hpp"

#include <algorithm>
#include <utility>

#include "app/failure_text.hpp"
#include "app/local_time.hpp"
#include "app/payment_records.hpp"
#include "app/sale_reference.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

// A payment Wix dated just before the period may be one the ledger saw just after it began:
// Wix is asked for a little more than the period, so it is not called unknown to Wix.
constexpr auto kOverlap = 1h;

}  // namespace

Reports::Reports(SaleServices& services) : services_(services) {}

void Reports::make(ReportKind kind, Done done) {
  if (busy_)
    return;
  busy_ = true;
  kind_ = kind;
  done_ = std::move(done);
  result_ = Result{};
  result_.kind = kind;
  wix_payment_ids_.reset();
  try {
    from_ms_ = services_.ledger.z_period_start();
  } catch (const store::LedgerError& error) {
    return finish(Outcome::kLedgerFailed, error.what());
  }
  // The period is [from, to): to is just past now, so what ended this millisecond is in, and
  // the next Z, which starts at this one's end, does not count it again.
  to_ms_ = to_unix_ms(services_.clock.now()) + 1;
  reconcile();
}

void Reports::reconcile() {
  if (!services_.backend.reconciles()) {
    result_.figures.reconciliation = Reconciliation::kSkipped;
    return count_and_print();
  }
  services_.backend.payments_between(
      from_unix_ms(from_ms_) - kOverlap, from_unix_ms(to_ms_),
      lifetime_.guard([this](BackendResult<std::vector<ServicePayment>> payments) {
        on_payments(std::move(payments));
      }));
}

void Reports::on_payments(BackendResult<std::vector<ServicePayment>> payments) {
  ReportFigures& figures = result_.figures;
  if (!payments) {
    // A Z still closes: the report says it could not be compared with Wix, and why.
    figures.reconciliation = Reconciliation::kNotReconciled;
    figures.not_reconciled_why =
        std::string(failure_text(payments.error().failure, services_.strings));
    services_.log.warn("report not reconciled with Wix: " + payments.error().detail);
    return count_and_print();
  }
  figures.reconciliation = Reconciliation::kReconciled;
  wix_payment_ids_.emplace();
  for (const ServicePayment& listed : payments.value()) {
    wix_payment_ids_->insert(listed.payment.id);
    const auto reference = reference_in(listed.link_title, services_.settings.terminal_id);
    if (!reference)
      continue;  // another terminal's link
    std::optional<store::SaleRecord> sale;
    try {
      sale = services_.ledger.find(*reference);
    } catch (const store::LedgerError& error) {
      return finish(Outcome::kLedgerFailed, error.what());
    }
    const bool known = sale && std::any_of(sale->payments.begin(), sale->payments.end(),
                                           [&](const store::PaymentRecord& kept) {
                                             return kept.payment_id == listed.payment.id;
                                           });
    if (known)
      continue;
    figures.brought_in.push_back(
        ReportedPayment{*reference, listed.payment.id, listed.payment.thousandths});
    if (!sale || sale->link_id.empty()) {
      services_.log.warn("Wix holds payment " + listed.payment.id + " of sale " + *reference +
                         ", which the ledger does not have");
      continue;
    }
    // Into the ledger as any payment seen late is: owed back when its sale had ended.
    const auto kept = services_.ledger.record_payments(
        *reference, as_records({listed.payment}, to_unix_ms(services_.clock.now())));
    if (!kept)
      return finish(Outcome::kLedgerFailed, kept.error().message);
    services_.log.warn("payment " + listed.payment.id + " of sale " + *reference +
                       " came in while the terminal did not see it: now in the ledger");
  }
  count_and_print();
}

void Reports::count_and_print() {
  std::vector<store::SaleRecord> ended;
  std::vector<store::RefundDue> refunds;
  try {
    ended = services_.ledger.ended_between(from_ms_, to_ms_);
    refunds = services_.ledger.refunds_owed();
  } catch (const store::LedgerError& error) {
    return finish(Outcome::kLedgerFailed, error.what());
  }
  ReportFigures counted = count_period(from_ms_, to_ms_, ended, refunds, services_.settings);
  counted.reconciliation = result_.figures.reconciliation;
  counted.not_reconciled_why = std::move(result_.figures.not_reconciled_why);
  counted.brought_in = std::move(result_.figures.brought_in);
  if (wix_payment_ids_) {
    // The ledger's payments of the period that Wix did not list.
    for (const store::SaleRecord& sale : ended) {
      for (const store::PaymentRecord& payment : sale.payments) {
        if (payment.seen_at_ms >= from_ms_ && !wix_payment_ids_->count(payment.payment_id)) {
          counted.unknown_to_wix.push_back(
              ReportedPayment{sale.reference, payment.payment_id, payment.amount_thousandths});
        }
      }
    }
  }
  result_.figures = std::move(counted);
  if (kind_ == ReportKind::kZ) {
    const auto committed = services_.ledger.record_z_report(
        to_ms_, to_unix_ms(services_.clock.now()), figures_json(result_.figures));
    if (!committed)
      return finish(Outcome::kLedgerFailed, committed.error().message);
    result_.number = committed.value().number;
    services_.log.info("Z report " + std::to_string(result_.number) + " closes " +
                       std::to_string(result_.figures.sales) + " sale(s)");
    if (const auto started = services_.ledger.record_z_print_started(result_.number); !started)
      return finish(Outcome::kLedgerFailed, started.error().message);
  }
  print(layout_report(kind_, result_.number, result_.figures, services_.settings, services_.strings,
                      ReportCopy::kOriginal));
}

void Reports::reprint_last_z(Done done) {
  if (busy_)
    return;
  std::optional<store::ZReportRecord> last;
  try {
    last = services_.ledger.last_z_report();
  } catch (const store::LedgerError& error) {
    busy_ = true;
    done_ = std::move(done);
    return finish(Outcome::kLedgerFailed, error.what());
  }
  const auto figures = last ? figures_from_json(last->report) : std::nullopt;
  busy_ = true;
  done_ = std::move(done);
  result_ = Result{};
  kind_ = result_.kind = ReportKind::kZ;
  if (!figures)
    return finish(Outcome::kLedgerFailed, std::string(services_.strings.report_no_z));
  result_.number = last->number;
  result_.figures = *figures;
  print(layout_report(ReportKind::kZ, last->number, *figures, services_.settings, services_.strings,
                      ReportCopy::kCopy));
}

bool Reports::finish_cut_off_z(Done done) {
  if (busy_)
    return false;
  std::optional<store::ZReportRecord> last;
  try {
    last = services_.ledger.last_z_report();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
    return false;
  }
  const auto figures = last && last->print_pending ? figures_from_json(last->report) : std::nullopt;
  if (!figures)
    return false;
  busy_ = true;
  done_ = std::move(done);
  result_ = Result{};
  kind_ = result_.kind = ReportKind::kZ;
  result_.number = last->number;
  result_.figures = *figures;
  services_.log.warn("Z report " + std::to_string(last->number) +
                     " was cut off while it printed: printing it again, marked as a reprint");
  print(layout_report(ReportKind::kZ, last->number, *figures, services_.settings, services_.strings,
                      ReportCopy::kReprint));
  return true;
}

void Reports::print(const hal::ReceiptDocument& document) {
  services_.printer.print(document, lifetime_.guard([this](std::optional<hal::PrintError> error) {
    on_printed(std::move(error));
  }));
}

void Reports::on_printed(std::optional<hal::PrintError> error) {
  if (error)
    return finish(Outcome::kPrinterFailed, error->detail);
  if (kind_ == ReportKind::kZ) {
    if (const auto printed = services_.ledger.record_z_printed(result_.number); !printed)
      return finish(Outcome::kLedgerFailed, printed.error().message);
  }
  finish(Outcome::kPrinted);
}

void Reports::finish(Outcome outcome, std::string problem) {
  busy_ = false;
  result_.outcome = outcome;
  result_.problem = std::move(problem);
  if (!result_.problem.empty())
    services_.log.error("report: " + result_.problem);
  if (done_)
    std::exchange(done_, nullptr)(std::move(result_));
}

}  // namespace linkpos::app
