#include "app/sale_reference.hpp"

#include <gtest/gtest.h>

#include <set>

namespace linkpos::app {
namespace {

TEST(SaleReferenceTest, UlidEncodesTheTimeFirstInCrockfordBase32) {
  // The timestamp of the ULID spec's example, 01ARYZ6S41.
  const auto time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1469918176385));
  const std::string ulid = make_ulid(time, {});
  EXPECT_EQ(ulid, "01ARYZ6S410000000000000000");
  EXPECT_EQ(make_ulid(time, {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}),
            "01ARYZ6S41ZZZZZZZZZZZZZZZZ");
}

TEST(SaleReferenceTest, ReferencesCarryTheTerminalAndNeverRepeat) {
  const auto now = std::chrono::system_clock::now();
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string reference = make_sale_reference("T7", now);
    ASSERT_EQ(reference.rfind("T7-", 0), 0u);
    ASSERT_EQ(reference.size(), 3u + 26u);
    seen.insert(reference);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(SaleReferenceTest, LaterReferencesSortAfterEarlierOnes) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_LT(make_sale_reference("T1", now),
            make_sale_reference("T1", now + std::chrono::milliseconds(1)));
}

}  // namespace
}  // namespace linkpos::app
