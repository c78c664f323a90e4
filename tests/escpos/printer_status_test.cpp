#include "drivers/escpos/printer_status.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace linkpos::drivers::escpos {
namespace {

using ::testing::HasSubstr;

TEST(PrinterStatusTest, RequestsAreDleEotAndTheKind) {
  EXPECT_EQ(status_request(StatusKind::kPrinter), std::string("\x10\x04\x01"));
  EXPECT_EQ(status_request(StatusKind::kOfflineCause), std::string("\x10\x04\x02"));
  EXPECT_EQ(status_request(StatusKind::kPaperSensor), std::string("\x10\x04\x04"));
}

TEST(PrinterStatusTest, AnswersHaveBitsOneAndFourSetAndZeroAndSevenClear) {
  EXPECT_TRUE(is_status_answer(0x12));
  EXPECT_TRUE(is_status_answer(0x1A));
  EXPECT_TRUE(is_status_answer(0x72));
  EXPECT_FALSE(is_status_answer(0x00));
  EXPECT_FALSE(is_status_answer(0x13));  // XOFF
  EXPECT_FALSE(is_status_answer(0x11));  // XON
  EXPECT_FALSE(is_status_answer(0x92));
  EXPECT_FALSE(is_status_answer(0x10));
}

TEST(PrinterStatusTest, ReadyPrinterHasNoFault) {
  EXPECT_EQ(status_fault({0x12, 0x12, std::nullopt}), std::nullopt);
  // Paper near end (bits 2-3 of DLE EOT 4) still prints a few receipts.
  EXPECT_EQ(status_fault({0x12, 0x1E, std::nullopt}), std::nullopt);
}

TEST(PrinterStatusTest, PaperEndFromTheSensorIsPaperOut) {
  const auto fault = status_fault({0x12, 0x72, std::nullopt});
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->fault, hal::PrinterFault::kPaperOut);
  EXPECT_THAT(fault->detail, HasSubstr("DLE EOT 4 = 0x72"));
}

TEST(PrinterStatusTest, OfflineCauseSaysCoverOpenOrPaperEnd) {
  EXPECT_EQ(status_fault({0x1A, 0x12, 0x16})->fault, hal::PrinterFault::kCoverOpen);
  EXPECT_EQ(status_fault({0x1A, 0x12, 0x32})->fault, hal::PrinterFault::kPaperOut);
  // Both: paper is what the cashier must fix first, and closing the cover follows anyway.
  EXPECT_EQ(status_fault({0x1A, 0x12, 0x36})->fault, hal::PrinterFault::kPaperOut);
}

TEST(PrinterStatusTest, OfflineForAnotherReasonIsOffline) {
  const auto fault = status_fault({0x1A, 0x12, 0x52});
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->fault, hal::PrinterFault::kOffline);
  EXPECT_THAT(fault->detail, HasSubstr("error"));
  EXPECT_THAT(fault->detail, HasSubstr("DLE EOT 2 = 0x52"));
  EXPECT_TRUE(reports_offline(0x1A));
  EXPECT_FALSE(reports_offline(0x12));
}

}  // namespace
}  // namespace linkpos::drivers::escpos
