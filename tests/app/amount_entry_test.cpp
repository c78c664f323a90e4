#include "app/amount_entry.hpp"

#include <gtest/gtest.h>

namespace linkpos::app {
namespace {

using hal::Key;

std::int64_t key_in(std::initializer_list<Key> keys) {
  AmountEntry entry;
  for (Key key : keys)
    entry.apply(key);
  return entry.minor();
}

TEST(AmountEntryTest, DigitsShiftInFromTheRightAsMinorUnits) {
  EXPECT_EQ(key_in({Key::k1, Key::k2, Key::k5, Key::k0}), 1250);
  EXPECT_EQ(key_in({Key::k0, Key::k0, Key::k7}), 7);
}

TEST(AmountEntryTest, DoubleZeroAddsTwoZeros) {
  EXPECT_EQ(key_in({Key::k5, Key::k00}), 500);
}

TEST(AmountEntryTest, BackspaceDropsTheLastDigitAndClearStartsOver) {
  EXPECT_EQ(key_in({Key::k1, Key::k2, Key::k5, Key::kBackspace}), 12);
  EXPECT_EQ(key_in({Key::k1, Key::k2, Key::kClear, Key::k3}), 3);
  EXPECT_EQ(key_in({Key::kBackspace}), 0);
}

TEST(AmountEntryTest, IgnoresDigitsBeyondTwelve) {
  AmountEntry entry;
  for (int i = 0; i < 20; ++i)
    entry.apply(Key::k9);
  EXPECT_EQ(entry.minor(), 999'999'999'999);
}

TEST(AmountEntryTest, OtherKeysDoNotEdit) {
  AmountEntry entry;
  entry.apply(Key::k4);
  EXPECT_FALSE(entry.apply(Key::kCharge));
  EXPECT_FALSE(entry.apply(Key::kMenu));
  EXPECT_EQ(entry.minor(), 4);
}

}  // namespace
}  // namespace linkpos::app
