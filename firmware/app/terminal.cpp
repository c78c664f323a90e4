#include "app/terminal.hpp"

#include <utility>

#include "app/refund_list.hpp"
#include "app/reprint.hpp"
#include "app/screens.hpp"
#include "app/technician_menu.hpp"
#include "app/time_zone.hpp"
#include "app/views/amount_view.hpp"
#include "app/views/items_view.hpp"
#include "app/views/menu_view.hpp"
#include "app/views/notice_view.hpp"
#include "app/views/reports_view.hpp"
#include "app/views/sale_view.hpp"
#include "app/views/sales_view.hpp"
#include "app/views/status_views.hpp"
#include "ui/screen_painter.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

// Often enough that a dead network shows on the idle screen before the next customer.
constexpr auto kConnectionCheckInterval = 30s;

}  // namespace

Terminal::Terminal(SaleServices& services, hal::Display& display, TerminalOptions options,
                   TerminalObserver* observer)
    : services_(services),
      display_(display),
      options_(std::move(options)),
      observer_(observer),
      cart_(services.settings),
      connection_(services, kConnectionCheckInterval,
                  [this] {
                    if (dynamic_cast<IdleView*>(view_.get()) != nullptr)
                      render();
                    if (options_.connection_changed)
                      options_.connection_changed(connection_);
                  }),
      housekeeping_(services),
      link_closer_(services,
                   [this] {
                     if (dynamic_cast<IdleView*>(view_.get()) != nullptr) {
                       go_idle();  // counts the refunds owed again
                       render();
                     }
                   }),
      reports_(services) {}

Terminal::~Terminal() = default;

void Terminal::start() {
  go_idle();
  if (!options_.boot_notice.empty()) {
    show(std::make_unique<NoticeView>(std::string(services_.strings.ledger_title),
                                      std::vector<std::string>{options_.boot_notice},
                                      std::string(services_.strings.any_key_hint)));
  }
  render();
  housekeeping_.start();
  connection_.start();
  link_closer_.wake();
  check_site();
  resume_unfinished();
  finish_cut_off_z();
}

void Terminal::press(hal::Key key) {
  if (storage_failed_)
    return;  // the ledger cannot keep a sale: no key starts or changes one
  follow(view_->press(key));
  render();
}

void Terminal::follow(const Next& next) {
  switch (next.go) {
    case Next::Go::kStay:
      return;
    case Next::Go::kIdle:
      return go_idle();
    case Next::Go::kIdleReceiptPending:
      idle_facts_.receipt_pending = true;
      return go_idle();
    case Next::Go::kOrder: {
      auto order = std::make_unique<AmountView>(services_, cart_);
      if (next.key)
        order->press(*next.key);
      return show(std::move(order));
    }
    case Next::Go::kCharge:
      return charge(next.order);
    case Next::Go::kItems:
      return show(std::make_unique<ItemsView>(services_, cart_));
    case Next::Go::kSales:
      return show(std::make_unique<SalesView>(services_, [this] { render(); }));
    case Next::Go::kReports:
      return show(std::make_unique<ReportsView>(services_, reports_, [this] { render(); }));
    case Next::Go::kMenu:
      return show(std::make_unique<MenuView>(services_));
    case Next::Go::kInfo:
      return show(std::make_unique<InfoView>(services_, options_.version, options_.backend_name));
    case Next::Go::kTechnician:
      return show(
          std::make_unique<TechnicianMenu>(services_,
                                           BuildFacts{options_.version, options_.revision,
                                                      options_.build_time, options_.backend_name},
                                           [this] { render(); }));
    case Next::Go::kRefunds:
      return show(std::make_unique<RefundList>(services_, /*may_clear=*/false));
    case Next::Go::kReprintLast:
      return reprint_last();
  }
}

void Terminal::show(std::unique_ptr<View> view) {
  view_ = std::move(view);
  sale_view_ = dynamic_cast<SaleView*>(view_.get());
  charge_waiting_.reset();
}

void Terminal::go_idle() {
  show(std::make_unique<IdleView>(services_, connection_, idle_facts_));
}

void Terminal::charge(Order order) {
  if (sales_refused_)
    return;
  if (site_checked_)
    return start_sale(std::move(order));
  // The sale starts as soon as the site has answered.
  auto waiting = std::make_unique<AmountView>(services_, cart_);
  waiting->wait_for_site(order);
  show(std::move(waiting));
  charge_waiting_ = std::move(order);
}

void Terminal::start_sale(Order order) {
  cart_.clear();
  retired_ = std::move(sale_);
  sale_ = std::make_unique<Sale>(services_, std::move(order), [this] { on_sale_changed(); });
  show(std::make_unique<SaleView>(services_, *sale_));
  sale_->start();
}

void Terminal::resume_unfinished() {
  std::vector<store::SaleRecord> unfinished;
  try {
    unfinished = services_.ledger.unfinished();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
    return;
  }
  if (unfinished.empty())
    return;
  retired_ = std::move(sale_);
  sale_ = std::make_unique<Sale>(services_, std::move(unfinished.front()),
                                 [this] { on_sale_changed(); });
  show(std::make_unique<SaleView>(services_, *sale_));
  sale_->start();
}

void Terminal::reprint_last() {
  std::optional<store::SaleRecord> last;
  try {
    last = services_.ledger.last_printed();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
  }
  if (!last) {
    return show(std::make_unique<MenuView>(services_,
                                           std::string(services_.strings.menu_nothing_to_reprint)));
  }
  show(std::make_unique<ReprintView>(services_,
                                     Money{last->amount_minor, services_.settings.currency}));
  reprint_copy(services_, *last, lifetime_.guard([this](std::optional<hal::PrintError> error) {
    if (error) {
      show(std::make_unique<NoticeView>(std::string(services_.strings.printer_title),
                                        std::vector<std::string>{std::string(
                                            printer_fault_text(error->fault, services_.strings))},
                                        std::string(services_.strings.any_key_hint)));
    } else {
      go_idle();
    }
    render();
  }));
}

void Terminal::finish_cut_off_z() {
  // A Z the power cut off while it printed comes out again before anything else prints; if the
  // printer fails again, MENU → Reports → 3 prints it.
  reports_.finish_cut_off_z(lifetime_.guard([this](Reports::Result result) {
    // Over a sale resumed meanwhile, the log has said it; the sale's screen stays.
    if (result.outcome == Reports::Outcome::kPrinted ||
        dynamic_cast<IdleView*>(view_.get()) == nullptr)
      return;
    show(std::make_unique<NoticeView>(
        std::string(services_.strings.printer_title),
        std::vector<std::string>{
            fill(services_.strings.reports_not_printed, {{"reason", result.problem}}),
            fill(services_.strings.reports_z_kept, {{"number", std::to_string(result.number)}})},
        std::string(services_.strings.any_key_hint)));
    render();
  }));
}

void Terminal::check_site() {
  services_.backend.read_site(lifetime_.guard(
      [this](BackendResult<SiteProperties> result) { on_site(std::move(result)); }));
}

void Terminal::on_site(BackendResult<SiteProperties> result) {
  site_checked_ = true;
  std::optional<Order> waiting = std::exchange(charge_waiting_, std::nullopt);
  if (!result) {
    // Sales go on in the configured currency: the permission to read the site is optional.
    services_.log.warn("cannot read the Wix site's properties (" + result.error().detail +
                       "); selling in " + services_.settings.currency.code +
                       " as configured. The API key's optional permission \"Read site, "
                       "business, and email details\" lets the terminal check the currency.");
  } else {
    site_ = std::move(result.value());
    if (options_.follow_site_time_zone && !site_.time_zone.empty()) {
      if (use_time_zone(site_.time_zone))
        services_.log.info("local time follows the Wix site's time zone, " + site_.time_zone);
      else
        services_.log.warn("the Wix site's time zone " + site_.time_zone +
                           " is unknown to this board: local time stays the board's");
    }
    const std::string& site_currency = site_.payment_currency;
    if (!site_currency.empty() && site_currency != services_.settings.currency.code) {
      services_.log.error("the Wix site takes payments in " + site_currency +
                          ", this terminal is set to " + services_.settings.currency.code +
                          ": no sale can be taken until terminal.currency is " + site_currency);
      sales_refused_ = true;
      if (sale_view_ == nullptr) {
        show(std::make_unique<WrongCurrencyView>(services_, site_currency));
        render();
        if (observer_ != nullptr)
          observer_->sales_refused();
      }
      return;
    }
  }
  if (waiting)
    start_sale(std::move(*waiting));
}

void Terminal::on_sale_changed() {
  if (sale_->state() == Sale::State::kEnded)
    return on_sale_ended();
  if (sale_->ledger_failure()) {
    render();
    // Told once: answers still in flight may change the stopped sale again.
    if (!std::exchange(storage_failed_, true) && observer_ != nullptr)
      observer_->storage_failed();
    return;
  }
  if (sale_->state() == Sale::State::kPrintFailed && observer_ != nullptr) {
    render();
    observer_->receipt_pending();
    return;
  }
  if (sale_view_ != nullptr && sale_view_->paid_to_show()) {
    // The PAID screen is the one cashiers must not miss: it is shown before anything else.
    render();
    if (options_.once)
      sale_view_->acknowledge_paid();
  }
  render();
}

void Terminal::on_sale_ended() {
  const SaleEnding& ending = *sale_->ending();
  const Strings& s = services_.strings;
  link_closer_.wake();
  if (sale_view_ == nullptr) {
    // A receipt left for the printer came out in the background while the cashier went on.
    idle_facts_.receipt_pending = false;
    if (dynamic_cast<IdleView*>(view_.get()) != nullptr)
      render();
    return;
  }
  if (ending.event == store::SaleEvent::kCreateRefused)
    connection_.check_now();
  if (ending.idle_note != nullptr) {
    idle_facts_.last_sale = fill(s.*ending.idle_note, {{"amount", format_money(sale_->amount())}});
    if (!sale_view_->holds_paid())
      go_idle();  // else PAID stays until a key
  } else if (ending.notice_body != nullptr) {
    show(std::make_unique<NoticeView>(
        std::string(s.*ending.notice_title),
        std::vector<std::string>{
            fill(s.*ending.notice_body,
                 {{"time", screens::minutes_and_seconds(services_.settings.payment_timeout)}})},
        std::string(s.any_key_hint)));
  } else {
    // No link: the failure says why, and CHARGE tries again with the same amount.
    const BackendError& error = *sale_->create_error();
    show(std::make_unique<NoticeView>(
        std::string(s.*ending.notice_title),
        std::vector<std::string>{std::string(failure_text(error.failure, s)), error.detail},
        std::string(s.retry_hint), sale_->order()));
  }
  render();
  if (observer_ != nullptr)
    observer_->sale_ended(ending);
  // Anything else the ledger holds unfinished (a receipt left for the printer) goes next; after
  // this callback returns, since it replaces the sale that is calling.
  if (dynamic_cast<IdleView*>(view_.get()) != nullptr) {
    resume_timer_ = services_.clock.after(0ms, [this] {
      if (dynamic_cast<IdleView*>(view_.get()) != nullptr)
        resume_unfinished();
    });
  }
}

void Terminal::render() {
  ui::Screen next = view_->screen();
  if (shown_ && *shown_ == next)
    return;
  const hal::FrameText text = ui::paint_screen(next, display_.framebuffer());
  display_.present(text);
  shown_ = std::move(next);
}

}  // namespace linkpos::app
