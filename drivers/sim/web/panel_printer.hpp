#pragma once

#include <memory>

#include "hal/printer.hpp"

namespace linkpos::drivers::sim::web {

class BrowserPanel;

// A printer that also shows on the browser panel what it printed: it hands each job to the
// printer it wraps, and when that reports success shows the receipt as the .txt renders it
// (escpos::render_text at `columns`). Failed jobs are reported as they are and not shown.
class PanelPrinter final : public hal::Printer {
 public:
  // `panel` must outlive the printer and its jobs.
  PanelPrinter(std::unique_ptr<hal::Printer> printer, BrowserPanel& panel, int columns);

  void print(const hal::ReceiptDocument& document, hal::PrintDone done) override;

 private:
  std::unique_ptr<hal::Printer> printer_;
  BrowserPanel& panel_;
  int columns_;
};

}  // namespace linkpos::drivers::sim::web
