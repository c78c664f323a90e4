#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/lifetime.hpp"
#include "app/pin_entry.hpp"
#include "app/refund_list.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"
#include "hal/keypad.hpp"
#include "ui/screen.hpp"

namespace linkpos::app {

// What the technician's version page shows.
struct BuildFacts {
  std::string version;
  std::string revision;
  std::string build_time;
  std::string backend_name;
};

// MENU → Technician, behind the PIN from config: version and build, a check of the network and
// the payment service (and the site's currency), a printer test page, a display test pattern,
// the last sales with reprint, and the refund list, where entries are cleared. Runs its checks and
// prints through the terminal's own services.
class TechnicianMenu final : public View {
 public:
  // Opens at the PIN prompt. `changed` runs when a check or a print answers.
  TechnicianMenu(SaleServices& services, BuildFacts facts, std::function<void()> changed);
  TechnicianMenu(const TechnicianMenu&) = delete;
  TechnicianMenu& operator=(const TechnicianMenu&) = delete;

  // Goes back to idle once the technician has left the menu.
  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  enum class Page {
    kPin,
    kMain,
    kVersion,
    kCheck,
    kPrinterTest,
    kDisplayTest,
    kLastSales,
    kRefunds
  };

  void press_on_main(hal::Key key);
  void press_on_sales(hal::Key key);
  void check_connection();
  void check_site();
  void print_test_page();
  void reprint(const store::SaleRecord& sale);
  void on_printed(const std::optional<hal::PrintError>& error);
  hal::ReceiptDocument test_page() const;
  std::vector<std::string> sale_lines() const;

  SaleServices& services_;
  BuildFacts facts_;
  std::function<void()> changed_;
  Page page_ = Page::kPin;
  PinEntry pin_;
  std::string note_;  // the last outcome or refusal, shown on the page
  bool note_is_warning_ = false;
  std::vector<std::string> site_notes_;  // what the API check found out about the site
  RefundList refunds_;
  std::vector<store::SaleRecord> sales_;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
