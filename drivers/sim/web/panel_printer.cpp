#include "drivers/sim/web/panel_printer.hpp"

#include <string>
#include <utility>

#include "drivers/escpos/text_render.hpp"
#include "drivers/sim/web/browser_panel.hpp"

namespace linkpos::drivers::sim::web {

PanelPrinter::PanelPrinter(std::unique_ptr<hal::Printer> printer, BrowserPanel& panel, int columns)
    : printer_(std::move(printer)), panel_(panel), columns_(columns) {}

void PanelPrinter::print(const hal::ReceiptDocument& document, hal::PrintDone done) {
  // Rendered now: the document need not outlive this call.
  printer_->print(document, [&panel = panel_, name = document.job_name,
                             text = escpos::render_text(document, columns_),
                             done = std::move(done)](std::optional<hal::PrintError> error) {
    if (!error)
      panel.show_receipt(name, text);
    done(std::move(error));
  });
}

}  // namespace linkpos::drivers::sim::web
