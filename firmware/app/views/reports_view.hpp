#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/lifetime.hpp"
#include "app/pin_entry.hpp"
#include "app/reports.hpp"
#include "app/sale_services.hpp"
#include "app/views/view.hpp"

namespace linkpos::app {

// MENU → 7 (screen "report"): behind terminal.manager_pin when one is set (the technician's PIN
// opens it too). 1 prints an X report, 2 a Z report after the cashier confirms closing the day,
// 3 the last Z again. What the report says shows on the screen (and so on the browser panel)
// once it has printed.
class ReportsView final : public View {
 public:
  // `changed` runs when a report has printed or failed.
  ReportsView(SaleServices& services, Reports& reports, std::function<void()> changed);
  ReportsView(const ReportsView&) = delete;
  ReportsView& operator=(const ReportsView&) = delete;

  Next press(hal::Key key) override;
  ui::Screen screen() const override;

 private:
  enum class Page { kPin, kMain, kConfirmZ, kWorking, kDone };

  Next press_on_main(hal::Key key);
  void start(ReportKind kind);
  void reprint_last_z();
  void on_done(Reports::Result result);

  SaleServices& services_;
  Reports& reports_;
  std::function<void()> changed_;
  Page page_;
  PinEntry pin_;
  std::int64_t next_z_ = 1;
  std::string note_;  // a wrong PIN, or why a report did not print
  std::vector<std::string> summary_;
  std::string done_title_;
  bool printed_ = false;
  Lifetime lifetime_;
};

}  // namespace linkpos::app
