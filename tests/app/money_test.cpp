#include "app/money.hpp"

#include <gtest/gtest.h>

namespace linkpos::app {
namespace {

Currency currency(const char* code) {
  return *currency_by_code(code);
}

TEST(MoneyTest, ExponentsFollowIso4217) {
  EXPECT_EQ(currency("JPY").exponent, 0);
  EXPECT_EQ(currency("USD").exponent, 2);
  EXPECT_EQ(currency("KWD").exponent, 3);
  EXPECT_FALSE(currency_by_code("XXX"));
  EXPECT_FALSE(currency_by_code("eur"));
}

TEST(MoneyTest, DecimalStringsHaveExactlyTheCurrencysDecimals) {
  EXPECT_EQ(to_decimal({1250, currency("JPY")}), "1250");
  EXPECT_EQ(to_decimal({1250, currency("USD")}), "12.50");
  EXPECT_EQ(to_decimal({5, currency("USD")}), "0.05");
  EXPECT_EQ(to_decimal({1250, currency("KWD")}), "1.250");
  EXPECT_EQ(to_decimal({7, currency("KWD")}), "0.007");
  EXPECT_EQ(to_decimal({-1250, currency("USD")}), "-12.50");
}

TEST(MoneyTest, FormatsWithTheSymbolOrTheCode) {
  EXPECT_EQ(format_money({1250, currency("EUR")}), "€12.50");
  EXPECT_EQ(format_money({1250, currency("USD")}), "$12.50");
  EXPECT_EQ(format_money({1250, currency("JPY")}), "¥1250");
  EXPECT_EQ(format_money({1250, currency("KWD")}), "KWD 1.250");
}

TEST(MoneyTest, ParsesPlainDecimalsIntoMinorUnits) {
  EXPECT_EQ(parse_decimal("12.50", 2), 1250);
  EXPECT_EQ(parse_decimal("12.5", 2), 1250);
  EXPECT_EQ(parse_decimal("12", 2), 1200);
  EXPECT_EQ(parse_decimal("1250", 0), 1250);
  EXPECT_EQ(parse_decimal("1.25", 3), 1250);
}

TEST(MoneyTest, RefusesWhatIsNotAPlainDecimalOfTheCurrency) {
  EXPECT_FALSE(parse_decimal("12.505", 2));
  EXPECT_FALSE(parse_decimal("12.5", 0));
  EXPECT_FALSE(parse_decimal("-1", 2));
  EXPECT_FALSE(parse_decimal("1e3", 2));
  EXPECT_FALSE(parse_decimal("1,000", 2));
  EXPECT_FALSE(parse_decimal("", 2));
  EXPECT_FALSE(parse_decimal(".5", 2));
  EXPECT_FALSE(parse_decimal("5.", 2));
  EXPECT_FALSE(parse_decimal("99999999999999999999", 2));
}

TEST(MoneyTest, VatSplitsTheGrossExactlyForEachExponent) {
  // USD 12.50 at 20 %: tax 2.0833 → 2.08.
  EXPECT_EQ(split_vat(1250, 2000).tax, 208);
  EXPECT_EQ(split_vat(1250, 2000).net, 1042);
  // JPY 1000 at 10 %: tax 90.9 → 91 yen.
  EXPECT_EQ(split_vat(1000, 1000).tax, 91);
  EXPECT_EQ(split_vat(1000, 1000).net, 909);
  // KWD 1.250 at 5 %: tax 0.05952 → 0.060.
  EXPECT_EQ(split_vat(1250, 500).tax, 60);
  EXPECT_EQ(split_vat(1250, 500).net, 1190);
  // Half up: 21 cents at 5 % holds 1.0 cent exactly.
  EXPECT_EQ(split_vat(21, 500).tax, 1);
  // The largest amount a cashier can key, without 128-bit arithmetic: 166666666666.5 rounds up.
  EXPECT_EQ(split_vat(999'999'999'999, 2000).tax, 166'666'666'667);
  for (std::int64_t gross : {1LL, 99LL, 1250LL, 99999999LL, 999'999'999'999LL}) {
    const VatSplit split = split_vat(gross, 770);
    EXPECT_EQ(split.net + split.tax, gross);
  }
}

}  // namespace
}  // namespace linkpos::app
