#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/amount_entry.hpp"
#include "app/connection_watch.hpp"
#include "app/housekeeping.hpp"
#include "app/link_closer.hpp"
#include "app/refund_list.hpp"
#include "app/sale.hpp"
#include "app/technician_menu.hpp"
#include "hal/display.hpp"
#include "hal/keypad.hpp"
#include "ui/screen.hpp"

namespace linkpos::app {

// Exit codes of a --once run: how its one sale ended.
enum class OnceExit : int {
  kPrinted = 0,
  kCancelled = 1,
  kExpired = 2,
  kFailed = 3,
  kReceiptPending = 4,  // paid, but the printer did not take the receipt
  kLedgerFailed = 5,
  kUnresolved = 6,  // a payment could not be read and the cashier gave up: all to refund
};

struct TerminalOptions {
  // Run one sale to its end without waiting for keys on its last screen, then call finished.
  bool once = false;
  std::function<void(OnceExit)> finished;
  std::string version;
  std::string revision;
  std::string build_time;
  std::string backend_name;
  // Something the technician must know at start (a damaged ledger was set aside): shown first.
  std::string boot_notice;
};

// The terminal as the cashier meets it: keys in, screens out, one sale at a time. It resumes
// what the ledger left unfinished before it takes a new sale.
class Terminal {
 public:
  Terminal(SaleServices& services, hal::Display& display, TerminalOptions options);
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  void start();
  void press(hal::Key key);

  // What the Wix site said about itself at start (empty until it answered, or if it could not),
  // kept for the day's reports.
  const SiteProperties& site() const { return site_; }

 private:
  enum class View {
    kIdle,
    kAmount,
    kSale,
    kNotice,
    kRefunds,
    kMenu,
    kInfo,
    kTechnician,
    kReprinting,
    kWrongCurrency,  // the Wix site takes another currency: no sale can be taken
  };

  struct Notice {
    std::string title;
    std::vector<std::string> lines;
    std::string hint;
    bool offers_retry = false;  // CHARGE starts the sale again with the same amount
  };

  void press_in_sale(hal::Key key);
  void press_in_menu(hal::Key key);
  void press_charge(Money amount);
  void start_sale(Money amount);
  void check_site();
  void on_site(BackendResult<SiteProperties> result);
  void resume_unfinished();
  void on_sale_changed();
  void on_sale_ended();
  void reprint_last();
  void go_idle();
  void finish_once(OnceExit code);
  void render();
  ui::Screen screen() const;
  ui::Screen sale_screen() const;
  std::vector<std::string> idle_notes() const;
  ui::Screen wrong_currency_screen() const;
  std::vector<std::string> paid_refund_lines() const;

  SaleServices& services_;
  hal::Display& display_;
  TerminalOptions options_;
  View view_ = View::kIdle;
  AmountEntry entry_;
  std::string refusal_;  // why CHARGE was refused, under the amount
  std::string menu_note_;
  std::int64_t reprint_amount_ = 0;
  std::unique_ptr<Sale> sale_;
  std::unique_ptr<Sale> retired_;  // an ended sale replaced inside its own callback
  bool paid_shown_ = false;
  bool paid_acknowledged_ = false;
  std::optional<Notice> notice_;
  std::string last_sale_note_;
  std::size_t refunds_owed_ = 0;
  // The site's properties: until they answered (or failed), a CHARGE waits for them, so no sale
  // starts in a currency the site does not take.
  bool site_checked_ = false;
  std::optional<Money> charge_waiting_;
  SiteProperties site_;
  bool receipt_pending_ = false;
  std::optional<ui::Screen> shown_;
  hal::Timer resume_timer_;
  ConnectionWatch connection_;
  Housekeeping housekeeping_;
  LinkCloser link_closer_;
  TechnicianMenu technician_;
  RefundList refunds_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace linkpos::app
