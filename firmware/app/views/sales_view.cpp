#include "app/views/sales_view.hpp"

#include <algorithm>
#include <utility>

#include "app/exact_amount.hpp"
#include "app/failure_text.hpp"
#include "app/local_time.hpp"
#include "app/reprint.hpp"
#include "app/sale_reference.hpp"
#include "app/sold_lines.hpp"

namespace linkpos::app {
namespace {

ui::ScreenLine line(std::string text, ui::Tone tone = ui::Tone::kNormal,
                    ui::TextStyle style = ui::TextStyle::kNormal) {
  return ui::ScreenLine{std::move(text), style, ui::TextAlign::kLeft, tone};
}

bool owes_refund(const store::SaleRecord& sale) {
  return std::any_of(sale.payments.begin(), sale.payments.end(),
                     [](const store::PaymentRecord& payment) { return payment.refund_owed(); });
}

}  // namespace

SalesView::SalesView(SaleServices& services, std::function<void()> changed)
    : services_(services), changed_(std::move(changed)) {
  try {
    sales_ = services_.ledger.sales_of_day(business_day(services_.clock.now()));
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
    note_ = error.what();
    note_is_warning_ = true;
  }
}

Next SalesView::press(hal::Key key) {
  if (printing_)
    return {};  // the copy is on its way to the printer
  if (!open_)
    return press_on_list(key);
  press_on_detail(key);
  return {};
}

Next SalesView::press_on_list(hal::Key key) {
  if (key == hal::Key::kCancel || key == hal::Key::kMenu)
    return Next{Next::Go::kMenu};
  if (key == hal::Key::kCharge) {
    const std::size_t pages = (sales_.size() + kPerPage - 1) / kPerPage;
    page_ = pages == 0 ? 0 : (page_ + 1) % pages;
    return {};
  }
  const auto digit = hal::key_digit(key);
  if (!digit || *digit < 1 || *digit > static_cast<int>(kPerPage))
    return {};
  const std::size_t index = page_ * kPerPage + static_cast<std::size_t>(*digit - 1);
  if (index < sales_.size()) {
    open_ = index;
    note_.clear();
  }
  return {};
}

void SalesView::press_on_detail(hal::Key key) {
  if (key == hal::Key::kCancel || key == hal::Key::kMenu) {
    open_.reset();
    note_.clear();
    return;
  }
  const store::SaleRecord& sale = sales_.at(*open_);
  if (key != hal::Key::kCharge || !reprintable(sale))
    return;
  printing_ = true;
  note_ = std::string(services_.strings.sales_printing);
  note_is_warning_ = false;
  reprint_copy(services_, sale, lifetime_.guard([this](std::optional<hal::PrintError> error) {
    printing_ = false;
    note_ = error ? std::string(printer_fault_text(error->fault, services_.strings))
                  : std::string(services_.strings.sales_printed);
    note_is_warning_ = error.has_value();
    changed_();
  }));
}

bool SalesView::reprintable(const store::SaleRecord& sale) const {
  return sale.end == store::SaleEnd::kCompleted && sale.prints > 0;
}

std::string SalesView::state_word(const store::SaleRecord& sale) const {
  const Strings& s = services_.strings;
  if (owes_refund(sale))
    return std::string(s.sales_refund_owed);
  if (!sale.end)
    return std::string(s.sales_open);
  switch (*sale.end) {
    case store::SaleEnd::kCompleted:
      return std::string(sale.written_off_thousandths > 0 ? s.sales_underpaid : s.sales_paid);
    case store::SaleEnd::kCancelled:
      return std::string(s.sales_cancelled);
    case store::SaleEnd::kExpired:
      return std::string(s.sales_expired);
    case store::SaleEnd::kFailed:
      return std::string(s.sales_failed);
    case store::SaleEnd::kUnresolved:
      return std::string(s.sales_unresolved);
  }
  return {};
}

ui::Screen SalesView::screen() const {
  ui::Screen screen = open_ ? detail_screen(sales_.at(*open_)) : list_screen();
  if (!note_.empty())
    screen.body.push_back(line(note_, note_is_warning_ ? ui::Tone::kWarning : ui::Tone::kNormal));
  return screen;
}

ui::Screen SalesView::list_screen() const {
  const Strings& s = services_.strings;
  ui::Screen screen{
      "sales", std::string(s.sales_title), {}, std::nullopt, std::string(s.sales_hint)};
  const std::size_t first = page_ * kPerPage;
  const std::size_t last = std::min(sales_.size(), first + kPerPage);
  for (std::size_t i = first; i < last; ++i) {
    const store::SaleRecord& sale = sales_[i];
    screen.body.push_back(
        line(fill(s.sales_line,
                  {{"digit", std::to_string(i - first + 1)},
                   {"time", format_local_time(from_unix_ms(sale.started_at_ms), "%H:%M")},
                   {"reference", short_reference(sale.reference)},
                   {"amount", format_money(Money{sale.amount_minor, services_.settings.currency})},
                   {"state", state_word(sale)}}),
             ui::Tone::kNormal, ui::TextStyle::kSmall));
  }
  if (sales_.empty())
    screen.body.push_back(line(std::string(s.sales_none), ui::Tone::kMuted));
  return screen;
}

ui::Screen SalesView::detail_screen(const store::SaleRecord& sale) const {
  const Strings& s = services_.strings;
  const Currency& currency = services_.settings.currency;
  ui::Screen screen{
      "sale-detail",
      fill(s.sale_detail_title, {{"reference", short_reference(sale.reference)}}),
      {},
      std::nullopt,
      std::string(reprintable(sale) ? s.sale_detail_hint : s.sale_detail_no_receipt_hint)};
  auto& body = screen.body;
  const auto small = [&](std::string text) {
    body.push_back(line(std::move(text), ui::Tone::kMuted, ui::TextStyle::kSmall));
  };
  small(format_local_time(from_unix_ms(sale.started_at_ms), "%H:%M:%S") + "  " + sale.reference);
  for (const store::SaleLineRecord& sold : sold_lines(sale, s)) {
    body.push_back(line(
        fill(s.cart_line,
             {{"quantity", std::to_string(sold.quantity)},
              {"name", sold.name},
              {"amount", format_money(Money{sold.unit_price_minor * sold.quantity, currency})}})));
  }
  if (sale.tip_minor > 0) {
    body.push_back(
        line(std::string(s.tip_line_name) + "  " + format_money(Money{sale.tip_minor, currency})));
  }
  body.push_back(line(std::string(s.receipt_total) + "  " +
                      format_money(Money{sale.amount_minor, currency}) + "  " + state_word(sale)));
  for (const std::string& link : sale.known_links())
    small(fill(s.sale_detail_link, {{"link", link}}));
  for (const store::PaymentRecord& payment : sale.payments) {
    small(fill(
        s.sale_detail_payment,
        {{"amount", payment.amount_thousandths ? format_exact(*payment.amount_thousandths, currency)
                                               : std::string(s.report_amount_unknown)},
         {"payment", payment.payment_id}}));
  }
  if (sale.receipt_number > 0)
    small(fill(s.sale_detail_receipt, {{"number", std::to_string(sale.receipt_number)}}));
  return screen;
}

}  // namespace linkpos::app
