#include "drivers/sim/console_display.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "drivers/sim/png_snapshots.hpp"
#include "support/test_framebuffer.hpp"
#include "support/zbar.hpp"
#include "tests/fakes/temp_dir.hpp"
#include "ui/canvas.hpp"
#include "ui/screen_painter.hpp"

namespace linkpos::drivers::sim {
namespace {

using testing::TempDir;
using testing::TestFramebuffer;

const std::string kUrl =
    "https://www.example-shop.com/payment-links/6a206d71-52f5-4012-b3dd-8a283fea052e";
constexpr std::string_view kHalfBlock = "\u2580";

ui::Screen qr_screen() {
  return ui::Screen{
      "qr",
      "Scan to pay",
      {ui::ScreenLine{"€12.50", ui::TextStyle::kHuge, ui::TextAlign::kCenter},
       ui::ScreenLine{"Time left 14:59"}, ui::ScreenLine{kUrl, ui::TextStyle::kSmall}},
      kUrl,
      "CANCEL stop"};
}

// The terminal's view of render_console_frame's output: the half-block cells turned back into
// pixels (two per cell), and the plain text rows under them.
struct Screenful {
  int width = 0;
  int height = 0;
  std::vector<ui::Rgb> pixels;
  std::vector<std::string> text_rows;
  int rows = 0;
  int widest_row = 0;  // in characters
};

Screenful parse(const std::string& out) {
  Screenful screen;
  std::vector<std::vector<ui::Rgb>> upper_rows;
  std::vector<std::vector<ui::Rgb>> lower_rows;
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t end = out.find("\r\n", start);
    if (end == std::string::npos)
      end = out.size();
    const std::string row = out.substr(start, end - start);
    start = end + 2;
    ++screen.rows;

    ui::Rgb fg, bg;
    std::vector<ui::Rgb> upper, lower;
    std::string text;
    int characters = 0;
    for (std::size_t i = 0; i < row.size();) {
      if (row[i] == '\x1b') {
        const std::size_t final_byte = row.find_first_of("mKJH", i + 2);
        const std::string params = row.substr(i + 2, final_byte - i - 2);
        if (row[final_byte] == 'm') {
          std::vector<int> n;
          std::size_t p = 0;
          while (p < params.size()) {
            n.push_back(std::atoi(params.c_str() + p));
            const std::size_t semi = params.find(';', p);
            p = semi == std::string::npos ? params.size() : semi + 1;
          }
          if (n.size() == 5 && n[0] == 38)
            fg = ui::Rgb{std::uint8_t(n[2]), std::uint8_t(n[3]), std::uint8_t(n[4])};
          if (n.size() == 5 && n[0] == 48)
            bg = ui::Rgb{std::uint8_t(n[2]), std::uint8_t(n[3]), std::uint8_t(n[4])};
        }
        i = final_byte + 1;
      } else if (row.compare(i, kHalfBlock.size(), kHalfBlock) == 0) {
        upper.push_back(fg);
        lower.push_back(bg);
        ++characters;
        i += kHalfBlock.size();
      } else {
        if ((static_cast<unsigned char>(row[i]) & 0xC0) != 0x80)
          ++characters;
        text += row[i];
        ++i;
      }
    }
    screen.widest_row = std::max(screen.widest_row, characters);
    if (!upper.empty()) {
      upper_rows.push_back(upper);
      lower_rows.push_back(lower);
    } else {
      screen.text_rows.push_back(text);
    }
  }
  if (!upper_rows.empty()) {
    screen.width = static_cast<int>(upper_rows[0].size());
    screen.height = static_cast<int>(upper_rows.size()) * 2;
    for (std::size_t r = 0; r < upper_rows.size(); ++r) {
      screen.pixels.insert(screen.pixels.end(), upper_rows[r].begin(), upper_rows[r].end());
      screen.pixels.insert(screen.pixels.end(), lower_rows[r].begin(), lower_rows[r].end());
    }
  }
  return screen;
}

// The parsed cells as a PNG, each cell pixel `zoom` x `zoom` as a terminal font would show it.
void save(const Screenful& screen, int zoom, const std::string& path) {
  TestFramebuffer fb(screen.width * zoom, screen.height * zoom);
  ui::Canvas canvas(fb.view());
  for (int y = 0; y < screen.height; ++y) {
    for (int x = 0; x < screen.width; ++x) {
      canvas.fill_rect(ui::Rect{x * zoom, y * zoom, zoom, zoom},
                       screen.pixels[static_cast<std::size_t>(y) * screen.width + x]);
    }
  }
  ASSERT_TRUE(write_png(path, fb.view()).ok());
}

struct Painted {
  TestFramebuffer fb{320, 240};
  hal::FrameText text;
  Painted() { text = ui::paint_screen(qr_screen(), fb.view()); }
};

TEST(ConsoleDisplayTest, AQrScreenOnA100By45TerminalScansAndKeepsItsWords) {
  Painted painted;
  const Screenful screen = parse(render_console_frame(painted.fb.view(), painted.text, {100, 45}));
  EXPECT_EQ(screen.width, 80);  // shrunk by 4
  EXPECT_EQ(screen.height, 60);
  EXPECT_LE(screen.rows, 45);
  EXPECT_LE(screen.widest_row, 100);
  TempDir dir;
  save(screen, 4, dir.file("terminal.png"));
  EXPECT_EQ(testing::zbar_decode(dir.file("terminal.png")), kUrl);
  std::vector<std::string> words(screen.text_rows.begin() + 1, screen.text_rows.end());
  EXPECT_EQ(words.front(), "Scan to pay");
  EXPECT_NE(std::find(words.begin(), words.end(), "€12.50"), words.end());
  EXPECT_EQ(words.back(), "CANCEL stop");
}

TEST(ConsoleDisplayTest, UsesTheSmallestShrinkThatFits) {
  Painted painted;
  const Screenful halved = parse(render_console_frame(painted.fb.view(), painted.text, {170, 80}));
  EXPECT_EQ(halved.width, 160);
  EXPECT_EQ(halved.height, 120);
  TempDir dir;
  save(halved, 2, dir.file("halved.png"));
  EXPECT_EQ(testing::zbar_decode(dir.file("halved.png")), kUrl);

  // At full size every pixel comes through unchanged.
  const Screenful full = parse(render_console_frame(painted.fb.view(), painted.text, {330, 140}));
  ASSERT_EQ(full.width, 320);
  ASSERT_EQ(full.height, 240);
  const ui::Canvas original(painted.fb.view());
  int differing = 0;
  for (int y = 0; y < 240; ++y) {
    for (int x = 0; x < 320; ++x) {
      if (full.pixels[static_cast<std::size_t>(y) * 320 + x] != original.pixel(x, y))
        ++differing;
    }
  }
  EXPECT_EQ(differing, 0);
}

TEST(ConsoleDisplayTest, ATinyTerminalGetsTheWordsAndTheSizeItNeeds) {
  Painted painted;
  const std::string out = render_console_frame(painted.fb.view(), painted.text, {40, 12});
  const Screenful screen = parse(out);
  EXPECT_EQ(out.find(kHalfBlock), std::string::npos);
  EXPECT_LE(screen.rows, 12);
  EXPECT_LE(screen.widest_row, 40);
  ASSERT_FALSE(screen.text_rows.empty());
  EXPECT_EQ(screen.text_rows[0].rfind("Enlarge the terminal to at least 80x", 0), 0u)
      << screen.text_rows[0];
  EXPECT_EQ(screen.text_rows[1], "Scan to pay");

  const Screenful wide_note =
      parse(render_console_frame(painted.fb.view(), painted.text, {90, 20}));
  EXPECT_NE(wide_note.text_rows[0].find("at least 80x"), std::string::npos);
  EXPECT_NE(wide_note.text_rows[0].find("(now 90x20)"), std::string::npos)
      << wide_note.text_rows[0];
}

TEST(ConsoleDisplayTest, ControlCharactersInTheTextCannotSteerTheTerminal) {
  TestFramebuffer fb(8, 8);
  const hal::FrameText text{"error",
                            {"bad\x1b]0;title\x07 \xC2\x9B"
                             "2J reply"}};
  const std::string out = render_console_frame(fb.view(), text, {80, 24});
  EXPECT_EQ(out.find("\x1b]"), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos);
  EXPECT_NE(out.find("bad?]0;title? ?2J reply"), std::string::npos);
}

TEST(ConsoleDisplayTest, StaysSilentWhenNotATerminal) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_NONBLOCK), 0);
  {
    ConsoleDisplay console(fds[1]);
    EXPECT_FALSE(console.is_terminal());
    Painted painted;
    console.on_frame(painted.fb.view(), painted.text);
  }
  char byte;
  EXPECT_EQ(::read(fds[0], &byte, 1), -1);
  EXPECT_EQ(errno, EAGAIN);
  ::close(fds[0]);
  ::close(fds[1]);
}

// Everything available on the pseudo-terminal's master side.
std::string drain(int master) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(master, buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

TEST(ConsoleDisplayTest, OnATerminalRedrawsInPlaceAndRestoresTheCursor) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
  ASSERT_GE(master, 0);
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  // A small window keeps each frame well inside the pty's buffer.
  winsize size{};
  size.ws_col = 30;
  size.ws_row = 8;
  ASSERT_EQ(::ioctl(slave, TIOCSWINSZ, &size), 0);

  Painted painted;
  std::string first, second, last;
  {
    ConsoleDisplay console(slave);
    EXPECT_TRUE(console.is_terminal());
    console.on_frame(painted.fb.view(), painted.text);
    first = drain(master);
    console.on_frame(painted.fb.view(), painted.text);
    second = drain(master);
  }
  last = drain(master);
  EXPECT_NE(first.find("\x1b[?25l"), std::string::npos);  // cursor hidden
  EXPECT_NE(first.find("\x1b[2J"), std::string::npos);    // the one full clear
  EXPECT_NE(first.find("Scan to pay"), std::string::npos);
  EXPECT_EQ(second.find("\x1b[2J"), std::string::npos);
  EXPECT_EQ(second.rfind("\x1b[H", 0), 0u) << "second frame starts at home";
  EXPECT_NE(second.find("Enlarge the terminal"), std::string::npos);
  EXPECT_NE(last.find("\x1b[?25h"), std::string::npos);  // cursor back
  ::close(slave);
  ::close(master);
}

}  // namespace
}  // namespace linkpos::drivers::sim
