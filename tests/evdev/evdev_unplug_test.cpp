#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "drivers/evdev/evdev_keypad.hpp"
#include "evdev/input_feed.hpp"
#include "fakes/temp_dir.hpp"
#include "support/run_until.hpp"

namespace linkpos::drivers::evdev {
namespace {

using hal::Key;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::key_press;
using testing::run_until;
using testing::write_bytes;

// The keypad's device is a FIFO at a path: the test plugs it in by opening its writing end,
// and unplugs it by closing that, which the keypad reads as the end of the device.
class EvdevUnplugTest : public ::testing::Test {
 protected:
  EvdevUnplugTest() : device_(dir_.file("event3")) {}
  ~EvdevUnplugTest() override {
    keypad_.reset();
    unplug();
  }

  void make_device() {
    if (mkfifo(device_.c_str(), 0600) != 0)
      throw std::runtime_error("mkfifo failed");
  }
  // Read-write, so opening does not wait for a reader and the FIFO keeps what is written
  // while the keypad has it closed.
  void plug_in() { writer_ = open(device_.c_str(), O_RDWR | O_CLOEXEC); }
  void unplug() {
    if (writer_ >= 0)
      close(writer_);
    writer_ = -1;
  }

  void start() {
    EvdevSettings settings;
    settings.device = device_;
    settings.reopen_interval = std::chrono::milliseconds(10);
    keypad_ = std::make_unique<EvdevKeypad>(
        io_, settings, [this](std::string_view m) { warnings_.emplace_back(m); });
    keypad_->start([this](Key key) { pressed_.push_back(key); });
  }

  bool run_until_pressed(std::size_t count) {
    return run_until(io_, [&] { return pressed_.size() >= count; });
  }
  bool run_until_warned(std::size_t count) {
    return run_until(io_, [&] { return warnings_.size() >= count; });
  }

  testing::TempDir dir_;
  std::string device_;
  int writer_ = -1;
  boost::asio::io_context io_;
  std::unique_ptr<EvdevKeypad> keypad_;
  std::vector<Key> pressed_;
  std::vector<std::string> warnings_;
};

TEST_F(EvdevUnplugTest, AnUnpluggedDeviceIsReopenedWhenItIsBackAndKeysFlowAgain) {
  make_device();
  plug_in();
  start();
  write_bytes(writer_, key_press(KEY_KP1));
  ASSERT_TRUE(run_until_pressed(1));
  EXPECT_TRUE(warnings_.empty());

  unplug();
  ASSERT_TRUE(run_until_warned(1));
  EXPECT_THAT(warnings_[0], HasSubstr("keypad " + device_ + " is gone (end of input)"));
  EXPECT_THAT(warnings_[0], HasSubstr("every 10 ms"));

  plug_in();
  write_bytes(writer_, key_press(KEY_KP2));
  ASSERT_TRUE(run_until_pressed(2));
  EXPECT_THAT(pressed_, ElementsAre(Key::k1, Key::k2));
  EXPECT_THAT(warnings_, ElementsAre(HasSubstr("is gone"), "keypad " + device_ + " is back"));
}

TEST_F(EvdevUnplugTest, ADeviceMissingAtStartIsWaitedFor) {
  start();
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_THAT(warnings_[0], HasSubstr(device_ + " cannot be opened (No such file or directory)"));
  EXPECT_THAT(warnings_[0], HasSubstr("keypad.device"));

  make_device();
  plug_in();
  write_bytes(writer_, key_press(KEY_KPDOT));
  ASSERT_TRUE(run_until_pressed(1));
  EXPECT_THAT(pressed_, ElementsAre(Key::k00));
  EXPECT_THAT(warnings_, ElementsAre(HasSubstr("cannot be opened"), HasSubstr("is back")));
}

TEST_F(EvdevUnplugTest, APathThatIsNotAnInputDeviceIsRefusedAtStart) {
  { std::ofstream(device_) << "not a device"; }
  try {
    start();
    FAIL() << "a regular file was taken for a keypad";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("keypad " + device_ + ": not an input device"));
    EXPECT_THAT(error.what(), HasSubstr("/dev/input/by-id/"));
  }
}

}  // namespace
}  // namespace linkpos::drivers::evdev
