#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/connection_watch.hpp"
#include "app/housekeeping.hpp"
#include "app/lifetime.hpp"
#include "app/link_closer.hpp"
#include "app/order.hpp"
#include "app/reports.hpp"
#include "app/sale.hpp"
#include "app/terminal_observer.hpp"
#include "app/views/idle_view.hpp"
#include "app/views/view.hpp"
#include "hal/display.hpp"
#include "hal/keypad.hpp"
#include "ui/screen.hpp"

namespace linkpos::app {

class SaleView;

struct TerminalOptions {
  // A run of one sale (--once): PAID does not wait for a key.
  bool once = false;
  std::string version;
  std::string revision;
  std::string build_time;
  std::string backend_name;
  // Something the technician must know at start (a damaged ledger was set aside): shown first.
  std::string boot_notice;
  // No terminal.time_zone in the config: local times follow the Wix site's time zone once the
  // site names it (else the board's stays).
  bool follow_site_time_zone = false;
  // Called on the event loop each time the payment service's check answers differently (what
  // the idle screen's connection note says): for systemd's STATUS=.
  std::function<void(const ConnectionWatch&)> connection_changed;
};

// The terminal as the cashier meets it: keys in, screens out, one view at a time and one sale at
// a time. It resumes what the ledger left unfinished before it takes a new sale, and tells its
// observer (if any) how each sale ends.
class Terminal {
 public:
  Terminal(SaleServices& services, hal::Display& display, TerminalOptions options,
           TerminalObserver* observer = nullptr);
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  void start();
  void press(hal::Key key);

  // What the Wix site said about itself at start (empty until it answered, or if it could not),
  // kept for the day's reports.
  const SiteProperties& site() const { return site_; }

 private:
  // Does what a key on the view asked.
  void follow(const Next& next);
  void show(std::unique_ptr<View> view);
  void go_idle();
  void charge(Order order);
  void start_sale(Order order);
  void resume_unfinished();
  void reprint_last();
  void finish_cut_off_z();
  void check_site();
  void on_site(BackendResult<SiteProperties> result);
  void on_sale_changed();
  void on_sale_ended();
  void render();

  SaleServices& services_;
  hal::Display& display_;
  TerminalOptions options_;
  TerminalObserver* observer_;
  std::unique_ptr<View> view_;
  SaleView* sale_view_ = nullptr;  // the view, when it is the sale's
  std::unique_ptr<Sale> sale_;
  std::unique_ptr<Sale> retired_;  // an ended sale replaced inside its own callback
  IdleFacts idle_facts_;
  // The site's properties: until they answered (or failed), a CHARGE waits for them, so no sale
  // starts in a currency the site does not take.
  bool site_checked_ = false;
  bool sales_refused_ = false;
  bool storage_failed_ = false;  // the ledger failed a write: the terminal takes no more sales
  std::optional<Order> charge_waiting_;
  // What is being rung up: kept while the cashier visits the menu's items.
  Cart cart_;
  SiteProperties site_;
  std::optional<ui::Screen> shown_;
  hal::Timer resume_timer_;
  ConnectionWatch connection_;
  Housekeeping housekeeping_;
  LinkCloser link_closer_;
  Reports reports_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
