#include "app/day_report.hpp"

#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "app/exact_amount.hpp"
#include "app/local_time.hpp"

namespace linkpos::app {
namespace {

using hal::Align;
using hal::ColumnsLine;
using hal::TextLine;
using nlohmann::json;

std::string number_text(std::int64_t number) {
  char text[32];
  std::snprintf(text, sizeof text, "%06lld", static_cast<long long>(number));
  return text;
}

json payment_json(const ReportedPayment& payment) {
  json out = {{"reference", payment.reference}, {"payment_id", payment.payment_id}};
  if (payment.thousandths)
    out["thousandths"] = *payment.thousandths;
  return out;
}

ReportedPayment payment_from(const json& in) {
  ReportedPayment out{in.value("reference", ""), in.value("payment_id", ""), std::nullopt};
  if (in.contains("thousandths"))
    out.thousandths = in.at("thousandths").get<std::int64_t>();
  return out;
}

json sales_json(const std::vector<ReportedSale>& sales) {
  json out = json::array();
  for (const ReportedSale& sale : sales)
    out.push_back({{"reference", sale.reference}, {"thousandths", sale.thousandths}});
  return out;
}

std::vector<ReportedSale> sales_from(const json& in) {
  std::vector<ReportedSale> out;
  for (const auto& sale : in)
    out.push_back(ReportedSale{sale.at("reference"), sale.at("thousandths")});
  return out;
}

json payments_json(const std::vector<ReportedPayment>& payments) {
  json out = json::array();
  for (const ReportedPayment& payment : payments)
    out.push_back(payment_json(payment));
  return out;
}

std::vector<ReportedPayment> payments_from(const json& in) {
  std::vector<ReportedPayment> out;
  for (const auto& payment : in)
    out.push_back(payment_from(payment));
  return out;
}

constexpr const char* kReconciliationNames[] = {"reconciled", "not_reconciled", "skipped"};

}  // namespace

ReportFigures count_period(std::int64_t from_ms, std::int64_t to_ms,
                           const std::vector<store::SaleRecord>& ended,
                           const std::vector<store::RefundDue>& refunds, const Settings& settings) {
  ReportFigures figures;
  figures.from_ms = from_ms;
  figures.to_ms = to_ms;
  std::map<std::int32_t, VatSplit> vat;
  const Currency& currency = settings.currency;
  for (const store::SaleRecord& sale : ended) {
    if (!sale.end)
      continue;
    switch (*sale.end) {
      case store::SaleEnd::kCancelled:
        ++figures.cancelled;
        continue;
      case store::SaleEnd::kExpired:
        ++figures.expired;
        continue;
      case store::SaleEnd::kFailed:
        ++figures.failed;
        continue;
      case store::SaleEnd::kUnresolved:
        ++figures.unresolved;
        continue;
      case store::SaleEnd::kCompleted:
        break;
    }
    ++figures.sales;
    const std::int64_t received = sale.counted_thousandths();
    figures.gross_thousandths += received;
    figures.tips_minor += sale.tip_minor;
    const std::int64_t received_minor = sale.written_off_thousandths > 0
                                            ? whole_minor_units(received, currency).minor
                                            : sale.amount_minor;
    // The sale's own lines (Strings only name a line that has none: no name is printed here).
    for (const VatGroup& group :
         vat_by_rate(sale.lines.empty() ? std::vector<store::SaleLineRecord>{store::SaleLineRecord{
                                              "", 1, sale.amount_minor - sale.tip_minor, {}}}
                                        : sale.lines,
                     settings.merchant.vat_rate_basis_points, received_minor, sale.amount_minor)) {
      VatSplit& total = vat[group.rate_basis_points];
      total.net += group.split.net;
      total.tax += group.split.tax;
      total.gross += group.split.gross;
    }
    if (sale.written_off_thousandths > 0)
      figures.underpaid.push_back(ReportedSale{sale.reference, sale.written_off_thousandths});
    std::int64_t overpaid = 0;
    for (const store::PaymentRecord& payment : sale.payments) {
      if (payment.refund_reason == store::RefundReason::kOverpaid && payment.refund_thousandths)
        overpaid += *payment.refund_thousandths;
    }
    if (overpaid > 0)
      figures.overpaid.push_back(ReportedSale{sale.reference, overpaid});
    if (sale.receipt_number > 0) {
      if (figures.first_receipt == 0 || sale.receipt_number < figures.first_receipt)
        figures.first_receipt = sale.receipt_number;
      figures.last_receipt = std::max(figures.last_receipt, sale.receipt_number);
    }
  }
  for (const auto& [rate, split] : vat)
    figures.vat.push_back(VatGroup{rate, split});
  for (const store::RefundDue& due : refunds) {
    figures.refunds.push_back(
        ReportedPayment{due.reference, due.payment.payment_id, due.payment.refund_thousandths});
  }
  return figures;
}

std::string figures_json(const ReportFigures& f) {
  json vat = json::array();
  for (const VatGroup& group : f.vat) {
    vat.push_back({{"rate_basis_points", group.rate_basis_points},
                   {"net", group.split.net},
                   {"tax", group.split.tax},
                   {"gross", group.split.gross}});
  }
  const json out = {
      {"from_ms", f.from_ms},
      {"to_ms", f.to_ms},
      {"sales", f.sales},
      {"gross_thousandths", f.gross_thousandths},
      {"vat", vat},
      {"tips_minor", f.tips_minor},
      {"cancelled", f.cancelled},
      {"expired", f.expired},
      {"failed", f.failed},
      {"unresolved", f.unresolved},
      {"underpaid", sales_json(f.underpaid)},
      {"overpaid", sales_json(f.overpaid)},
      {"refunds", payments_json(f.refunds)},
      {"first_receipt", f.first_receipt},
      {"last_receipt", f.last_receipt},
      {"reconciliation", kReconciliationNames[static_cast<int>(f.reconciliation)]},
      {"not_reconciled_why", f.not_reconciled_why},
      {"brought_in", payments_json(f.brought_in)},
      {"unknown_to_wix", payments_json(f.unknown_to_wix)},
  };
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ReportFigures> figures_from_json(const std::string& text) {
  const json in = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (in.is_discarded() || !in.is_object())
    return std::nullopt;
  try {
    ReportFigures f;
    f.from_ms = in.at("from_ms");
    f.to_ms = in.at("to_ms");
    f.sales = in.at("sales");
    f.gross_thousandths = in.at("gross_thousandths");
    for (const auto& group : in.at("vat")) {
      f.vat.push_back(VatGroup{group.at("rate_basis_points"),
                               VatSplit{group.at("net"), group.at("tax"), group.at("gross")}});
    }
    f.tips_minor = in.at("tips_minor");
    f.cancelled = in.at("cancelled");
    f.expired = in.at("expired");
    f.failed = in.at("failed");
    f.unresolved = in.at("unresolved");
    f.underpaid = sales_from(in.at("underpaid"));
    f.overpaid = sales_from(in.at("overpaid"));
    f.refunds = payments_from(in.at("refunds"));
    f.first_receipt = in.at("first_receipt");
    f.last_receipt = in.at("last_receipt");
    const std::string reconciliation = in.at("reconciliation");
    for (int i = 0; i < 3; ++i) {
      if (reconciliation == kReconciliationNames[i])
        f.reconciliation = static_cast<Reconciliation>(i);
    }
    f.not_reconciled_why = in.at("not_reconciled_why");
    f.brought_in = payments_from(in.at("brought_in"));
    f.unknown_to_wix = payments_from(in.at("unknown_to_wix"));
    return f;
  } catch (const json::exception&) {
    return std::nullopt;  // a report this firmware did not write
  }
}

hal::ReceiptDocument layout_report(ReportKind kind, std::int64_t number, const ReportFigures& f,
                                   const Settings& settings, const Strings& s, ReportCopy copy) {
  hal::ReceiptDocument doc;
  const auto to = from_unix_ms(f.to_ms);
  doc.job_name = kind == ReportKind::kZ ? "Z-" + std::to_string(number)
                                        : "X-" + format_local_time(to, "%Y%m%d-%H%M%S");
  auto& out = doc.elements;
  const Currency& currency = settings.currency;
  const auto money = [&](std::int64_t minor) { return format_money(Money{minor, currency}); };
  const auto exact = [&](std::int64_t thousandths) { return format_exact(thousandths, currency); };
  const auto count = [&](std::string_view label, int n) {
    out.push_back(ColumnsLine{std::string(label), std::to_string(n)});
  };

  const std::string_view marker = copy == ReportCopy::kCopy      ? s.receipt_copy
                                  : copy == ReportCopy::kReprint ? s.receipt_reprint
                                                                 : std::string_view();
  if (!marker.empty())
    out.push_back(TextLine{std::string(marker), Align::kCenter, true});
  out.push_back(TextLine{kind == ReportKind::kZ
                             ? fill(s.report_z_title, {{"number", number_text(number)}})
                             : std::string(s.report_x_title),
                         Align::kCenter, true, hal::TextSize::kDouble});
  out.push_back(TextLine{settings.merchant.name, Align::kCenter});
  out.push_back(ColumnsLine{std::string(s.receipt_terminal), settings.terminal_id});
  const std::string date_format(s.date_time_format);
  out.push_back(ColumnsLine{std::string(s.report_from),
                            f.from_ms > 0
                                ? format_local_time(from_unix_ms(f.from_ms), date_format.c_str())
                                : std::string(s.report_from_start)});
  out.push_back(ColumnsLine{std::string(s.report_to), format_local_time(to, date_format.c_str())});
  out.push_back(hal::Separator{});

  count(s.report_sales, f.sales);
  out.push_back(ColumnsLine{std::string(s.report_gross), exact(f.gross_thousandths), true});
  for (const VatGroup& group : f.vat) {
    out.push_back(TextLine{fill(s.receipt_vat_rate, {{"rate", rate_text(group.rate_basis_points,
                                                                        s.money_decimal_point)}})});
    out.push_back(ColumnsLine{std::string(s.receipt_net), money(group.split.net)});
    out.push_back(ColumnsLine{std::string(s.receipt_vat), money(group.split.tax)});
    out.push_back(ColumnsLine{std::string(s.receipt_gross), money(group.split.gross)});
  }
  out.push_back(ColumnsLine{std::string(s.report_tips), money(f.tips_minor)});
  count(s.report_cancelled, f.cancelled);
  count(s.report_expired, f.expired);
  if (f.failed > 0)
    count(s.report_failed, f.failed);
  if (f.unresolved > 0)
    count(s.report_unresolved, f.unresolved);
  for (const ReportedSale& sale : f.underpaid) {
    out.push_back(TextLine{fill(
        s.report_underpaid, {{"reference", sale.reference}, {"amount", exact(sale.thousandths)}})});
  }
  for (const ReportedSale& sale : f.overpaid) {
    out.push_back(TextLine{fill(
        s.report_overpaid, {{"reference", sale.reference}, {"amount", exact(sale.thousandths)}})});
  }
  out.push_back(ColumnsLine{std::string(s.report_receipts),
                            f.first_receipt > 0
                                ? number_text(f.first_receipt) + " - " + number_text(f.last_receipt)
                                : std::string(s.report_no_receipts)});
  out.push_back(hal::Separator{});

  count(s.report_refunds_owed, static_cast<int>(f.refunds.size()));
  for (const ReportedPayment& refund : f.refunds) {
    out.push_back(
        TextLine{fill(s.report_refund_line,
                      {{"amount", refund.thousandths ? exact(*refund.thousandths)
                                                     : std::string(s.report_amount_unknown)},
                       {"payment", refund.payment_id},
                       {"reference", refund.reference}})});
  }
  if (!f.refunds.empty())
    out.push_back(TextLine{std::string(s.refunds_action)});
  out.push_back(hal::Separator{});

  switch (f.reconciliation) {
    case Reconciliation::kReconciled:
      out.push_back(TextLine{std::string(s.report_reconciled), Align::kLeft, true});
      break;
    case Reconciliation::kNotReconciled:
      out.push_back(TextLine{std::string(s.report_not_reconciled), Align::kCenter, true});
      out.push_back(TextLine{f.not_reconciled_why});
      break;
    case Reconciliation::kSkipped:
      out.push_back(TextLine{std::string(s.report_not_reconciled), Align::kCenter, true});
      out.push_back(TextLine{std::string(s.report_reconcile_skipped)});
      break;
  }
  for (const ReportedPayment& payment : f.brought_in) {
    out.push_back(TextLine{fill(s.report_brought_in,
                                {{"amount", payment.thousandths ? exact(*payment.thousandths) : ""},
                                 {"payment", payment.payment_id},
                                 {"reference", payment.reference}})});
  }
  for (const ReportedPayment& payment : f.unknown_to_wix) {
    out.push_back(TextLine{fill(s.report_unknown_to_wix,
                                {{"amount", payment.thousandths ? exact(*payment.thousandths) : ""},
                                 {"payment", payment.payment_id},
                                 {"reference", payment.reference}})});
  }
  if (!marker.empty())
    out.push_back(TextLine{std::string(marker), Align::kCenter, true});
  out.push_back(hal::Feed{3});
  out.push_back(hal::Cut{});
  return doc;
}

}  // namespace linkpos::app
