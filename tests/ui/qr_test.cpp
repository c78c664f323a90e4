#include "ui/qr.hpp"

#include <gtest/gtest.h>

#include <string>

namespace linkpos::ui {
namespace {

TEST(QrTest, APaymentLinkUrlMakesAVersionFiveSymbol) {
  const std::optional<QrMatrix> qr =
      encode_qr("https://www.example-shop.com/payment-links/6a206d71-52f5-4012-b3dd-8a283fea052e");
  ASSERT_TRUE(qr);
  EXPECT_EQ(qr->size, 37);
  EXPECT_EQ(qr->modules.size(), 37u * 37u);
  // Finder pattern corners are dark; the separator next to them is light.
  EXPECT_TRUE(qr->dark(0, 0));
  EXPECT_TRUE(qr->dark(36, 0));
  EXPECT_TRUE(qr->dark(0, 36));
  EXPECT_FALSE(qr->dark(7, 7));
}

TEST(QrTest, TextTooLongForAnyVersionIsNoCode) {
  EXPECT_FALSE(encode_qr(std::string(3000, 'x')));
  EXPECT_TRUE(encode_qr(std::string(2000, 'x')));
}

TEST(QrTest, TextWithANulByteIsEncodedWhole) {
  const std::optional<QrMatrix> with_nul = encode_qr(std::string("a\0b", 3));
  const std::optional<QrMatrix> cut = encode_qr("a");
  ASSERT_TRUE(with_nul);
  ASSERT_TRUE(cut);
  EXPECT_NE(with_nul->modules, cut->modules);
}

}  // namespace
}  // namespace linkpos::ui
