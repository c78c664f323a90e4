#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <linux/input-event-codes.h>

#include "drivers/evdev/key_map.hpp"

namespace linkpos::drivers::evdev {
namespace {

using hal::Key;
using ::testing::HasSubstr;

TEST(KeyMapTest, TheDefaultMapCoversANumericKeypadAndAKeyboard) {
  const KeyMap map = default_key_map();
  EXPECT_EQ(map.at(KEY_KP0), Key::k0);
  EXPECT_EQ(map.at(KEY_KP9), Key::k9);
  EXPECT_EQ(map.at(KEY_5), Key::k5);
  EXPECT_EQ(map.at(KEY_NUMERIC_7), Key::k7);
  EXPECT_EQ(map.at(KEY_KPDOT), Key::k00);
  EXPECT_EQ(map.at(KEY_BACKSPACE), Key::kBackspace);
  EXPECT_EQ(map.at(KEY_DELETE), Key::kClear);
  EXPECT_EQ(map.at(KEY_ESC), Key::kCancel);
  EXPECT_EQ(map.at(KEY_ENTER), Key::kCharge);
  EXPECT_EQ(map.at(KEY_KPENTER), Key::kCharge);
  EXPECT_EQ(map.at(KEY_MENU), Key::kMenu);
  EXPECT_EQ(map.at(KEY_TAB), Key::kMenu);
  EXPECT_EQ(map.at(KEY_F1), Key::kF1);
  EXPECT_EQ(map.at(KEY_F4), Key::kF4);
  EXPECT_EQ(map.count(KEY_A), 0u);
  EXPECT_EQ(map.count(KEY_F5), 0u);
}

TEST(KeyMapTest, CodesAreGivenByNameOrNumberAndReplaceTheDefault) {
  const auto parsed = parse_key_map({{"KEY_KPASTERISK", "CANCEL"},
                                     {"98", "MENU"},  // KEY_KPSLASH
                                     {"0x4e", "00"},  // KEY_KPPLUS
                                     {"BTN_0", "CHARGE"}});
  ASSERT_TRUE(std::holds_alternative<KeyMap>(parsed)) << std::get<std::string>(parsed);
  EXPECT_EQ(std::get<KeyMap>(parsed), (KeyMap{{KEY_KPASTERISK, Key::kCancel},
                                              {KEY_KPSLASH, Key::kMenu},
                                              {KEY_KPPLUS, Key::k00},
                                              {BTN_0, Key::kCharge}}));
}

TEST(KeyMapTest, AnUnknownCodeNameIsNamedWithWhatToWriteInstead) {
  const auto parsed = parse_key_map({{"KEY_KP1", "1"}, {"KEY_KPSTAR", "CANCEL"}});
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_THAT(std::get<std::string>(parsed), HasSubstr("\"KEY_KPSTAR\" is not a key code"));
  EXPECT_THAT(std::get<std::string>(parsed), HasSubstr("its number"));
}

TEST(KeyMapTest, NumbersBeyondTheKernelsKeyCodesAreRefused) {
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_map({{"768", "1"}})));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_map({{"-1", "1"}})));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_map({{"0x", "1"}})));
  EXPECT_TRUE(std::holds_alternative<KeyMap>(parse_key_map({{"767", "1"}})));
}

TEST(KeyMapTest, AnUnknownTerminalKeyIsNamedWithTheKeysThereAre) {
  const auto parsed = parse_key_map({{"KEY_KPENTER", "charge"}});
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_THAT(std::get<std::string>(parsed),
              HasSubstr("\"charge\" (for KEY_KPENTER) is not a terminal key"));
  EXPECT_THAT(std::get<std::string>(parsed), HasSubstr("00 BACKSPACE CLEAR CHARGE CANCEL"));
}

TEST(KeyMapTest, AnEmptyMapIsRefused) {
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_key_map({})));
}

}  // namespace
}  // namespace linkpos::drivers::evdev
