#include "drivers/escpos/encoder.hpp"

#include <algorithm>
#include <stdexcept>

#include "drivers/escpos/raster.hpp"

namespace linkpos::drivers::escpos {
namespace {

constexpr char kEsc = 0x1B;
constexpr char kGs = 0x1D;
constexpr char kLf = 0x0A;

// The style the printer has after ESC @.
struct PrinterStyle {
  hal::Align align = hal::Align::kLeft;
  bool bold = false;
  hal::TextSize size = hal::TextSize::kNormal;
};

char byte(int value) {
  return static_cast<char>(static_cast<unsigned char>(value));
}

int align_parameter(hal::Align align) {
  switch (align) {
    case hal::Align::kLeft:
      return 0;
    case hal::Align::kCenter:
      return 1;
    case hal::Align::kRight:
      return 2;
  }
  throw std::logic_error("unknown alignment");
}

// GS ! n: the low nibble multiplies the height, the high one the width.
int size_parameter(hal::TextSize size) {
  switch (size) {
    case hal::TextSize::kNormal:
      return 0x00;
    case hal::TextSize::kDoubleHeight:
      return 0x01;
    case hal::TextSize::kDoubleWidth:
      return 0x10;
    case hal::TextSize::kDouble:
      return 0x11;
  }
  throw std::logic_error("unknown text size");
}

class JobWriter {
 public:
  JobWriter(std::string& out, CodePageEncoder& code_page, int columns)
      : out_(out), code_page_(code_page), columns_(columns) {}

  void operator()(const PrintLine& line) {
    // An empty line feeds one line spacing whatever the style, so it changes none.
    if (!line.text.empty() || !line.right.empty()) {
      change_style({line.align, line.bold, line.size});
    }
    out_ += code_page_.encode(line.text);
    if (!line.right.empty()) {
      const auto used = line.text.size() + line.right.size();
      const auto capacity = static_cast<std::size_t>(line_capacity(columns_, line.size));
      out_.append(capacity - std::min(used, capacity), ' ');
      out_ += code_page_.encode(line.right);
    }
    out_ += kLf;
  }

  void operator()(const hal::Feed& feed) {
    // ESC d n: print and feed n lines (layout keeps n within one command).
    out_ += {kEsc, 'd', byte(feed.lines)};
  }

  void operator()(const hal::Cut& cut) {
    // GS V 65/66 n (function B) first feeds the paper until the last printed line has passed
    // the cutter, which sits a few lines above the print head, then cuts. GS V 0/1 would cut
    // at once and leave the receipt's last lines on the next receipt. n = 0 feeds no further:
    // documents ask for margin with Feed. 66 leaves one point uncut (partial), 65 cuts through.
    out_ += {kGs, 'V', byte(cut.partial ? 66 : 65), byte(0)};
  }

  void change_style(const PrinterStyle& wanted) {
    if (wanted.align != style_.align) {
      out_ += {kEsc, 'a', byte(align_parameter(wanted.align))};
    }
    if (wanted.bold != style_.bold) {
      out_ += {kEsc, 'E', byte(wanted.bold ? 1 : 0)};
    }
    if (wanted.size != style_.size) {
      out_ += {kGs, '!', byte(size_parameter(wanted.size))};
    }
    style_ = wanted;
  }

 private:
  std::string& out_;
  CodePageEncoder& code_page_;
  int columns_;
  PrinterStyle style_;
};

}  // namespace

Encoder::Encoder(const PrinterSettings& settings)
    : settings_([&] {
        if (auto problem = check_printer_settings(settings)) {
          throw std::invalid_argument(*problem);
        }
        return settings;
      }()),
      code_page_(settings.code_page) {}

Encoder::Encoder(const PrinterSettings& settings, std::optional<MonoImage> logo)
    : Encoder(settings) {
  if (logo) {
    if (logo->width() > settings_.paper_width_dots) {
      throw std::invalid_argument("logo " + std::to_string(logo->width()) +
                                  " dots wide does not fit paper " +
                                  std::to_string(settings_.paper_width_dots) + " dots wide");
    }
    logo_command_ = raster_command(*logo);
  }
}

std::string Encoder::encode(const hal::ReceiptDocument& document) {
  std::string out;
  // ESC @ resets styles and the code table to the printer's power-on defaults, which are set
  // by DIP switches on some models; so ESC t always follows, even for table 0.
  out += {kEsc, '@', kEsc, 't', byte(settings_.code_page.esc_t)};
  out += logo_command_;
  JobWriter writer(out, code_page_, settings_.columns);
  for (const auto& element : lay_out(document, settings_.columns)) {
    std::visit(writer, element);
  }
  // Whoever prints next without ESC @ (a driver's status query, another program) gets plain text.
  writer.change_style({});
  return out;
}

}  // namespace linkpos::drivers::escpos
