#include "app/receipt_layout.hpp"

#include <cstdio>

#include "app/exact_amount.hpp"
#include "app/local_time.hpp"
#include "app/money.hpp"
#include "app/sold_lines.hpp"
#include "app/vat_summary.hpp"

namespace linkpos::app {
namespace {

using hal::Align;
using hal::ColumnsLine;
using hal::TextLine;
using hal::TextSize;

// How a payment was made, in the receipt's words: the gift card, the card's last digits, or
// just "Payment" when Wix gave neither.
std::string payment_label(const store::PaymentRecord& payment, const Strings& s) {
  if (payment.kind == "GIFT_CARD")
    return std::string(s.receipt_gift_card);
  std::string digits;
  for (auto c = payment.card.rbegin(); c != payment.card.rend() && digits.size() < 4; ++c) {
    if (*c >= '0' && *c <= '9')
      digits.insert(digits.begin(), *c);
  }
  if (!digits.empty())
    return fill(s.receipt_card, {{"digits", digits}});
  return std::string(s.receipt_payment);
}

std::string receipt_number_text(std::int64_t number) {
  char text[32];
  std::snprintf(text, sizeof text, "%06lld", static_cast<long long>(number));
  return text;
}

}  // namespace

hal::ReceiptDocument layout_receipt(const store::SaleRecord& sale, const Settings& settings,
                                    const Strings& s, ReceiptCopy copy) {
  hal::ReceiptDocument doc;
  doc.job_name = sale.reference;
  auto& out = doc.elements;
  const auto money = [&](std::int64_t minor) {
    return format_money(Money{minor, settings.currency});
  };

  const std::string_view marker = copy == ReceiptCopy::kCopy ? s.receipt_copy
                                  : copy == ReceiptCopy::kReprintAfterPowerLoss
                                      ? s.receipt_reprint
                                      : std::string_view();
  if (!marker.empty())
    out.push_back(TextLine{std::string(marker), Align::kCenter, true});
  out.push_back(TextLine{settings.merchant.name, Align::kCenter, true, TextSize::kDouble});
  for (const auto& line : settings.merchant.address) {
    out.push_back(TextLine{line, Align::kCenter});
  }
  if (!settings.merchant.tax_id.empty()) {
    out.push_back(
        TextLine{fill(s.receipt_tax_id, {{"id", settings.merchant.tax_id}}), Align::kCenter});
  }
  out.push_back(hal::Separator{});

  out.push_back(
      ColumnsLine{std::string(s.receipt_number), receipt_number_text(sale.receipt_number)});
  const std::string date_format(s.date_time_format);
  out.push_back(ColumnsLine{std::string(s.receipt_date),
                            format_local_time(from_unix_ms(sale.paid_at_ms), date_format.c_str())});
  out.push_back(ColumnsLine{std::string(s.receipt_terminal), settings.terminal_id});
  out.push_back(ColumnsLine{std::string(s.receipt_reference), sale.reference});
  out.push_back(hal::Separator{});

  const Currency& currency = settings.currency;
  const std::int64_t paid_thousandths = sale.counted_thousandths();

  // What was sold, line by line, then the tip apart.
  const auto lines = sold_lines(sale, s);
  for (const store::SaleLineRecord& line : lines) {
    const std::string name = line.quantity == 1 ? line.name
                                                : fill(s.receipt_quantity_line,
                                                       {{"quantity", std::to_string(line.quantity)},
                                                        {"name", line.name},
                                                        {"price", money(line.unit_price_minor)}});
    out.push_back(ColumnsLine{name, money(line.unit_price_minor * line.quantity)});
  }
  if (sale.tip_minor > 0)
    out.push_back(ColumnsLine{std::string(s.tip_line_name), money(sale.tip_minor)});
  out.push_back(hal::Separator{'='});
  out.push_back(ColumnsLine{std::string(s.receipt_total), money(sale.amount_minor), true,
                            TextSize::kDoubleHeight});
  // VAT is what the prices held; when the cashier accepted less, it is inside what was paid.
  const std::int64_t received_minor = sale.written_off_thousandths > 0
                                          ? whole_minor_units(paid_thousandths, currency).minor
                                          : sale.amount_minor;
  for (const VatGroup& group : vat_by_rate(lines, settings.merchant.vat_rate_basis_points,
                                           received_minor, sale.amount_minor)) {
    out.push_back(TextLine{fill(s.receipt_vat_rate, {{"rate", rate_text(group.rate_basis_points,
                                                                        s.money_decimal_point)}})});
    out.push_back(ColumnsLine{std::string(s.receipt_net), money(group.split.net)});
    out.push_back(ColumnsLine{std::string(s.receipt_vat), money(group.split.tax)});
    out.push_back(ColumnsLine{std::string(s.receipt_gross), money(group.split.gross)});
  }
  out.push_back(hal::Separator{});

  // Every payment that paid for the sale, exactly as received, each with its ids.
  out.push_back(TextLine{std::string(s.receipt_paid_with)});
  std::string shown_link;
  for (const store::PaymentRecord& payment : sale.payments) {
    if (!payment.counted || !payment.amount_thousandths)
      continue;
    if (payment.link_id != shown_link) {
      out.push_back(ColumnsLine{std::string(s.receipt_link_id), payment.link_id});
      shown_link = payment.link_id;
    }
    out.push_back(ColumnsLine{payment_label(payment, s),
                              format_exact(*payment.amount_thousandths, currency), true});
    out.push_back(ColumnsLine{std::string(s.receipt_payment_id), payment.payment_id});
    if (!payment.backend_receipt_id.empty()) {
      out.push_back(
          ColumnsLine{std::string(s.receipt_backend_receipt), payment.backend_receipt_id});
    }
  }
  out.push_back(ColumnsLine{std::string(s.receipt_paid_total),
                            format_exact(paid_thousandths, currency), true});
  if (sale.written_off_thousandths > 0) {
    out.push_back(ColumnsLine{std::string(s.receipt_written_off),
                              format_exact(sale.written_off_thousandths, currency)});
  }
  for (const store::PaymentRecord& payment : sale.payments) {
    if (payment.counted && payment.refund_reason == store::RefundReason::kOverpaid &&
        payment.refund_thousandths) {
      out.push_back(TextLine{
          fill(s.receipt_refund, {{"amount", format_exact(*payment.refund_thousandths, currency)},
                                  {"payment", payment.payment_id}}),
          Align::kLeft, true});
    }
  }
  out.push_back(hal::Feed{1});
  out.push_back(TextLine{std::string(s.receipt_thanks), Align::kCenter, true});
  if (!marker.empty())
    out.push_back(TextLine{std::string(marker), Align::kCenter, true});
  out.push_back(hal::Feed{3});
  out.push_back(hal::Cut{});
  return doc;
}

}  // namespace linkpos::app
