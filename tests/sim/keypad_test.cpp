#include <gtest/gtest.h>

#include <utility>

#include <boost/asio/io_context.hpp>

#include "drivers/sim/key_script.hpp"
#include "drivers/sim/keyboard_map.hpp"
#include "drivers/sim/scripted_keypad.hpp"

namespace linkpos::drivers::sim {
namespace {

using hal::Key;

TEST(KeyboardMapTest, DigitsAndTheReadmeKeysMapToTerminalKeys) {
  EXPECT_EQ(decode_keyboard("1250"), (std::vector<Key>{Key::k1, Key::k2, Key::k5, Key::k0}));
  EXPECT_EQ(decode_keyboard(".\r\x7f"
                            "cxm\t"),
            (std::vector<Key>{Key::k00, Key::kCharge, Key::kBackspace, Key::kClear, Key::kCancel,
                              Key::kMenu, Key::kMenu}));
}

TEST(KeyboardMapTest, ALoneEscIsCancelButEscapeSequencesAreTheirKeys) {
  EXPECT_EQ(decode_keyboard("\x1b"), std::vector<Key>{Key::kCancel});
  EXPECT_EQ(decode_keyboard("\x1bOP\x1b[12~\x1b[[C\x1bOS"),
            (std::vector<Key>{Key::kF1, Key::kF2, Key::kF3, Key::kF4}));
  EXPECT_EQ(decode_keyboard("\x1b[3~"), std::vector<Key>{Key::kClear});
}

TEST(KeyboardMapTest, UnknownSequencesAndLettersAreSkippedWhole) {
  // Arrow up, then a digit: the arrow's bytes must not leak out as keys.
  EXPECT_EQ(decode_keyboard("\x1b[A7q"), std::vector<Key>{Key::k7});
  EXPECT_EQ(decode_keyboard("\x1b[1;5D"), std::vector<Key>{});
}

TEST(KeyScriptTest, ParsesKeysWaitsAndSleeps) {
  const auto parsed = parse_key_script("1 2 5 0 CHARGE wait:paid sleep:250 00 F3");
  ASSERT_TRUE(std::holds_alternative<std::vector<ScriptStep>>(parsed));
  const auto& steps = std::get<std::vector<ScriptStep>>(parsed);
  ASSERT_EQ(steps.size(), 9u);
  EXPECT_EQ(std::get<KeyStep>(steps[4]).key, Key::kCharge);
  EXPECT_EQ(std::get<WaitStep>(steps[5]).screen, "paid");
  EXPECT_EQ(std::get<SleepStep>(steps[6]).duration, std::chrono::milliseconds(250));
  EXPECT_EQ(std::get<KeyStep>(steps[7]).key, Key::k00);
}

TEST(KeyScriptTest, ABadWordIsNamedWithTheWordsThereAre) {
  const auto parsed = parse_key_script("1 charge");
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_NE(std::get<std::string>(parsed).find("\"charge\" is not a key"), std::string::npos);
  EXPECT_NE(std::get<std::string>(parsed).find("CHARGE"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_script("sleep:soon")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_script("sleep:-5")));
}

class ScriptedKeypadTest : public ::testing::Test {
 protected:
  void present(const std::string& screen) {
    keypad->on_frame(hal::Framebuffer{}, hal::FrameText{screen, {}});
  }
  void start(const std::string& script) {
    keypad = std::make_unique<ScriptedKeypad>(
        io, std::get<std::vector<ScriptStep>>(parse_key_script(script)));
    keypad->start([this](Key key) { pressed.push_back(key); });
  }

  // Runs what is ready; io_context stops when it runs out of work, so it is restarted first.
  void poll() {
    io.restart();
    io.poll();
  }

  boost::asio::io_context io;
  std::unique_ptr<ScriptedKeypad> keypad;
  std::vector<Key> pressed;
};

TEST_F(ScriptedKeypadTest, PressesKeysInOrderOnTheLoopNeverInsideStart) {
  start("1 2 CHARGE");
  EXPECT_TRUE(pressed.empty());
  io.run();
  EXPECT_EQ(pressed, (std::vector<Key>{Key::k1, Key::k2, Key::kCharge}));
}

TEST_F(ScriptedKeypadTest, WaitHoldsTheScriptUntilTheScreenIsShown) {
  start("CHARGE wait:qr CANCEL");
  poll();
  EXPECT_EQ(pressed, std::vector<Key>{Key::kCharge});
  present("creating");
  poll();
  EXPECT_EQ(pressed.size(), 1u);
  present("qr");
  poll();
  EXPECT_EQ(pressed, (std::vector<Key>{Key::kCharge, Key::kCancel}));
}

TEST_F(ScriptedKeypadTest, AScreenShownAndGoneBeforeTheWaitStillCounts) {
  start("CHARGE wait:paid 5");
  io.run_one();  // CHARGE
  present("paid");
  present("printing");
  poll();
  EXPECT_EQ(pressed, (std::vector<Key>{Key::kCharge, Key::k5}));
}

}  // namespace
}  // namespace linkpos::drivers::sim
