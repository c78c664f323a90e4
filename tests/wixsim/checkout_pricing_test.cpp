// The checkout's arithmetic: percentages as the flags give them, the discount's rounding, and a
// gift card's share of a checkout.
#include <gtest/gtest.h>

#include <vector>

#include "tools/wixsim/model/checkout_pricing.hpp"

namespace linkpos::tools::wixsim {
namespace {

TEST(CheckoutPricingTest, ReadsPercentagesFromZeroToOneHundredWithUpToThreeDecimals) {
  EXPECT_EQ(parse_percent("5"), (Percent{5'000}));
  EXPECT_EQ(parse_percent("12.5"), (Percent{12'500}));
  EXPECT_EQ(parse_percent("0"), (Percent{0}));
  EXPECT_EQ(parse_percent("100"), (Percent{100'000}));
  EXPECT_EQ(parse_percent("99.999"), (Percent{99'999}));
  for (const char* text : {"100.001", "101", "-1", "5%", "abc", "", "1e1", "12.5000"})
    EXPECT_EQ(parse_percent(text), std::nullopt) << text;
}

TEST(CheckoutPricingTest, TheDiscountedAmountIsRoundedHalfUpToThreeDecimals) {
  EXPECT_EQ(amount_due({12'350}, {5'000}), (DecimalAmount{11'733})) << "11.7325";
  EXPECT_EQ(amount_due({12'350}, {12'500}), (DecimalAmount{10'806})) << "10.80625";
  EXPECT_EQ(amount_due({10}, {55'000}), (DecimalAmount{5})) << "0.0045: a half goes up";
  EXPECT_EQ(amount_due({10}, {56'000}), (DecimalAmount{4})) << "0.0044";
  EXPECT_EQ(amount_due({12'500}, {0}), (DecimalAmount{12'500}));
  EXPECT_EQ(amount_due({12'500}, {100'000}), (DecimalAmount{0}));
}

TEST(CheckoutPricingTest, TheLargestAmountIsDiscountedWithoutOverflow) {
  EXPECT_EQ(amount_due({kMaxAmountThousandths}, {5'000}), (DecimalAmount{950'000'000'000'000'000}));
  EXPECT_EQ(amount_due({kMaxAmountThousandths - 1}, {33'333}),
            (DecimalAmount{666'670'000'000'000'000 - 1}))
      << "999999999999999.999 × 66.667 % = 666669999999999999.33333 thousandths";
}

TEST(CheckoutPricingTest, AGiftCardPaysItsShareRoundedHalfUpAndTheCardTheRest) {
  auto parts = split_payment({11'733}, {40'000});
  EXPECT_EQ(parts.gift_card, (DecimalAmount{4'693})) << "4.6932";
  EXPECT_EQ(parts.regular, (DecimalAmount{7'040}));

  parts = split_payment({5}, {50'000});
  EXPECT_EQ(parts.gift_card, (DecimalAmount{3})) << "0.0025: a half goes up";
  EXPECT_EQ(parts.regular, (DecimalAmount{2}));

  parts = split_payment({12'500}, {100'000});
  EXPECT_EQ(parts.gift_card, (DecimalAmount{12'500}));
  EXPECT_EQ(parts.regular, (DecimalAmount{0}));

  parts = split_payment({12'500}, {0});
  EXPECT_EQ(parts.gift_card, (DecimalAmount{0}));
  EXPECT_EQ(parts.regular, (DecimalAmount{12'500}));
}

TEST(CheckoutPricingTest, TheTwoPartsAlwaysAddUpToTheAmount) {
  const std::vector<std::int64_t> amounts{1, 7, 999, 12'345, 1'000'001, kMaxAmountThousandths};
  const std::vector<std::int64_t> shares{1, 333, 33'333, 50'000, 66'667, 99'999};
  for (const std::int64_t amount : amounts) {
    for (const std::int64_t share : shares) {
      const auto parts = split_payment({amount}, {share});
      EXPECT_EQ(parts.gift_card.thousandths + parts.regular.thousandths, amount)
          << amount << " at " << share;
      EXPECT_GE(parts.regular.thousandths, 0);
    }
  }
}

}  // namespace
}  // namespace linkpos::tools::wixsim
