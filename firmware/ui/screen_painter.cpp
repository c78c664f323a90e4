#include "ui/screen_painter.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ui/canvas.hpp"
#include "ui/font.hpp"
#include "ui/qr.hpp"
#include "ui/text_wrap.hpp"
#include "ui/utf8.hpp"

namespace linkpos::ui {
namespace {

constexpr Rgb kBackground{255, 255, 255};
constexpr Rgb kInk{20, 20, 20};
constexpr Rgb kGoodInk{21, 122, 43};
constexpr Rgb kWarningInk{190, 30, 30};
constexpr Rgb kMutedInk{105, 105, 105};
constexpr Rgb kTitleBar{22, 82, 150};
constexpr Rgb kTitleInk{255, 255, 255};
constexpr Rgb kHintBar{228, 228, 224};
constexpr Rgb kHintInk{70, 70, 70};
constexpr Rgb kQrDark{0, 0, 0};
constexpr Rgb kQrLight{255, 255, 255};

// Below 2 pixels a module blurs into its neighbours on an LCD and phones stop reading it.
constexpr int kMinQrModulePx = 2;
// Room the text beside a QR code needs for the amount, the time left and a few small lines.
constexpr int kMinTextColumnPx = 100;
constexpr std::size_t kMaxBarRows = 2;

struct TextLook {
  const Font* font;
  int scale;

  int cell_width() const { return font->width * scale; }
  int row_height() const { return font->height * scale; }
  std::size_t chars_in(int width) const {
    return static_cast<std::size_t>(std::max(1, width / cell_width()));
  }
};

TextLook look_of(TextStyle style) {
  switch (style) {
    case TextStyle::kSmall:
      return {&small_font(), 1};
    case TextStyle::kNormal:
      return {&normal_font(), 1};
    case TextStyle::kLarge:
      return {&normal_font(), 2};
    case TextStyle::kHuge:
      return {&normal_font(), 3};
  }
  return {&normal_font(), 1};
}

Rgb ink_of(Tone tone) {
  switch (tone) {
    case Tone::kNormal:
      return kInk;
    case Tone::kGood:
      return kGoodInk;
    case Tone::kWarning:
      return kWarningInk;
    case Tone::kMuted:
      return kMutedInk;
  }
  return kInk;
}

// Sizes that follow the screen, so 240x160 and 800x480 both look composed.
struct Metrics {
  int margin;    // between the screen's edges or bars and text
  int line_gap;  // between two ScreenLines
  TextLook title;
  int hint_wide_from;  // column width from which the hint uses the normal font
};

Metrics metrics_for(int width, int height) {
  return Metrics{
      std::clamp(width / 53, 4, 12),
      std::max(2, height / 60),
      height >= 320 ? TextLook{&normal_font(), 2} : TextLook{&normal_font(), 1},
      400,
  };
}

struct QrPlacement {
  QrMatrix matrix;
  int module_px;
  int side;
};

// The QR code's square on the left: as big as the screen's height allows while the text
// column keeps its minimum width. std::nullopt when it cannot be drawn legibly.
std::optional<QrPlacement> place_qr(const std::string& payload, int width, int height) {
  std::optional<QrMatrix> matrix = encode_qr(payload);
  if (!matrix)
    return std::nullopt;
  const int modules = matrix->size + 2 * kQrQuietZoneModules;
  const int min_column = std::max(kMinTextColumnPx, width / 3);
  const int module_px = std::min(height / modules, (width - min_column) / modules);
  if (module_px < kMinQrModulePx)
    return std::nullopt;
  const int side = qr_side(matrix->size, module_px);
  return QrPlacement{std::move(*matrix), module_px, side};
}

// Draws a bar across `column` holding `text` (at most kMaxBarRows rows), hanging from `top`, or
// standing on it when `at_bottom`; returns the bar's height, 0 when there is no text.
int paint_bar(Canvas& canvas, const Rect& column, int top, const std::string& text, TextLook look,
              const Metrics& m, Rgb bar, Rgb ink, bool at_bottom) {
  if (text.empty())
    return 0;
  const int text_width = column.width - 2 * m.margin;
  std::vector<std::u32string> rows = wrap_text(decode_utf8(text), look.chars_in(text_width));
  if (rows.empty())
    return 0;
  limit_rows(rows, kMaxBarRows, look.chars_in(text_width));
  const int pad = std::max(3, m.margin / 2 + 1);
  const int height = static_cast<int>(rows.size()) * look.row_height() + 2 * pad;
  const int y = at_bottom ? top - height : top;
  canvas.fill_rect(Rect{column.x, y, column.width, height}, bar);
  Canvas inside = canvas.clipped(Rect{column.x + m.margin, y, text_width, height});
  int row_y = y + pad;
  for (const std::u32string& row : rows) {
    inside.draw_text(column.x + m.margin, row_y, row, *look.font, look.scale, ink);
    row_y += look.row_height();
  }
  return height;
}

// Draws the body lines top-down into `area`; rows that do not fit whole are left out.
void paint_body(Canvas& canvas, const Rect& area, const std::vector<ScreenLine>& lines,
                const Metrics& m) {
  Canvas inside = canvas.clipped(area);
  int y = area.y;
  bool first = true;
  for (const ScreenLine& line : lines) {
    TextLook look = look_of(line.style);
    const std::u32string text = decode_utf8(line.text);
    if (line.style == TextStyle::kHuge && text_width(text, *look.font, look.scale) > area.width) {
      look = look_of(TextStyle::kLarge);
    }
    if (!first)
      y += m.line_gap;
    first = false;
    std::vector<std::u32string> rows = wrap_text(text, look.chars_in(area.width));
    if (rows.empty()) {  // a blank line keeps its height: screens use it as a spacer
      y += look.row_height();
      continue;
    }
    for (const std::u32string& row : rows) {
      if (y + look.row_height() > area.bottom())
        return;
      const int width = text_width(row, *look.font, look.scale);
      int x = area.x;
      if (line.align == TextAlign::kCenter)
        x += (area.width - width) / 2;
      if (line.align == TextAlign::kRight)
        x += area.width - width;
      inside.draw_text(x, y, row, *look.font, look.scale, ink_of(line.tone));
      y += look.row_height() + look.scale;
    }
    y -= look.scale;
  }
}

void paint_test_pattern(Canvas& canvas, const Rect& area, int width, int height) {
  // Red, green, blue first: a panel with its channels swapped shows them in the wrong order.
  constexpr Rgb kBars[] = {{255, 0, 0},   {0, 255, 0},   {0, 0, 255},   {255, 255, 255},
                           {255, 255, 0}, {0, 255, 255}, {255, 0, 255}, {0, 0, 0}};
  const int bars = static_cast<int>(std::size(kBars));
  const int bar_height = area.height / 2;
  for (int i = 0; i < bars; ++i) {
    const int x0 = area.x + area.width * i / bars;
    const int x1 = area.x + area.width * (i + 1) / bars;
    canvas.fill_rect(Rect{x0, area.y, x1 - x0, bar_height}, kBars[i]);
  }
  constexpr int kCell = 4;
  for (int y = area.y + bar_height; y < area.y + area.height; y += kCell) {
    for (int x = area.x; x < area.x + area.width; x += kCell) {
      const bool dark = ((x - area.x) / kCell + (y - area.y) / kCell) % 2 == 0;
      canvas.fill_rect(Rect{x, y, kCell, kCell}, dark ? Rgb{0, 0, 0} : Rgb{255, 255, 255});
    }
  }
  canvas.frame_rect(Rect{0, 0, width, height}, 1, Rgb{255, 0, 0});
}

}  // namespace

hal::FrameText paint_screen(const Screen& screen, const hal::Framebuffer& framebuffer) {
  Canvas canvas(framebuffer);
  canvas.fill(kBackground);
  const Metrics m = metrics_for(framebuffer.width, framebuffer.height);

  Rect column{0, 0, framebuffer.width, framebuffer.height};
  std::vector<ScreenLine> body = screen.body;
  if (screen.qr) {
    if (std::optional<QrPlacement> qr =
            place_qr(*screen.qr, framebuffer.width, framebuffer.height)) {
      canvas.draw_qr(0, (framebuffer.height - qr->side) / 2, qr->matrix, qr->module_px, kQrDark,
                     kQrLight);
      column = Rect{qr->side, 0, framebuffer.width - qr->side, framebuffer.height};
    } else {
      body.push_back(ScreenLine{*screen.qr, TextStyle::kSmall, TextAlign::kLeft, Tone::kNormal});
    }
  }

  const TextLook hint_look =
      column.width >= m.hint_wide_from ? look_of(TextStyle::kNormal) : look_of(TextStyle::kSmall);
  const int title_height =
      paint_bar(canvas, column, column.y, screen.title, m.title, m, kTitleBar, kTitleInk, false);
  const int hint_height = paint_bar(canvas, column, column.bottom(), screen.hint, hint_look, m,
                                    kHintBar, kHintInk, true);
  const Rect body_area{column.x + m.margin, column.y + title_height + m.margin,
                       column.width - 2 * m.margin,
                       column.height - title_height - hint_height - 2 * m.margin};
  if (screen.test_pattern) {
    paint_test_pattern(canvas, body_area, framebuffer.width, framebuffer.height);
  } else {
    paint_body(canvas, body_area, body, m);
  }

  hal::FrameText text;
  text.screen = screen.name;
  const auto add = [&text](const std::string& line) {
    if (!line.empty())
      text.lines.push_back(line);
  };
  add(screen.title);
  for (const ScreenLine& line : body)
    add(line.text);
  add(screen.hint);
  return text;
}

}  // namespace linkpos::ui
