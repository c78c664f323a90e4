// The value formats Wix uses at its JSON boundary: RFC 3339 dates with milliseconds and decimal
// strings for money.
#include <gtest/gtest.h>

#include "tools/wixsim/model/currencies.hpp"
#include "tools/wixsim/model/decimal_amount.hpp"
#include "tools/wixsim/model/guid_source.hpp"
#include "tools/wixsim/model/http_date.hpp"
#include "tools/wixsim/model/rfc3339.hpp"
#include "tools/wixsim/server/listen_address.hpp"

namespace linkpos::tools::wixsim {
namespace {

using namespace std::chrono_literals;

TEST(Rfc3339Test, WritesUtcWithMilliseconds) {
  const auto time =
      std::chrono::sys_days{std::chrono::year{2025} / 1 / 21} + 9h + 18min + 11s + 648ms;
  EXPECT_EQ(format_rfc3339(time), "2025-01-21T09:18:11.648Z");
}

TEST(Rfc3339Test, ReadsAnyFractionAndOffsetAsTheSameInstant) {
  const auto utc = parse_rfc3339("2025-06-01T00:00:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(parse_rfc3339("2025-06-01T00:00:00.000Z"), utc);
  EXPECT_EQ(parse_rfc3339("2025-06-01T02:00:00+02:00"), utc);
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2025-01-21T09:18:11.6489999Z")),
            "2025-01-21T09:18:11.648Z");
}

TEST(Rfc3339Test, RefusesWhatIsNotADateTime) {
  for (const char* text :
       {"", "2025-06-01", "2025-06-01T00:00:00", "2025-02-30T00:00:00Z", "2025-06-01T24:00:00Z",
        "2025-06-01T00:00:00.Z", "2025-06-01 00:00:00Z", "2025-06-01T00:00:00Zjunk"}) {
    EXPECT_FALSE(parse_rfc3339(text)) << text;
  }
}

TEST(HttpDateTest, WritesImfFixdateInGmtWithEnglishNames) {
  const auto rfc_example =
      std::chrono::sys_days{std::chrono::year{1994} / 11 / 6} + 8h + 49min + 37s;
  EXPECT_EQ(format_http_date(rfc_example), "Sun, 06 Nov 1994 08:49:37 GMT");
  const auto leap_day =
      std::chrono::sys_days{std::chrono::year{2024} / 2 / 29} + 23h + 59min + 59s + 999ms;
  EXPECT_EQ(format_http_date(leap_day), "Thu, 29 Feb 2024 23:59:59 GMT") << "the fraction goes";
  EXPECT_EQ(format_http_date(TimePoint{}), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(DecimalAmountTest, ReadsNonNegativeDecimalsWithAtMostThreePlaces) {
  EXPECT_EQ(parse_decimal_amount("12.50"), (DecimalAmount{12'500}));
  EXPECT_EQ(parse_decimal_amount("12.5"), (DecimalAmount{12'500})) << "how it was written is gone";
  EXPECT_EQ(parse_decimal_amount("50"), (DecimalAmount{50'000}));
  EXPECT_EQ(parse_decimal_amount("0.125"), (DecimalAmount{125}));
  EXPECT_EQ(parse_decimal_amount("1000000000000000"), (DecimalAmount{kMaxAmountThousandths}));
  for (const char* text : {"", "-1", "1e3", "1.2345", ".5", "5.", "1,5", " 1", "+1",
                           "1000000000000000.001", "9999999999999999", "99999999999999999999"}) {
    EXPECT_FALSE(parse_decimal_amount(text)) << text;
  }
}

TEST(DecimalAmountTest, WritesTheScaleAskedForWhenItHoldsTheAmountElseTheFewestDecimalsThatDo) {
  EXPECT_EQ(format_decimal_amount({12'500}, 0), "12.5");
  EXPECT_EQ(format_decimal_amount({12'500}, 1), "12.5");
  EXPECT_EQ(format_decimal_amount({12'500}, 2), "12.50");
  EXPECT_EQ(format_decimal_amount({12'500}, 3), "12.500");
  EXPECT_EQ(format_decimal_amount({1'250'000}, 0), "1250");
  EXPECT_EQ(format_decimal_amount({1'250'000}, 2), "1250.00");
  EXPECT_EQ(format_decimal_amount({11'733}, 0), "11.733");
  EXPECT_EQ(format_decimal_amount({11'730}, 0), "11.73");
  EXPECT_EQ(format_decimal_amount({11'733}, 2), "11.733") << "never a significant digit lost";
  EXPECT_EQ(format_decimal_amount({5}, 2), "0.005");
  EXPECT_EQ(format_decimal_amount({0}, 0), "0");
  EXPECT_EQ(format_decimal_amount({0}, 2), "0.00");
  EXPECT_EQ(format_decimal_amount({kMaxAmountThousandths}, 1), "1000000000000000.0");
}

TEST(DecimalAmountTest, MultipliesAndAddsExactlyUpToTheMaximum) {
  EXPECT_EQ(add(*multiply({3'250}, 2), {1'000}), (DecimalAmount{7'500}));
  EXPECT_FALSE(multiply({kMaxAmountThousandths}, 2));
  EXPECT_FALSE(add({kMaxAmountThousandths}, {1}));
}

TEST(CurrenciesTest, KnowsIso4217CodesButNotMadeUpOnes) {
  for (const char* code : {"USD", "EUR", "TRY", "JPY", "KWD", "ILS", "BRL"})
    EXPECT_TRUE(is_known_currency(code)) << code;
  for (const char* code : {"", "usd", "XXX", "ZZZ", "EURO", "XAU"})
    EXPECT_FALSE(is_known_currency(code)) << code;
}

TEST(GuidSourceTest, MakesVersion4GuidsThatDoNotRepeat) {
  GuidSource guids(7);
  const auto first = guids.next();
  ASSERT_EQ(first.size(), 36u);
  EXPECT_EQ(first[14], '4');
  EXPECT_NE(std::string("89ab").find(first[19]), std::string::npos);
  EXPECT_NE(guids.next(), first);
  EXPECT_EQ(GuidSource(7).next(), first) << "the same seed gives the same ids";
}

TEST(ListenAddressTest, ReadsHostAndPort) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:8443")->port, 8443);
  EXPECT_EQ(parse_listen_address("localhost:0")->host, "localhost");
  EXPECT_EQ(parse_listen_address("[::1]:0")->host, "::1");
  for (const char* text : {"", "8443", ":80", "host:", "host:65536", "host:http"}) {
    EXPECT_FALSE(parse_listen_address(text)) << text;
  }
}

}  // namespace
}  // namespace linkpos::tools::wixsim
