#include "drivers/sim/console_display.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "drivers/sim/fd_write.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "drivers/sim/rgb_pixels.hpp"

namespace linkpos::drivers::sim {
namespace {

// Only factors that divide a 4-pixel QR module keep every module the same number of cells, so
// the code stays crisp enough for a phone to read off the screen.
constexpr int kScaleFactors[] = {1, 2, 4};
constexpr std::string_view kUpperHalfBlock = "\u2580";
constexpr std::string_view kEndOfRow = "\x1b[0m\x1b[K";
constexpr std::string_view kRowBreak = "\r\n";

struct Colour {
  std::uint8_t r;
  std::uint8_t g;
  std::uint8_t b;
  friend bool operator==(const Colour&, const Colour&) = default;
};

// The frame's text made safe to print (control characters could steer the terminal) and cut
// into rows of at most `columns` characters.
std::vector<std::string> text_rows(const hal::FrameText& text, int columns) {
  std::vector<std::string> rows;
  for (const std::string& line : text.lines) {
    std::string row;
    int length = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto byte = static_cast<unsigned char>(line[i]);
      const bool continuation = (byte & 0xC0u) == 0x80u;
      // C1 controls arrive as U+0080..U+009F, i.e. 0xC2 0x80..0x9F.
      const bool c1 = byte == 0xC2 && i + 1 < line.size() &&
                      static_cast<unsigned char>(line[i + 1]) >= 0x80 &&
                      static_cast<unsigned char>(line[i + 1]) <= 0x9F;
      if (!continuation && length == columns) {
        rows.push_back(std::move(row));
        row.clear();
        length = 0;
      }
      if (byte < 0x20 || byte == 0x7F || c1) {
        row += '?';
        ++length;
        if (c1)
          ++i;
        continue;
      }
      row += static_cast<char>(byte);
      if (!continuation)
        ++length;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void append_colour(std::string& out, int layer, const Colour& c) {
  out += "\x1b[";
  out += std::to_string(layer);
  out += ";2;";
  out += std::to_string(c.r);
  out += ';';
  out += std::to_string(c.g);
  out += ';';
  out += std::to_string(c.b);
  out += 'm';
}

void append_picture(std::string& out, const hal::Framebuffer& pixels, int factor) {
  const std::vector<std::uint8_t> rgb = to_rgb24(pixels);
  // Each cell samples the middle of its factor x factor block, never averages: averaging
  // greys out module edges that fall inside a block.
  const auto sample = [&](int cx, int py) {
    const int x = std::min(cx * factor + factor / 2, pixels.width - 1);
    const int y = std::min(py * factor + factor / 2, pixels.height - 1);
    const std::size_t at = (static_cast<std::size_t>(y) * pixels.width + x) * 3;
    return Colour{rgb[at], rgb[at + 1], rgb[at + 2]};
  };
  const int columns = (pixels.width + factor - 1) / factor;
  const int picture_rows = (pixels.height + factor - 1) / factor;
  for (int py = 0; py < picture_rows; py += 2) {
    if (py > 0)
      out += kRowBreak;
    std::optional<Colour> fg;
    std::optional<Colour> bg;
    bool default_bg = false;
    for (int cx = 0; cx < columns; ++cx) {
      const Colour upper = sample(cx, py);
      if (fg != upper)
        append_colour(out, 38, upper);
      fg = upper;
      if (py + 1 < picture_rows) {
        const Colour lower = sample(cx, py + 1);
        if (bg != lower)
          append_colour(out, 48, lower);
        bg = lower;
      } else if (!default_bg) {
        out += "\x1b[49m";
        default_bg = true;
      }
      out += kUpperHalfBlock;
    }
    out += kEndOfRow;
  }
}

int picture_cell_rows(const hal::Framebuffer& pixels, int factor) {
  const int picture_rows = (pixels.height + factor - 1) / factor;
  return (picture_rows + 1) / 2;
}

int picture_columns(const hal::Framebuffer& pixels, int factor) {
  return (pixels.width + factor - 1) / factor;
}

void append_rows(std::string& out, const std::vector<std::string>& rows, std::size_t limit) {
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
    if (!out.empty())
      out += kRowBreak;
    out += rows[i];
    out += kEndOfRow;
  }
}

}  // namespace

std::string render_console_frame(const hal::Framebuffer& pixels, const hal::FrameText& text,
                                 TerminalSize terminal) {
  std::string out;
  const int columns = std::max(terminal.columns, 1);
  const std::vector<std::string> rows = text_rows(text, columns);
  const int text_height = static_cast<int>(rows.size());
  for (const int factor : kScaleFactors) {
    const int needed_rows = picture_cell_rows(pixels, factor) + 1 + text_height;
    if (picture_columns(pixels, factor) > terminal.columns || needed_rows > terminal.rows)
      continue;
    append_picture(out, pixels, factor);
    out += kRowBreak;
    out += kEndOfRow;  // a blank row between the picture and its words
    append_rows(out, rows, rows.size());
    return out;
  }

  constexpr int kLargest = kScaleFactors[std::size(kScaleFactors) - 1];
  const int need_columns = picture_columns(pixels, kLargest);
  const int need_rows = picture_cell_rows(pixels, kLargest) + 1 +
                        static_cast<int>(text_rows(text, need_columns).size());
  out = "Enlarge the terminal to at least " + std::to_string(need_columns) + "x" +
        std::to_string(need_rows) + " (now " + std::to_string(terminal.columns) + "x" +
        std::to_string(terminal.rows) + ") to see the screen.";
  out.resize(std::min(out.size(), static_cast<std::size_t>(columns)));
  out += kEndOfRow;
  append_rows(out, rows, static_cast<std::size_t>(std::max(terminal.rows - 1, 0)));
  return out;
}

ConsoleDisplay::ConsoleDisplay(int fd, std::string legend)
    : fd_(fd), is_terminal_(::isatty(fd) == 1), legend_(std::move(legend)) {}

ConsoleDisplay::~ConsoleDisplay() {
  if (drawn_)
    write_all(fd_, "\x1b[0m\r\n\x1b[?25h");
}

void ConsoleDisplay::on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) {
  if (!is_terminal_)
    return;
  winsize size{};
  TerminalSize terminal{80, 24};
  if (::ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 && size.ws_row > 0) {
    terminal = TerminalSize{size.ws_col, size.ws_row};
  }
  std::string out;
  // Clearing the whole screen flickers, so only the first frame and a resize do it; later
  // frames overwrite in place and clear what is left below.
  if (!drawn_ || terminal.columns != last_size_.columns || terminal.rows != last_size_.rows) {
    out += "\x1b[?25l\x1b[2J";
  }
  out += "\x1b[H\x1b[0m";
  if (legend_.empty()) {
    out += render_console_frame(pixels, text, terminal);
  } else {
    hal::FrameText with_legend = text;
    with_legend.lines.push_back(legend_);
    out += render_console_frame(pixels, with_legend, terminal);
  }
  out += "\x1b[0m\x1b[J";
  drawn_ = true;
  last_size_ = terminal;
  write_all(fd_, out);
}

}  // namespace linkpos::drivers::sim
