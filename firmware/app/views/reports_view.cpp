#include "app/views/reports_view.hpp"

#include <utility>

#include "app/exact_amount.hpp"
#include "app/failure_text.hpp"

namespace linkpos::app {
namespace {

ui::ScreenLine line(std::string text, ui::Tone tone = ui::Tone::kNormal) {
  return ui::ScreenLine{std::move(text), ui::TextStyle::kNormal, ui::TextAlign::kLeft, tone};
}

// The report's main figures, short enough for the screen; the paper has them all.
std::vector<std::string> summary_lines(const ReportFigures& f, const Settings& settings,
                                       const Strings& s) {
  const Currency& currency = settings.currency;
  const auto pair = [](std::string_view label, const std::string& value) {
    return std::string(label) + ": " + value;
  };
  std::vector<std::string> lines{
      pair(s.report_sales, std::to_string(f.sales)),
      pair(s.report_gross, format_exact(f.gross_thousandths, currency)),
      pair(s.report_tips, format_money(Money{f.tips_minor, currency})),
      pair(s.report_cancelled, std::to_string(f.cancelled)) + "   " +
          pair(s.report_expired, std::to_string(f.expired)),
      pair(s.report_refunds_owed, std::to_string(f.refunds.size())),
  };
  switch (f.reconciliation) {
    case Reconciliation::kReconciled:
      lines.emplace_back(s.report_reconciled);
      break;
    case Reconciliation::kNotReconciled:
      lines.push_back(std::string(s.report_not_reconciled) + ": " + f.not_reconciled_why);
      break;
    case Reconciliation::kSkipped:
      lines.emplace_back(s.report_reconcile_skipped);
      break;
  }
  for (const ReportedPayment& payment : f.brought_in) {
    lines.push_back(
        fill(s.report_brought_in,
             {{"amount",
               payment.thousandths ? format_exact(*payment.thousandths, currency) : std::string()},
              {"payment", payment.payment_id},
              {"reference", payment.reference}}));
  }
  return lines;
}

}  // namespace

ReportsView::ReportsView(SaleServices& services, Reports& reports, std::function<void()> changed)
    : services_(services),
      reports_(reports),
      changed_(std::move(changed)),
      page_(services.settings.manager_pin.empty() ? Page::kMain : Page::kPin),
      pin_(services, "reports", {services.settings.manager_pin, services.settings.technician_pin}) {
}

Next ReportsView::press(hal::Key key) {
  switch (page_) {
    case Page::kPin:
      switch (pin_.press(key)) {
        case PinEntry::Outcome::kLeft:
          return Next{Next::Go::kIdle};
        case PinEntry::Outcome::kOpened:
          page_ = Page::kMain;
          note_.clear();
          break;
        case PinEntry::Outcome::kWrong:
        case PinEntry::Outcome::kLocked:  // PinEntry logs the lock, once
          note_ = std::string(services_.strings.tech_pin_wrong);
          break;
        case PinEntry::Outcome::kTyping:
          break;
      }
      return {};
    case Page::kMain:
      return press_on_main(key);
    case Page::kConfirmZ:
      if (key == hal::Key::kCharge)
        start(ReportKind::kZ);
      else if (key == hal::Key::kCancel)
        page_ = Page::kMain;
      return {};
    case Page::kWorking:
      return {};  // a report is on its way to the printer
    case Page::kDone:
      page_ = Page::kMain;
      return {};
  }
  return {};
}

Next ReportsView::press_on_main(hal::Key key) {
  note_.clear();
  switch (key) {
    case hal::Key::kCancel:
    case hal::Key::kMenu:
      return Next{Next::Go::kIdle};
    case hal::Key::k1:
      start(ReportKind::kX);
      break;
    case hal::Key::k2:
      try {
        const auto last = services_.ledger.last_z_report();
        next_z_ = last ? last->number + 1 : 1;
        page_ = Page::kConfirmZ;
      } catch (const store::LedgerError& error) {
        services_.log.error(error.what());
        note_ = fill(services_.strings.reports_ledger_failed, {{"reason", error.what()}});
      }
      break;
    case hal::Key::k3:
      reprint_last_z();
      break;
    default:
      break;
  }
  return {};
}

void ReportsView::start(ReportKind kind) {
  page_ = Page::kWorking;
  reports_.make(kind,
                lifetime_.guard([this](Reports::Result result) { on_done(std::move(result)); }));
}

void ReportsView::reprint_last_z() {
  page_ = Page::kWorking;
  reports_.reprint_last_z(
      lifetime_.guard([this](Reports::Result result) { on_done(std::move(result)); }));
}

void ReportsView::on_done(Reports::Result result) {
  const Strings& s = services_.strings;
  const std::string number = std::to_string(result.number);
  summary_ = summary_lines(result.figures, services_.settings, s);
  note_.clear();
  printed_ = result.outcome == Reports::Outcome::kPrinted;
  switch (result.outcome) {
    case Reports::Outcome::kPrinted:
      done_title_ = result.kind == ReportKind::kZ ? fill(s.reports_z_printed, {{"number", number}})
                                                  : std::string(s.reports_x_printed);
      break;
    case Reports::Outcome::kPrinterFailed:
      done_title_ = fill(s.reports_not_printed, {{"reason", result.problem}});
      if (result.kind == ReportKind::kZ && result.number > 0)
        note_ = fill(s.reports_z_kept, {{"number", number}});
      break;
    case Reports::Outcome::kLedgerFailed:
      done_title_ = fill(s.reports_ledger_failed, {{"reason", result.problem}});
      if (result.number == 0)
        summary_.clear();  // nothing was counted
      break;
  }
  page_ = Page::kDone;
  changed_();
}

ui::Screen ReportsView::screen() const {
  const Strings& s = services_.strings;
  ui::Screen screen{
      "report", std::string(s.reports_title), {}, std::nullopt, std::string(s.reports_hint)};
  auto& body = screen.body;
  switch (page_) {
    case Page::kPin:
      if (const auto locked = pin_.locked_for()) {
        body.push_back(
            line(fill(s.tech_pin_locked, {{"time", pin_wait_text(*locked)}}), ui::Tone::kWarning));
        screen.hint = std::string(s.tech_back_hint);
        return screen;
      }
      body.push_back(line(fill(s.tech_pin_prompt, {{"dots", pin_.dots()}})));
      screen.hint = std::string(s.tech_pin_hint);
      break;
    case Page::kMain:
      for (auto item : {s.reports_x, s.reports_z, s.reports_last_z})
        body.push_back(line(std::string(item)));
      break;
    case Page::kConfirmZ:
      body.push_back(line(std::string(s.reports_z_confirm)));
      body.push_back(line(fill(s.reports_z_confirm_body, {{"number", std::to_string(next_z_)}})));
      screen.hint = std::string(s.reports_z_confirm_hint);
      break;
    case Page::kWorking:
      body.push_back(line(std::string(s.reports_working)));
      screen.hint.clear();
      break;
    case Page::kDone:
      body.push_back(line(done_title_, printed_ ? ui::Tone::kGood : ui::Tone::kWarning));
      for (const std::string& text : summary_)
        body.push_back(line(text));
      screen.hint = std::string(s.any_key_hint);
      break;
  }
  if (!note_.empty())
    body.push_back(line(note_, ui::Tone::kWarning));
  return screen;
}

}  // namespace linkpos::app
