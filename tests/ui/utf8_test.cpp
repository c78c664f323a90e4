#include "ui/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace linkpos::ui {
namespace {

constexpr char32_t kBad = kReplacementCharacter;

TEST(Utf8Test, DecodesOneToFourByteSequences) {
  EXPECT_EQ(decode_utf8("a€é😀"), std::u32string(U"a€é😀"));
  EXPECT_EQ(decode_utf8("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF"),
            std::u32string(U"\x7F\x80\x7FF\x800\xFFFF\x10FFFF"));
  EXPECT_EQ(decode_utf8(""), std::u32string());
  EXPECT_EQ(decode_utf8(std::string("a\0b", 3)), std::u32string(U"a\0b", 3));
}

TEST(Utf8Test, StrayAndImpossibleBytesBecomeOneReplacementEach) {
  EXPECT_EQ(decode_utf8("a\x80z"), (std::u32string{U'a', kBad, U'z'}));
  EXPECT_EQ(decode_utf8("\xBF\xBF"), (std::u32string{kBad, kBad}));
  EXPECT_EQ(decode_utf8("\xC0\xC1\xF5\xFF"), (std::u32string{kBad, kBad, kBad, kBad}));
}

TEST(Utf8Test, TruncatedSequencesBecomeOneReplacementAndKeepTheNextCharacter) {
  EXPECT_EQ(decode_utf8("\xE2\x82"), (std::u32string{kBad}));
  EXPECT_EQ(decode_utf8("\xE2\x82z"), (std::u32string{kBad, U'z'}));
  EXPECT_EQ(decode_utf8("\xF0\x9F\x98"), (std::u32string{kBad}));
  EXPECT_EQ(decode_utf8("\xC3"), (std::u32string{kBad}));
  EXPECT_EQ(decode_utf8("\xE2\x82\xC3\xA9"), (std::u32string{kBad, U'é'}));
}

TEST(Utf8Test, OverlongFormsSurrogatesAndValuesBeyondUnicodeAreRejected) {
  EXPECT_EQ(decode_utf8("\xC0\xAF"), (std::u32string{kBad, kBad}));            // overlong '/'
  EXPECT_EQ(decode_utf8("\xE0\x80\xAF"), (std::u32string{kBad, kBad, kBad}));  // overlong '/'
  EXPECT_EQ(decode_utf8("\xF0\x80\x80\xAF"), (std::u32string{kBad, kBad, kBad, kBad}));
  EXPECT_EQ(decode_utf8("\xED\xA0\x80"), (std::u32string{kBad, kBad, kBad}));  // U+D800
  EXPECT_EQ(decode_utf8("\xF4\x90\x80\x80"), (std::u32string{kBad, kBad, kBad, kBad}));
}

TEST(Utf8Test, EveryByteValueAloneAndInPairsDecodesWithoutHarm) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string bytes{static_cast<char>(a), static_cast<char>(b)};
      const std::u32string decoded = decode_utf8(bytes);
      ASSERT_GE(decoded.size(), 1u);
      ASSERT_LE(decoded.size(), 2u);
      for (const char32_t c : decoded) {
        ASSERT_TRUE(c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF));
      }
    }
  }
}

}  // namespace
}  // namespace linkpos::ui
