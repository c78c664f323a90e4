#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "drivers/escpos/encoder.hpp"
#include "tests/escpos/receipt_samples.hpp"

namespace linkpos::drivers::escpos {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(LINKPOS_SOURCE_DIR) / "tests/escpos/golden/receipt_cp858.escpos";
const fs::path kActual = fs::path(LINKPOS_BINARY_DIR) / "tests/escpos/receipt_cp858.actual.escpos";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The golden bytes were checked by hand against Epson's command reference; any change to the
// encoder's output must be looked at the same way before the file is replaced.
TEST(GoldenTest, CafeReceiptInCp858MatchesTheCheckedInBytes) {
  Encoder encoder({48, {"CP858", 19}});
  const std::string actual = encoder.encode(tests::escpos::cafe_receipt());
  const std::string golden = read_file(kGolden);
  std::error_code ignored;
  fs::remove(kActual, ignored);  // a stale one from an earlier failure would mislead
  if (actual != golden) {
    fs::create_directories(kActual.parent_path());
    std::ofstream(kActual, std::ios::binary) << actual;
    FAIL() << "encoder output differs from " << kGolden << "; actual bytes written to " << kActual
           << " (compare: diff <(xxd " << kGolden.string() << ") <(xxd " << kActual.string()
           << "))";
  }
}

TEST(GoldenTest, GoldenFileSpellsEuroAndAccentsInCp858) {
  const std::string golden = read_file(kGolden);
  ASSERT_FALSE(golden.empty());
  EXPECT_EQ(golden.substr(0, 5), "\x1B@\x1Bt\x13");             // ESC @, ESC t 19
  EXPECT_NE(golden.find("Caf\x82 Zo\x89"), std::string::npos);  // é = 0x82, ë = 0x89
  EXPECT_NE(golden.find("\xD5"
                        "12.50\n"),
            std::string::npos);                               // € = 0xD5
  EXPECT_EQ(golden.find("\xE2\x82\xAC"), std::string::npos);  // no UTF-8 euro
  EXPECT_NE(golden.find("\x1B"
                        "d\x03"
                        "\x1DV\x42" +
                        std::string(1, '\0')),
            std::string::npos);
}

}  // namespace
}  // namespace linkpos::drivers::escpos
