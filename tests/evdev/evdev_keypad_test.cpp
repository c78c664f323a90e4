#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <linux/input.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "drivers/evdev/evdev_keypad.hpp"
#include "evdev/input_feed.hpp"
#include "support/run_until.hpp"

namespace linkpos::drivers::evdev {
namespace {

using hal::Key;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::key_press;
using testing::run_until;
using testing::write_bytes;

// A keypad reading a pipe the test writes input_event records into, as a device would hand
// them out; no device path, so nothing is reopened.
class EvdevKeypadTest : public ::testing::Test {
 protected:
  EvdevKeypadTest() {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0)
      throw std::runtime_error("pipe2 failed");
    reader_ = ends[0];
    writer_ = ends[1];
  }
  ~EvdevKeypadTest() override {
    keypad_.reset();
    if (writer_ >= 0)
      close(writer_);
  }

  void start(KeyMap map = default_key_map()) {
    EvdevSettings settings;
    settings.device.clear();
    settings.key_map = std::move(map);
    keypad_ = std::make_unique<EvdevKeypad>(
        io_, reader_, settings, [this](std::string_view m) { warnings_.emplace_back(m); });
    keypad_->start([this](Key key) { pressed_.push_back(key); });
  }

  void send(const std::vector<std::uint8_t>& bytes) { write_bytes(writer_, bytes); }

  bool run_until_pressed(std::size_t count) {
    return run_until(io_, [&] { return pressed_.size() >= count; });
  }

  boost::asio::io_context io_;
  int reader_ = -1;
  int writer_ = -1;
  std::unique_ptr<EvdevKeypad> keypad_;
  std::vector<Key> pressed_;
  std::vector<std::string> warnings_;
};

TEST_F(EvdevKeypadTest, PressesArriveInOrderOnTheLoopNeverInsideStart) {
  send(key_press(KEY_KP1));
  send(key_press(KEY_KP2));
  send(key_press(KEY_KPENTER));
  start();
  EXPECT_TRUE(pressed_.empty());
  ASSERT_TRUE(run_until_pressed(3));
  EXPECT_THAT(pressed_, ElementsAre(Key::k1, Key::k2, Key::kCharge));
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(EvdevKeypadTest, ReleasesAutoRepeatOtherEventsAndUnmappedKeysAreIgnored) {
  start();
  send(key_press(KEY_5));
  send(testing::input_record(EV_MSC, MSC_SCAN, 0x70022));
  send(testing::input_record(EV_KEY, KEY_5, 2));  // auto-repeat
  send(testing::input_record(EV_KEY, KEY_5, 2));
  send(testing::input_record(EV_KEY, KEY_5, 0));  // release
  send(testing::input_record(EV_SYN, SYN_REPORT, 0));
  send(key_press(KEY_A));                           // not in the map
  send(testing::input_record(EV_REL, KEY_KP3, 1));  // a key's code, but not a key event
  send(key_press(KEY_ESC));  // the last one: once it is there, all before it were read
  ASSERT_TRUE(run_until_pressed(2));
  EXPECT_THAT(pressed_, ElementsAre(Key::k5, Key::kCancel));
}

TEST_F(EvdevKeypadTest, ARecordSplitAcrossTwoWritesIsOneKey) {
  start();
  std::vector<std::uint8_t> first = key_press(KEY_KP7);
  const std::vector<std::uint8_t> second = key_press(KEY_KP8);
  const std::size_t half = second.size() / 2;
  first.insert(first.end(), second.begin(), second.begin() + static_cast<std::ptrdiff_t>(half));
  send(first);  // one write: one read takes the whole record and half the next
  ASSERT_TRUE(run_until_pressed(1));
  io_.poll();
  EXPECT_THAT(pressed_, ElementsAre(Key::k7));
  send({second.begin() + static_cast<std::ptrdiff_t>(half), second.end()});
  ASSERT_TRUE(run_until_pressed(2));
  EXPECT_THAT(pressed_, ElementsAre(Key::k7, Key::k8));
}

TEST_F(EvdevKeypadTest, ACustomMapReplacesTheDefault) {
  const auto custom = parse_key_map({{"KEY_KPASTERISK", "CANCEL"}, {"KEY_A", "7"}});
  ASSERT_TRUE(std::holds_alternative<KeyMap>(custom));
  start(std::get<KeyMap>(custom));
  send(key_press(KEY_KP1));  // a digit by default, nothing now
  send(key_press(KEY_KPASTERISK));
  send(key_press(KEY_A));
  ASSERT_TRUE(run_until_pressed(2));
  EXPECT_THAT(pressed_, ElementsAre(Key::kCancel, Key::k7));
}

TEST_F(EvdevKeypadTest, AnInputThatEndsWithoutADeviceToReopenIsWarnedOnceAndLeftAlone) {
  start();
  send(key_press(KEY_KP4));
  ASSERT_TRUE(run_until_pressed(1));
  close(writer_);
  writer_ = -1;
  ASSERT_TRUE(run_until(io_, [&] { return !warnings_.empty(); }));
  EXPECT_THAT(warnings_, ElementsAre(HasSubstr("is gone (end of input); no more keys")));
  // Nothing is left to do: no read pending, no reopen timer.
  io_.restart();
  EXPECT_EQ(io_.run(), 0u);
  EXPECT_EQ(warnings_.size(), 1u);
}

}  // namespace
}  // namespace linkpos::drivers::evdev
