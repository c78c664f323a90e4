#include "drivers/sim/frame_log.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>

namespace linkpos::drivers::sim {
namespace {

TEST(FrameLogTest, EachFrameIsOneJsonLineWithScreenAndLines) {
  const hal::FrameText text{"qr", {"Scan to pay", "€12.50", "a \"quoted\"\nline", "CANCEL stop"}};
  const std::string line = frame_log_line(text);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line, however the text looks";
  EXPECT_NE(line.find("€12.50"), std::string::npos) << "UTF-8 kept as is";
  const nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed.at("screen"), "qr");
  EXPECT_EQ(parsed.at("lines").get<std::vector<std::string>>(), text.lines);
  EXPECT_EQ(line.rfind("{\"screen\":\"qr\",\"lines\":[\"Scan to pay\",", 0), 0u)
      << "compact, the screen's name first";
}

TEST(FrameLogTest, InvalidUtf8IsReplacedRatherThanThrown) {
  const std::string line = frame_log_line(hal::FrameText{"error", {"bad \xFF byte"}});
  const nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed.at("lines").at(0), "bad \xEF\xBF\xBD byte");
}

TEST(FrameLogTest, WritesEveryFrameToItsDescriptorAsItComes) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_NONBLOCK), 0);
  FrameLog log(fds[1]);
  const hal::Framebuffer none{};
  log.on_frame(none, hal::FrameText{"idle", {"Key in an amount"}});
  log.on_frame(none, hal::FrameText{"amount", {}});
  char buffer[512];
  const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(n)),
            "{\"screen\":\"idle\",\"lines\":[\"Key in an amount\"]}\n"
            "{\"screen\":\"amount\",\"lines\":[]}\n");
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace linkpos::drivers::sim
