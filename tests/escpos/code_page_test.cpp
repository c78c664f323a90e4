#include "drivers/escpos/code_page.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

namespace linkpos::drivers::escpos {
namespace {

const CodePage kCp858{"CP858", 19};

TEST(CodePageTest, EuroIsD5AndEAcuteIs82InCp858) {
  CodePageEncoder encoder(kCp858);
  EXPECT_EQ(encoder.encode_utf8("€"), "\xD5");
  EXPECT_EQ(encoder.encode_utf8("é"), "\x82");
  EXPECT_EQ(encoder.encode_utf8("Café Zoë €12.50"),
            "Caf\x82 Zo\x89 \xD5"
            "12.50");
}

TEST(CodePageTest, CharactersTheCodePageLacksBecomeQuestionMarks) {
  CodePageEncoder cp437({"CP437", 0});
  EXPECT_EQ(cp437.encode_utf8("€5 日本 ok"), "?5 ?? ok");
  CodePageEncoder cp1252({"CP1252", 16});
  EXPECT_EQ(cp1252.encode_utf8("€ Ł"), "\x80 ?");
}

TEST(CodePageTest, InvalidUtf8BecomesOneQuestionMarkPerByte) {
  CodePageEncoder encoder(kCp858);
  EXPECT_EQ(encoder.encode_utf8("Caf\xE9"), "Caf?");  // Latin-1, not UTF-8
  EXPECT_EQ(encoder.encode_utf8("a\xC0\x80"
                                "b"),
            "a??b");                                      // overlong NUL
  EXPECT_EQ(encoder.encode_utf8("\xED\xA0\x80"), "???");  // surrogate
  EXPECT_EQ(encoder.encode_utf8("\xE2\x82"), "??");       // cut short at the end
  EXPECT_EQ(encoder.encode_utf8("\xE2\x82"
                                "A"),
            "??A");                                         // cut short, then ASCII
  EXPECT_EQ(encoder.encode_utf8("\xF4\x90\x80\x80"), "?");  // beyond U+10FFFF
  EXPECT_EQ(encoder.encode_utf8("\xFF\xFE"), "??");
}

TEST(CodePageTest, ControlCharactersNeverReachThePrinter) {
  CodePageEncoder encoder(kCp858);
  EXPECT_EQ(encoder.encode_utf8("\x1B@x\n\t\x7F"), "?@x???");
  EXPECT_EQ(encoder.encode_utf8("\xC2\x9B"), "?");  // C1 CSI
  EXPECT_EQ(encoder.encode(U"\x1D"
                           "V"),
            "?V");  // even when handed code points directly
}

TEST(CodePageTest, AnyBytesGiveOneByteOfTextPerCharacter) {
  CodePageEncoder encoder(kCp858);
  UnicodeText unicode;
  std::mt19937 random(858);
  for (int round = 0; round < 2000; ++round) {
    std::string input(random() % 40, '\0');
    for (char& byte : input) {
      byte = static_cast<char>(random() % 256);
    }
    const std::string bytes = encoder.encode_utf8(input);
    ASSERT_EQ(bytes.size(), unicode.decode(input).size());
    for (const char byte : bytes) {
      ASSERT_GE(static_cast<unsigned char>(byte), 0x20);
      ASSERT_NE(static_cast<unsigned char>(byte), 0x7F);
    }
  }
}

TEST(CodePageTest, AcceptsTheCommonPrinterTables) {
  for (const char* charset : {"CP437", "CP850", "CP858", "CP1252", "ISO-8859-15"}) {
    EXPECT_EQ(check_code_page({charset, 0}), std::nullopt) << charset;
  }
}

TEST(CodePageTest, RefusesACharsetIconvDoesNotKnowNamingIt) {
  const auto problem = check_code_page({"CP9999", 19});
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("CP9999"), std::string::npos) << *problem;
  EXPECT_NE(problem->find("not known"), std::string::npos) << *problem;
}

TEST(CodePageTest, RefusesCharsetsThatAreNotSingleByteAscii) {
  for (const char* charset : {"UTF-8", "UTF-16", "EBCDIC-US", "GB18030"}) {
    const auto problem = check_code_page({charset, 0});
    ASSERT_TRUE(problem) << charset;
    EXPECT_NE(problem->find("single-byte"), std::string::npos) << *problem;
  }
}

TEST(CodePageTest, RefusesAnEscTOutsideOneByte) {
  EXPECT_TRUE(check_code_page({"CP858", 256}));
  EXPECT_TRUE(check_code_page({"CP858", -1}));
  EXPECT_FALSE(check_code_page({"CP858", 255}));
}

TEST(CodePageTest, EncoderRefusesABadCodePageWithTheCheckMessage) {
  try {
    CodePageEncoder encoder({"NOPE-42", 0});
    FAIL() << "constructed";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("NOPE-42"), std::string::npos);
  }
}

}  // namespace
}  // namespace linkpos::drivers::escpos
