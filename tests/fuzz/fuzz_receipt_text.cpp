// Receipt text comes from config (merchant name, address) and from Wix (ids): any bytes at all
// must become printable bytes in the code page, never printer commands or a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/text_render.hpp"

namespace {

using namespace linkpos;

hal::ReceiptDocument document_from(std::string_view text) {
  hal::ReceiptDocument doc;
  doc.job_name = "fuzz";
  // Lines of the input alternate between the element kinds, with styles from their lengths.
  std::size_t at = 0;
  int n = 0;
  while (at <= text.size()) {
    const auto end = std::min(text.find('\n', at), text.size());
    const std::string line(text.substr(at, end - at));
    const auto size = static_cast<hal::TextSize>(line.size() % 4);
    const auto align = static_cast<hal::Align>(line.size() % 3);
    switch (n++ % 4) {
      case 0:
        doc.elements.push_back(hal::TextLine{line, align, line.size() % 2 == 0, size});
        break;
      case 1:
        doc.elements.push_back(hal::ColumnsLine{line, line.substr(line.size() / 2), false, size});
        break;
      case 2:
        doc.elements.push_back(hal::Separator{line.empty() ? '-' : line.front()});
        break;
      default:
        doc.elements.push_back(hal::Feed{static_cast<int>(line.size()) - 2});
        break;
    }
    at = end + 1;
  }
  doc.elements.push_back(hal::Cut{});
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto doc = document_from(std::string_view(reinterpret_cast<const char*>(data), size));
  static drivers::escpos::Encoder narrow(drivers::escpos::PrinterSettings{32, {"CP858", 19}});
  static drivers::escpos::Encoder wide(drivers::escpos::PrinterSettings{48, {"CP437", 0}});
  (void)narrow.encode(doc);
  (void)wide.encode(doc);
  (void)drivers::escpos::render_text(doc, 42);
  return 0;
}
