#include "app/terminal.hpp"

#include "app/exact_amount.hpp"
#include "app/receipt_layout.hpp"
#include "app/reprint.hpp"
#include "app/screens.hpp"
#include "ui/screen_painter.hpp"

namespace linkpos::app {

using Phase = Sale::Phase;

namespace {

using namespace std::chrono_literals;

// Often enough that a dead network shows on the idle screen before the next customer.
constexpr auto kConnectionCheckInterval = 30s;
// A terminal clock further than this from Wix's is wrong enough for the cashier to hear of it.
constexpr auto kClockSkewLimit = 5min;

}  // namespace

Terminal::Terminal(SaleServices& services, hal::Display& display, TerminalOptions options)
    : services_(services),
      display_(display),
      options_(std::move(options)),
      connection_(services, kConnectionCheckInterval,
                  [this] {
                    if (view_ == View::kIdle)
                      render();
                  }),
      housekeeping_(services),
      link_closer_(services,
                   [this] {
                     if (view_ == View::kIdle) {
                       go_idle();  // counts the refunds owed again
                       render();
                     }
                   }),
      technician_(services,
                  BuildFacts{options_.version, options_.revision, options_.build_time,
                             options_.backend_name},
                  [this] {
                    if (view_ == View::kTechnician)
                      render();
                  }),
      refunds_(services, /*may_clear=*/false) {}

Terminal::~Terminal() = default;

void Terminal::start() {
  go_idle();
  if (!options_.boot_notice.empty()) {
    notice_ = Notice{std::string(services_.strings.ledger_title),
                     {options_.boot_notice},
                     std::string(services_.strings.any_key_hint)};
    view_ = View::kNotice;
  }
  render();
  housekeeping_.start();
  connection_.start();
  link_closer_.wake();
  check_site();
  resume_unfinished();
}

void Terminal::check_site() {
  services_.backend.read_site(
      [this, alive = std::weak_ptr<int>(alive_)](BackendResult<SiteProperties> result) {
        if (alive.lock())
          on_site(std::move(result));
      });
}

void Terminal::on_site(BackendResult<SiteProperties> result) {
  site_checked_ = true;
  const std::optional<Money> waiting = std::exchange(charge_waiting_, std::nullopt);
  if (!result) {
    // Sales go on in the configured currency: the permission to read the site is optional.
    services_.log.warn("cannot read the Wix site's properties (" + result.error().detail +
                       "); selling in " + services_.settings.currency.code +
                       " as configured. The API key's optional permission \"Read site, "
                       "business, and email details\" lets the terminal check the currency.");
  } else {
    site_ = std::move(result.value());
    const std::string& site_currency = site_.payment_currency;
    if (!site_currency.empty() && site_currency != services_.settings.currency.code) {
      services_.log.error("the Wix site takes payments in " + site_currency +
                          ", this terminal is set to " + services_.settings.currency.code +
                          ": no sale can be taken until terminal.currency is " + site_currency);
      if (view_ != View::kSale) {
        view_ = View::kWrongCurrency;
        render();
        if (options_.once)
          finish_once(OnceExit::kFailed);
      }
      return;
    }
  }
  if (waiting && view_ == View::kAmount)
    start_sale(*waiting);
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
  paid_shown_ = paid_acknowledged_ = false;
  retired_ = std::move(sale_);
  sale_ = std::make_unique<Sale>(services_, std::move(unfinished.front()),
                                 [this] { on_sale_changed(); });
  view_ = View::kSale;
  sale_->start();
}

void Terminal::start_sale(Money amount) {
  paid_shown_ = paid_acknowledged_ = false;
  notice_.reset();
  retired_ = std::move(sale_);
  sale_ = std::make_unique<Sale>(services_, amount, [this] { on_sale_changed(); });
  view_ = View::kSale;
  sale_->start();
}

void Terminal::press(hal::Key key) {
  switch (view_) {
    case View::kIdle:
      if (key == hal::Key::kMenu) {
        menu_note_.clear();
        view_ = View::kMenu;
      } else if (hal::key_digit(key) || key == hal::Key::k00) {
        entry_.clear();
        entry_.apply(key);
        refusal_.clear();
        view_ = View::kAmount;
      }
      break;
    case View::kAmount:
      refusal_.clear();
      if (key == hal::Key::kCancel) {
        charge_waiting_.reset();
        go_idle();
      } else if (key == hal::Key::kCharge) {
        press_charge(Money{entry_.minor(), services_.settings.currency});
        if (view_ == View::kSale)
          return;  // the sale renders itself
      } else if (!charge_waiting_) {
        entry_.apply(key);
      }
      break;
    case View::kSale:
      press_in_sale(key);
      return;
    case View::kRefunds:
      if (!refunds_.press(key))
        go_idle();
      break;
    case View::kWrongCurrency:
      if (key == hal::Key::kMenu) {
        menu_note_.clear();
        view_ = View::kMenu;
      }
      break;
    case View::kNotice:
      if (notice_ && notice_->offers_retry) {
        if (key == hal::Key::kCharge) {
          view_ = View::kAmount;
          press_charge(Money{entry_.minor(), services_.settings.currency});
          if (view_ == View::kSale)
            return;
          break;
        }
        if (key == hal::Key::kCancel)
          go_idle();
      } else {
        go_idle();
      }
      break;
    case View::kMenu:
      press_in_menu(key);
      break;
    case View::kInfo:
      view_ = View::kMenu;
      break;
    case View::kTechnician:
      if (!technician_.press(key))
        go_idle();
      break;
    case View::kReprinting:
      break;
  }
  render();
}

void Terminal::press_charge(Money amount) {
  if (amount.minor <= 0) {
    refusal_ = std::string(services_.strings.amount_zero);
  } else if (amount.minor > services_.settings.max_amount_minor) {
    refusal_ = fill(services_.strings.amount_too_high,
                    {{"max", format_money(Money{services_.settings.max_amount_minor,
                                                services_.settings.currency})}});
  } else if (!site_checked_) {
    charge_waiting_ = amount;  // the sale starts as soon as the site has answered
  } else {
    start_sale(amount);
  }
}

void Terminal::press_in_sale(hal::Key key) {
  switch (sale_->phase()) {
    case Phase::kCreating:
    case Phase::kWaiting:
      if (key == hal::Key::kCancel)
        sale_->cancel();
      break;
    case Phase::kUnderpaid:
      if (key == hal::Key::kCharge) {
        sale_->charge_rest();
      } else if (key == hal::Key::kCancel) {
        sale_->accept_underpaid();
      }
      break;
    case Phase::kCheckPayment:
      if (key == hal::Key::kCharge) {
        sale_->look_again();
      } else if (key == hal::Key::kCancel) {
        sale_->give_up();
      }
      break;
    case Phase::kIssuing:
    case Phase::kPrinting:
      paid_acknowledged_ = true;
      render();
      break;
    case Phase::kPrintFailed:
      if (key == hal::Key::kCharge) {
        sale_->retry_print();
      } else if (key == hal::Key::kCancel) {
        // The sale stays paid with its receipt pending; it prints after the next sale or boot.
        receipt_pending_ = true;
        go_idle();
        render();
      }
      break;
    case Phase::kEnded:
      go_idle();
      render();
      break;
    case Phase::kCancelling:
    case Phase::kLedgerFailed:
      break;
  }
}

void Terminal::press_in_menu(hal::Key key) {
  switch (key) {
    case hal::Key::k1:
      reprint_last();
      break;
    case hal::Key::k2:
      view_ = View::kInfo;
      break;
    case hal::Key::k3:
      technician_.open();
      view_ = View::kTechnician;
      break;
    case hal::Key::k4:
      refunds_.open();
      view_ = View::kRefunds;
      break;
    case hal::Key::kCancel:
    case hal::Key::kMenu:
      go_idle();
      break;
    default:
      break;
  }
}

void Terminal::reprint_last() {
  std::optional<store::SaleRecord> last;
  try {
    last = services_.ledger.last_printed();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
  }
  if (!last) {
    menu_note_ = std::string(services_.strings.menu_nothing_to_reprint);
    return;
  }
  view_ = View::kReprinting;
  reprint_amount_ = last->amount_minor;
  reprint_copy(services_, *last, alive_, [this](std::optional<hal::PrintError> error) {
    if (error) {
      notice_ = Notice{std::string(services_.strings.printer_title),
                       {std::string(describe(error->fault, services_.strings))},
                       std::string(services_.strings.any_key_hint)};
      view_ = View::kNotice;
    } else {
      go_idle();
    }
    render();
  });
}

void Terminal::on_sale_changed() {
  if (sale_->phase() == Phase::kEnded) {
    on_sale_ended();
  } else if (sale_->phase() == Phase::kPrintFailed && options_.once) {
    render();
    finish_once(OnceExit::kReceiptPending);
    return;
  } else if (sale_->phase() == Phase::kLedgerFailed) {
    render();
    if (options_.once)
      finish_once(OnceExit::kLedgerFailed);
    return;
  }
  const bool paid_phase = sale_->phase() == Phase::kIssuing || sale_->phase() == Phase::kPrinting;
  if (paid_phase && !paid_shown_) {
    // The PAID screen is the one cashiers must not miss: it is shown before anything else.
    paid_shown_ = true;
    render();
    if (options_.once)
      paid_acknowledged_ = true;
  }
  render();
}

void Terminal::on_sale_ended() {
  const SaleOutcome outcome = *sale_->outcome();
  link_closer_.wake();
  if (view_ != View::kSale) {
    // A receipt left for the printer came out in the background while the cashier went on.
    receipt_pending_ = false;
    if (view_ == View::kIdle)
      render();
    return;
  }
  if (outcome == SaleOutcome::kCreateFailed)
    connection_.check_now();
  const Strings& s = services_.strings;
  switch (outcome) {
    case SaleOutcome::kCompleted:
      last_sale_note_ = fill(s.idle_last_paid, {{"amount", format_money(sale_->amount())}});
      if (!paid_shown_ || paid_acknowledged_)
        go_idle();  // else PAID stays until a key
      break;
    case SaleOutcome::kCancelled:
      last_sale_note_ = std::string(s.idle_last_cancelled);
      go_idle();
      break;
    case SaleOutcome::kInterrupted:
      last_sale_note_ = std::string(s.idle_last_interrupted);
      go_idle();
      break;
    case SaleOutcome::kTimedOut:
      notice_ = Notice{
          std::string(s.timeout_title),
          {fill(s.timeout_body,
                {{"time", screens::minutes_and_seconds(services_.settings.payment_timeout)}})},
          std::string(s.any_key_hint)};
      view_ = View::kNotice;
      break;
    case SaleOutcome::kClosedElsewhere:
      notice_ = Notice{std::string(s.closed_elsewhere_title),
                       {std::string(s.closed_elsewhere_body)},
                       std::string(s.any_key_hint)};
      view_ = View::kNotice;
      break;
    case SaleOutcome::kUnresolved:
      notice_ = Notice{std::string(s.unresolved_title),
                       {std::string(s.unresolved_body)},
                       std::string(s.any_key_hint)};
      view_ = View::kNotice;
      break;
    case SaleOutcome::kCreateFailed: {
      const auto& error = sale_->create_error();
      entry_.set(sale_->amount().minor);  // for CHARGE to try again
      notice_ = Notice{std::string(s.create_failed_title),
                       {std::string(describe(error->failure, s)), error->detail},
                       std::string(s.retry_hint),
                       /*offers_retry=*/true};
      view_ = View::kNotice;
      break;
    }
  }
  render();
  if (options_.once) {
    switch (outcome) {
      case SaleOutcome::kCompleted:
        return finish_once(OnceExit::kPrinted);
      case SaleOutcome::kCancelled:
      case SaleOutcome::kClosedElsewhere:
        return finish_once(OnceExit::kCancelled);
      case SaleOutcome::kTimedOut:
        return finish_once(OnceExit::kExpired);
      case SaleOutcome::kCreateFailed:
      case SaleOutcome::kInterrupted:
        return finish_once(OnceExit::kFailed);
      case SaleOutcome::kUnresolved:
        return finish_once(OnceExit::kUnresolved);
    }
  }
  // Anything else the ledger holds unfinished (a receipt left for the printer) goes next; after
  // this callback returns, since it replaces the sale that is calling.
  if (view_ == View::kIdle) {
    resume_timer_ = services_.clock.after(std::chrono::milliseconds(0), [this] {
      if (view_ == View::kIdle)
        resume_unfinished();
    });
  }
}

void Terminal::finish_once(OnceExit code) {
  if (options_.finished)
    options_.finished(code);
}

void Terminal::go_idle() {
  view_ = View::kIdle;
  notice_.reset();
  entry_.clear();
  refusal_.clear();
  // Money owed back stays in sight on the idle screen until a technician clears it.
  try {
    refunds_owed_ = services_.ledger.refunds_owed().size();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
  }
}

std::vector<std::string> Terminal::idle_notes() const {
  std::vector<std::string> notes;
  const auto skew = services_.backend.clock_skew();
  if (services_.clock.now() < services_.settings.build_time ||
      (skew && std::chrono::abs(*skew) > kClockSkewLimit)) {
    notes.push_back(std::string(services_.strings.failure_clock));
  }
  switch (connection_.state()) {
    case ConnectionWatch::State::kChecking:
      notes.push_back(std::string(services_.strings.idle_checking));
      break;
    case ConnectionWatch::State::kConnected:
      notes.push_back(std::string(services_.strings.idle_connected));
      break;
    case ConnectionWatch::State::kFailed:
      notes.push_back(fill(
          services_.strings.idle_not_connected,
          {{"reason", std::string(describe(connection_.failure()->failure, services_.strings))}}));
      break;
  }
  if (!last_sale_note_.empty())
    notes.push_back(last_sale_note_);
  if (receipt_pending_)
    notes.push_back(std::string(services_.strings.idle_receipt_pending));
  if (refunds_owed_ > 0) {
    notes.push_back(
        fill(services_.strings.idle_refunds_owed, {{"count", std::to_string(refunds_owed_)}}));
  }
  return notes;
}

ui::Screen Terminal::sale_screen() const {
  const Strings& s = services_.strings;
  const Money amount = sale_->amount();
  switch (sale_->phase()) {
    case Phase::kCreating:
      return sale_->cancel_requested() ? screens::cancelling(s, amount)
                                       : screens::creating(s, amount, sale_->trouble());
    case Phase::kWaiting: {
      const auto& reference = sale_->record().reference;
      return screens::qr(s, sale_->link_amount(), sale_->record().link_url,
                         reference.substr(reference.size() > 8 ? reference.size() - 8 : 0),
                         sale_->time_left(), sale_->trouble());
    }
    case Phase::kCancelling:
      return screens::cancelling(s, amount);
    case Phase::kUnderpaid: {
      const Settlement now = sale_->settlement();
      std::vector<std::string> notes;
      if (!sale_->record().link_closed)
        notes.push_back(std::string(s.underpaid_link_open));
      if (sale_->trouble())
        notes.push_back(std::string(describe(*sale_->trouble(), s)));
      return screens::underpaid(s, format_exact(now.paid_thousandths, amount.currency), amount,
                                now.shortfall, notes);
    }
    case Phase::kCheckPayment: {
      std::vector<std::string> unreadable;
      for (const auto& payment : sale_->record().payments) {
        if (!payment.amount_thousandths)
          unreadable.push_back(payment.payment_id.empty() ? "?" : payment.payment_id);
      }
      std::vector<std::string> notes;
      if (sale_->looking_again())
        notes.push_back(std::string(s.check_looking));
      else if (sale_->trouble())
        notes.push_back(std::string(describe(*sale_->trouble(), s)));
      return screens::check_payment(s, sale_->record().link_id, unreadable, notes);
    }
    case Phase::kIssuing:
    case Phase::kPrinting:
      if (paid_acknowledged_)
        return screens::printing(s, amount);
      return screens::paid(s, amount, sale_->record().receipt_number, false, paid_refund_lines());
    case Phase::kPrintFailed:
      return screens::error(std::string(s.printer_title),
                            {std::string(describe(sale_->print_error()->fault, s)),
                             fill(s.printer_sale_paid, {{"amount", format_money(amount)}}),
                             std::string(s.printer_retrying)},
                            std::string(s.printer_retry_hint));
    case Phase::kEnded:
      return screens::paid(s, amount, sale_->record().receipt_number, true, paid_refund_lines());
    case Phase::kLedgerFailed:
      return screens::error(std::string(s.ledger_title), {std::string(s.ledger_body)},
                            std::string(s.ledger_hint));
  }
  return screens::idle(s, services_.settings.merchant.name, idle_notes());
}

ui::Screen Terminal::screen() const {
  const Strings& s = services_.strings;
  switch (view_) {
    case View::kIdle:
      return screens::idle(s, services_.settings.merchant.name, idle_notes());
    case View::kAmount:
      return screens::amount(s, Money{entry_.minor(), services_.settings.currency},
                             charge_waiting_ ? std::string(s.idle_checking_site) : refusal_);
    case View::kSale:
      return sale_screen();
    case View::kNotice:
      return screens::error(notice_->title, notice_->lines, notice_->hint);
    case View::kRefunds:
      return refunds_.screen();
    case View::kWrongCurrency:
      return wrong_currency_screen();
    case View::kMenu:
      return screens::menu(s, menu_note_);
    case View::kTechnician:
      return technician_.screen();
    case View::kInfo:
      return screens::info(s, {fill(s.info_terminal, {{"id", services_.settings.terminal_id}}),
                               fill(s.info_version, {{"version", options_.version}}),
                               fill(s.info_backend, {{"backend", options_.backend_name}})});
    case View::kReprinting:
      return screens::printing(s, Money{reprint_amount_, services_.settings.currency});
  }
  return screens::idle(s, services_.settings.merchant.name, idle_notes());
}

ui::Screen Terminal::wrong_currency_screen() const {
  const Strings& s = services_.strings;
  const std::string terminal = services_.settings.currency.code;
  return screens::error(
      std::string(s.currency_title),
      {fill(s.currency_body, {{"site", site_.payment_currency}, {"terminal", terminal}}),
       fill(s.currency_action, {{"site", site_.payment_currency}})},
      std::string(s.currency_hint));
}

std::vector<std::string> Terminal::paid_refund_lines() const {
  std::vector<std::string> lines;
  for (const auto& payment : sale_->record().payments) {
    if (payment.refund_reason == store::RefundReason::kOverpaid && payment.refund_thousandths) {
      lines.push_back(fill(
          services_.strings.paid_refund,
          {{"amount", format_exact(*payment.refund_thousandths, services_.settings.currency)},
           {"payment", payment.payment_id}}));
    }
  }
  return lines;
}

void Terminal::render() {
  ui::Screen next = screen();
  if (shown_ && *shown_ == next)
    return;
  const hal::FrameText text = ui::paint_screen(next, display_.framebuffer());
  display_.present(text);
  shown_ = std::move(next);
}

}  // namespace linkpos::app
