#include "app/technician_menu.hpp"

#include <utility>

#include "app/local_time.hpp"
#include "app/reprint.hpp"
#include "app/sale.hpp"

namespace linkpos::app {
namespace {

constexpr int kLastSales = 5;

ui::ScreenLine line(std::string text, ui::Tone tone = ui::Tone::kNormal) {
  return ui::ScreenLine{std::move(text), ui::TextStyle::kNormal, ui::TextAlign::kLeft, tone};
}

}  // namespace

TechnicianMenu::TechnicianMenu(SaleServices& services, BuildFacts facts,
                               std::function<void()> changed)
    : services_(services),
      facts_(std::move(facts)),
      changed_(std::move(changed)),
      pin_(services, "technician menu", {services.settings.technician_pin}),
      refunds_(services, /*may_clear=*/true) {
  if (services_.settings.technician_pin.empty()) {
    note_ = std::string(services_.strings.tech_pin_unset);
    note_is_warning_ = true;
  }
}

Next TechnicianMenu::press(hal::Key key) {
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
          note_is_warning_ = true;
          break;
        case PinEntry::Outcome::kTyping:
          break;
      }
      return {};
    case Page::kMain:
      if (key == hal::Key::kCancel || key == hal::Key::kMenu)
        return Next{Next::Go::kIdle};
      press_on_main(key);
      return {};
    case Page::kLastSales:
      press_on_sales(key);
      return {};
    case Page::kRefunds:
      if (refunds_.press(key).go != Next::Go::kStay)
        page_ = Page::kMain;
      return {};
    case Page::kVersion:
    case Page::kCheck:
    case Page::kPrinterTest:
    case Page::kDisplayTest:
      page_ = Page::kMain;
      note_.clear();
      return {};
  }
  return {};
}

void TechnicianMenu::press_on_main(hal::Key key) {
  note_.clear();
  switch (key) {
    case hal::Key::k1:
      page_ = Page::kVersion;
      break;
    case hal::Key::k2:
      page_ = Page::kCheck;
      check_connection();
      break;
    case hal::Key::k3:
      page_ = Page::kPrinterTest;
      print_test_page();
      break;
    case hal::Key::k4:
      page_ = Page::kDisplayTest;
      break;
    case hal::Key::k6:
      page_ = Page::kRefunds;
      refunds_.open();
      break;
    case hal::Key::k5:
      page_ = Page::kLastSales;
      try {
        sales_ = services_.ledger.recent(kLastSales);
      } catch (const store::LedgerError& error) {
        services_.log.error(error.what());
        sales_.clear();
      }
      break;
    default:
      break;
  }
}

void TechnicianMenu::press_on_sales(hal::Key key) {
  if (key == hal::Key::kCancel || key == hal::Key::kMenu) {
    page_ = Page::kMain;
    note_.clear();
    return;
  }
  const auto digit = hal::key_digit(key);
  if (!digit || *digit < 1 || *digit > static_cast<int>(sales_.size()))
    return;
  const store::SaleRecord& sale = sales_[static_cast<std::size_t>(*digit - 1)];
  if (sale.prints == 0 || sale.end != store::SaleEnd::kCompleted) {
    note_ = std::string(services_.strings.tech_no_receipt);
    note_is_warning_ = true;
    return;
  }
  reprint(sale);
}

void TechnicianMenu::check_connection() {
  note_ = std::string(services_.strings.tech_checking);
  note_is_warning_ = false;
  site_notes_.clear();
  services_.backend.check_connection(lifetime_.guard([this](BackendResult<void> result) {
    if (result) {
      note_ = std::string(services_.strings.tech_check_ok);
      note_is_warning_ = false;
      check_site();
    } else {
      // The detail says what failed (DNS, TLS, the key...), never the key itself.
      note_ = std::string(failure_text(result.error().failure, services_.strings)) + " " +
              result.error().detail;
      note_is_warning_ = true;
      services_.log.warn("technician check: " + result.error().detail);
    }
    changed_();
  }));
}

void TechnicianMenu::check_site() {
  services_.backend.read_site(lifetime_.guard([this](BackendResult<SiteProperties> site) {
    const Strings& s = services_.strings;
    site_notes_.clear();
    if (!site) {
      site_notes_.push_back(fill(s.tech_site_unreadable, {{"reason", site.error().detail}}));
    } else if (!site.value().payment_currency.empty()) {
      site_notes_.push_back(
          fill(s.tech_site_currency, {{"currency", site.value().payment_currency}}));
    }
    if (const auto skew = services_.backend.clock_skew()) {
      site_notes_.push_back(fill(s.tech_clock_skew, {{"seconds", std::to_string(skew->count())}}));
    }
    changed_();
  }));
}

void TechnicianMenu::reprint(const store::SaleRecord& sale) {
  note_ = std::string(services_.strings.tech_printing);
  note_is_warning_ = false;
  reprint_copy(services_, sale, lifetime_.guard([this](std::optional<hal::PrintError> error) {
    on_printed(error);
  }));
}

void TechnicianMenu::print_test_page() {
  note_ = std::string(services_.strings.tech_printing);
  note_is_warning_ = false;
  services_.printer.print(
      test_page(),
      lifetime_.guard([this](std::optional<hal::PrintError> error) { on_printed(error); }));
}

void TechnicianMenu::on_printed(const std::optional<hal::PrintError>& error) {
  if (error) {
    note_ = std::string(printer_fault_text(error->fault, services_.strings));
    note_is_warning_ = true;
  } else {
    note_ = std::string(services_.strings.tech_printed);
    note_is_warning_ = false;
  }
  changed_();
}

hal::ReceiptDocument TechnicianMenu::test_page() const {
  const Strings& s = services_.strings;
  hal::ReceiptDocument doc;
  doc.job_name = "test-page-" + std::to_string(to_unix_ms(services_.clock.now()));
  auto& out = doc.elements;
  out.push_back(hal::TextLine{std::string(s.tech_test_page_title), hal::Align::kCenter, true,
                              hal::TextSize::kDouble});
  out.push_back(hal::TextLine{services_.settings.merchant.name, hal::Align::kCenter});
  const std::string date_format(s.date_time_format);
  out.push_back(hal::TextLine{format_local_time(services_.clock.now(), date_format.c_str()),
                              hal::Align::kCenter});
  out.push_back(hal::Separator{});
  out.push_back(hal::TextLine{"linkpos " + facts_.version + " (" + facts_.revision + ")"});
  out.push_back(hal::TextLine{std::string(s.tech_test_page_charset)});
  out.push_back(hal::TextLine{"Left"});
  out.push_back(hal::TextLine{"Centre", hal::Align::kCenter});
  out.push_back(hal::TextLine{"Right", hal::Align::kRight});
  out.push_back(hal::TextLine{"Bold", hal::Align::kLeft, true});
  out.push_back(
      hal::TextLine{"Double height", hal::Align::kLeft, false, hal::TextSize::kDoubleHeight});
  out.push_back(hal::TextLine{"Double", hal::Align::kLeft, false, hal::TextSize::kDouble});
  out.push_back(hal::ColumnsLine{"Left column", "right column"});
  // A ruler shows the paper width the config claims: it must fill exactly one line.
  out.push_back(hal::Separator{'='});
  out.push_back(hal::Feed{3});
  out.push_back(hal::Cut{});
  return doc;
}

std::vector<std::string> TechnicianMenu::sale_lines() const {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < sales_.size(); ++i) {
    const auto& sale = sales_[i];
    std::string text = std::to_string(i + 1) + "  " +
                       format_local_time(from_unix_ms(sale.started_at_ms), "%m-%d %H:%M") + "  " +
                       format_money(Money{sale.amount_minor, services_.settings.currency});
    if (sale.receipt_number > 0)
      text += "  #" + std::to_string(sale.receipt_number);
    if (sale.end && *sale.end != store::SaleEnd::kCompleted)
      text += "  (no sale)";
    lines.push_back(std::move(text));
  }
  return lines;
}

ui::Screen TechnicianMenu::screen() const {
  if (page_ == Page::kRefunds)
    return refunds_.screen();
  const Strings& s = services_.strings;
  ui::Screen screen{
      "menu", std::string(s.tech_title), {}, std::nullopt, std::string(s.tech_back_hint)};
  auto& body = screen.body;
  switch (page_) {
    case Page::kPin: {
      if (const auto locked = pin_.locked_for()) {
        body.push_back(
            line(fill(s.tech_pin_locked, {{"time", pin_wait_text(*locked)}}), ui::Tone::kWarning));
        screen.hint = std::string(s.tech_back_hint);
        return screen;
      }
      body.push_back(line(fill(s.tech_pin_prompt, {{"dots", pin_.dots()}})));
      screen.hint = std::string(s.tech_pin_hint);
      break;
    }
    case Page::kMain:
      for (auto item : {s.tech_version, s.tech_check, s.tech_printer_test, s.tech_display_test,
                        s.tech_last_sales, s.tech_refunds}) {
        body.push_back(line(std::string(item)));
      }
      break;
    case Page::kVersion:
      body.push_back(line("linkpos " + facts_.version));
      body.push_back(line(fill(s.tech_revision, {{"revision", facts_.revision}})));
      body.push_back(line(fill(s.tech_built, {{"time", facts_.build_time}})));
      body.push_back(line(fill(s.info_terminal, {{"id", services_.settings.terminal_id}})));
      body.push_back(line(fill(s.info_backend, {{"backend", facts_.backend_name}})));
      break;
    case Page::kCheck:
    case Page::kPrinterTest:
    case Page::kRefunds:  // drawn by the refund list
      break;
    case Page::kDisplayTest:
      screen.test_pattern = true;
      screen.hint = std::string(s.any_key_hint);
      break;
    case Page::kLastSales:
      for (auto& text : sale_lines())
        body.push_back(line(std::move(text)));
      if (sales_.empty())
        body.push_back(line(std::string(s.tech_no_sales), ui::Tone::kMuted));
      screen.hint = std::string(s.tech_sales_hint);
      break;
  }
  if (!note_.empty())
    body.push_back(line(note_, note_is_warning_ ? ui::Tone::kWarning : ui::Tone::kNormal));
  if (page_ == Page::kCheck) {
    for (const auto& note : site_notes_)
      body.push_back(line(note));
  }
  return screen;
}

}  // namespace linkpos::app
