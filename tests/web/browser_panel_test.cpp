#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <png.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "drivers/escpos/text_render.hpp"
#include "drivers/sim/sim_display.hpp"
#include "drivers/sim/web/browser_panel.hpp"
#include "drivers/sim/web/panel_printer.hpp"
#include "drivers/sim/web/panel_protocol.hpp"
#include "drivers/sim/web/panel_server.hpp"
#include "support/run_until.hpp"
#include "web/panel_client.hpp"

namespace linkpos::drivers::sim::web {
namespace {

using hal::Key;
using linkpos::testing::http_get;
using linkpos::testing::PanelClient;
using linkpos::testing::run_until;

constexpr int kWidth = 48;
constexpr int kHeight = 32;

struct Rgb {
  std::uint8_t r, g, b;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct DecodedPng {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;
};

// Decoded by libpng, as a browser would; nullopt when the bytes are not a PNG.
std::optional<DecodedPng> decode_png(const std::string& bytes) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0)
    return std::nullopt;
  image.format = PNG_FORMAT_RGB;
  DecodedPng decoded{static_cast<int>(image.width), static_cast<int>(image.height),
                     std::vector<std::uint8_t>(PNG_IMAGE_SIZE(image))};
  if (png_image_finish_read(&image, nullptr, decoded.rgb.data(), 0, nullptr) == 0) {
    png_image_free(&image);
    return std::nullopt;
  }
  return decoded;
}

// A printer that takes every job and reports `outcome` for it on the loop.
class RecordingPrinter final : public hal::Printer {
 public:
  RecordingPrinter(boost::asio::io_context& io, std::optional<hal::PrintError> outcome)
      : io_(io), outcome_(std::move(outcome)) {}

  void print(const hal::ReceiptDocument& document, hal::PrintDone done) override {
    jobs.push_back(document.job_name);
    boost::asio::post(io_, [done = std::move(done), outcome = outcome_] { done(outcome); });
  }

  std::vector<std::string> jobs;

 private:
  boost::asio::io_context& io_;
  std::optional<hal::PrintError> outcome_;
};

class BrowserPanelTest : public ::testing::Test {
 protected:
  BrowserPanelTest() {
    display.add_sink(panel);
    panel.start([this](Key key) { pressed.push_back(key); });
  }

  // Fills the screen with one colour and presents it as `screen` saying `line`.
  void present(Rgb colour, const std::string& screen, const std::string& line) {
    const hal::Framebuffer fb = display.framebuffer();
    for (std::size_t i = 0; i + 3 < fb.bytes.size(); i += 4) {
      fb.bytes[i] = colour.b;
      fb.bytes[i + 1] = colour.g;
      fb.bytes[i + 2] = colour.r;
      fb.bytes[i + 3] = 0;
    }
    display.present({screen, {line}});
  }

  // Waits for `client` to hold `count` messages.
  bool receive(const PanelClient& client, std::size_t count) {
    return run_until(io, [&] { return client.messages().size() >= count || client.closed(); });
  }

  std::string origin() const { return "http://127.0.0.1:" + std::to_string(panel.port()); }

  boost::asio::io_context io;
  std::ostringstream log;
  SimDisplay display{kWidth, kHeight};
  BrowserPanel panel{io, PanelSettings{"127.0.0.1", 0}, log};
  std::vector<Key> pressed;
};

// Each frame is its text, then its picture.
void expect_frame(const PanelClient& client, std::size_t at, const std::string& screen,
                  const std::string& line, Rgb colour) {
  ASSERT_GE(client.messages().size(), at + 2);
  const auto& text = client.messages()[at];
  ASSERT_FALSE(text.binary);
  const auto json = nlohmann::json::parse(text.data);
  EXPECT_EQ(json["screen"], screen);
  EXPECT_EQ(json["lines"], nlohmann::json::array({line}));
  const auto& picture = client.messages()[at + 1];
  ASSERT_TRUE(picture.binary);
  const auto png = decode_png(picture.data);
  ASSERT_TRUE(png);
  EXPECT_EQ(png->width, kWidth);
  EXPECT_EQ(png->height, kHeight);
  EXPECT_EQ((Rgb{png->rgb[0], png->rgb[1], png->rgb[2]}), colour);
  const std::size_t last = png->rgb.size() - 3;
  EXPECT_EQ((Rgb{png->rgb[last], png->rgb[last + 1], png->rgb[last + 2]}), colour);
}

TEST_F(BrowserPanelTest, ListensOnLoopbackOnThePortItReports) {
  EXPECT_NE(panel.port(), 0);
  EXPECT_EQ(panel.url(), "http://127.0.0.1:" + std::to_string(panel.port()) + "/");
  EXPECT_EQ(log.str(), "linkpos: browser panel at " + panel.url() + "\n");
}

TEST_F(BrowserPanelTest, AnAddressItCannotUseIsAStartUpFailureNamingIt) {
  try {
    BrowserPanel other(io, PanelSettings{"127.0.0.1", panel.port()}, log);
    FAIL() << "a second panel listened on a taken port";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(panel.url()), std::string::npos) << error.what();
  }
  EXPECT_THROW(BrowserPanel(io, PanelSettings{"pos.example", 0}, log), std::runtime_error);
}

TEST_F(BrowserPanelTest, ServesItsSelfContainedPageAtTheRoot) {
  const auto page = http_get(io, panel.port(), "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.headers.at("content-security-policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(page.body.find("data-key=\"CHARGE\""), std::string::npos);
  EXPECT_NE(page.body.find("/ws"), std::string::npos);
  // Nothing from elsewhere: it works offline.
  EXPECT_EQ(page.body.find("http://"), std::string::npos);
  EXPECT_EQ(page.body.find("https://"), std::string::npos);
  EXPECT_EQ(http_get(io, panel.port(), "/other").status, 404);
  EXPECT_EQ(http_get(io, panel.port(), "/", "rebound.example:80").status, 403);
}

TEST_F(BrowserPanelTest, ANewPageGetsTheCurrentFrameAtOnce) {
  present({200, 30, 40}, "idle", "Enter an amount");
  PanelClient client(io, panel.port(), origin());
  ASSERT_TRUE(receive(client, 2));
  expect_frame(client, 0, "idle", "Enter an amount", {200, 30, 40});
}

TEST_F(BrowserPanelTest, EveryPageSeesEachNewFrame) {
  PanelClient first(io, panel.port());
  PanelClient second(io, panel.port(), origin());
  ASSERT_TRUE(run_until(io, [&] { return first.open() && second.open(); }));
  present({10, 220, 30}, "amount", "12.50");
  ASSERT_TRUE(receive(first, 2));
  ASSERT_TRUE(receive(second, 2));
  expect_frame(first, 0, "amount", "12.50", {10, 220, 30});
  expect_frame(second, 0, "amount", "12.50", {10, 220, 30});
}

TEST_F(BrowserPanelTest, KeysPressedOnThePageReachTheKeypadInOrder) {
  PanelClient client(io, panel.port(), origin());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  client.send_text(R"({"key": "1"})");
  client.send_text(R"({"key": "00"})");
  client.send_text(R"({"key": "CHARGE"})");
  ASSERT_TRUE(run_until(io, [&] { return pressed.size() == 3; }));
  EXPECT_EQ(pressed, (std::vector<Key>{Key::k1, Key::k00, Key::kCharge}));
}

TEST_F(BrowserPanelTest, GarbageAndUnknownKeysAreLoggedAndIgnored) {
  PanelClient client(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  client.send_text("CHARGE");
  client.send_text(R"({"key": "charge"})");
  client.send_text(R"({"key": 13})");
  client.send_binary(std::string("\x89PNG", 4));
  client.send_text(R"({"key": "CANCEL"})");
  ASSERT_TRUE(run_until(io, [&] { return !pressed.empty(); }));
  EXPECT_EQ(pressed, std::vector<Key>{Key::kCancel});
  EXPECT_TRUE(client.open());
  EXPECT_NE(log.str().find("\"charge\" is not a key"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("a binary message"), std::string::npos) << log.str();
}

TEST_F(BrowserPanelTest, AnOversizeMessageClosesOnlyThatPage) {
  PanelClient flooding(io, panel.port());
  PanelClient other(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return flooding.open() && other.open(); }));
  flooding.send_text(R"({"key": "1", "pad": ")" + std::string(kMaxPageMessageBytes, 'x') + "\"}");
  ASSERT_TRUE(run_until(io, [&] { return flooding.closed(); }));
  other.send_text(R"({"key": "2"})");
  ASSERT_TRUE(run_until(io, [&] { return !pressed.empty(); }));
  EXPECT_EQ(pressed, std::vector<Key>{Key::k2});
  EXPECT_NE(log.str().find("over 256 bytes"), std::string::npos) << log.str();
}

TEST_F(BrowserPanelTest, AnotherSitesPageCannotOpenTheWebSocket) {
  PanelClient hijacker(io, panel.port(), "http://evil.example");
  ASSERT_TRUE(run_until(io, [&] { return hijacker.failed(); }));
  EXPECT_EQ(hijacker.refusal_status(), 403);
  // DNS rebinding: the other site's name now points here, so Host and Origin agree.
  const std::string rebound = "rebound.example:" + std::to_string(panel.port());
  PanelClient rebinder(io, panel.port(), "http://" + rebound, rebound);
  ASSERT_TRUE(run_until(io, [&] { return rebinder.failed(); }));
  EXPECT_EQ(rebinder.refusal_status(), 403);
  EXPECT_NE(log.str().find("refused a WebSocket from the web page at \"http://evil.example\""),
            std::string::npos)
      << log.str();
}

TEST_F(BrowserPanelTest, PagesBeyondTheLimitAreTurnedAway) {
  std::vector<std::unique_ptr<PanelClient>> pages;
  for (std::size_t i = 0; i < kMaxPages; ++i) {
    pages.push_back(std::make_unique<PanelClient>(io, panel.port()));
  }
  ASSERT_TRUE(run_until(io, [&] {
    return std::all_of(pages.begin(), pages.end(), [](const auto& page) { return page->open(); });
  }));
  PanelClient one_more(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return one_more.failed(); }));
  EXPECT_EQ(one_more.refusal_status(), 503);
  pages.pop_back();  // a page closed makes room
  PanelClient next(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return next.open() || next.failed(); }));
  EXPECT_TRUE(next.open());
}

TEST_F(BrowserPanelTest, ASlowPageGetsTheLatestFrameNotEveryFrame) {
  PanelClient client(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  // All presented before the loop turns once: the page cannot have read any of them.
  for (int i = 0; i < 50; ++i) {
    present({static_cast<std::uint8_t>(i), 0, 0}, "amount", "frame " + std::to_string(i));
  }
  ASSERT_TRUE(run_until(io, [&] {
    const auto texts = client.texts();
    return !texts.empty() && texts.back().find("frame 49") != std::string::npos &&
           client.messages().back().binary;
  }));
  // At most the frame already being written, then the latest.
  EXPECT_LE(client.texts().size(), 2u);
  expect_frame(client, client.messages().size() - 2, "amount", "frame 49", {49, 0, 0});
}

TEST_F(BrowserPanelTest, PrintedReceiptsReachThePageAndFailedJobsDoNot) {
  PanelClient client(io, panel.port(), origin());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  auto recording = std::make_unique<RecordingPrinter>(io, std::nullopt);
  RecordingPrinter& inner = *recording;
  PanelPrinter printer(std::move(recording), panel, 32);
  hal::ReceiptDocument receipt{
      "T1-01JABC", {hal::TextLine{"Thank you"}, hal::ColumnsLine{"Total", "12.50"}, hal::Cut{}}};
  std::optional<std::optional<hal::PrintError>> result;
  printer.print(receipt, [&](std::optional<hal::PrintError> error) { result = std::move(error); });
  ASSERT_TRUE(receive(client, 1));
  EXPECT_EQ(inner.jobs, std::vector<std::string>{"T1-01JABC"});
  ASSERT_TRUE(result);
  EXPECT_FALSE(*result);
  const auto json = nlohmann::json::parse(client.messages()[0].data);
  EXPECT_EQ(json["receipt"]["name"], "T1-01JABC");
  EXPECT_EQ(json["receipt"]["text"], escpos::render_text(receipt, 32));

  PanelPrinter jammed(std::make_unique<RecordingPrinter>(
                          io, hal::PrintError{hal::PrinterFault::kPaperOut, "no paper"}),
                      panel, 32);
  result.reset();
  jammed.print(receipt, [&](std::optional<hal::PrintError> error) { result = std::move(error); });
  ASSERT_TRUE(run_until(io, [&] { return result.has_value(); }));
  ASSERT_TRUE(*result);
  EXPECT_EQ((*result)->fault, hal::PrinterFault::kPaperOut);
  // Messages keep their order: a frame shown after the failed job comes next, no receipt first.
  present({1, 2, 3}, "error", "Out of paper");
  ASSERT_TRUE(receive(client, 3));
  EXPECT_EQ(nlohmann::json::parse(client.messages()[1].data)["screen"], "error");
}

TEST_F(BrowserPanelTest, APageOpenedLaterSeesTheLastReceipts) {
  panel.show_receipt("T1-A", "first\n");
  panel.show_receipt("T1-B", "second\n");
  PanelClient client(io, panel.port());
  ASSERT_TRUE(receive(client, 2));
  EXPECT_EQ(nlohmann::json::parse(client.messages()[0].data)["receipt"]["name"], "T1-A");
  EXPECT_EQ(nlohmann::json::parse(client.messages()[1].data)["receipt"]["name"], "T1-B");
}

TEST(BrowserPanelStartTest, KeysBeforeTheKeypadStartedAreIgnored) {
  boost::asio::io_context io;
  std::ostringstream log;
  BrowserPanel panel(io, PanelSettings{"localhost", 0}, log);
  PanelClient client(io, panel.port());
  ASSERT_TRUE(run_until(io, [&] { return client.open(); }));
  client.send_text(R"({"key": "1"})");
  ASSERT_TRUE(run_until(io, [&] { return log.str().find("ignored") != std::string::npos; }));
  std::vector<Key> pressed;
  panel.start([&](Key key) { pressed.push_back(key); });
  client.send_text(R"({"key": "2"})");
  ASSERT_TRUE(run_until(io, [&] { return !pressed.empty(); }));
  EXPECT_EQ(pressed, std::vector<Key>{Key::k2});
}

}  // namespace
}  // namespace linkpos::drivers::sim::web
