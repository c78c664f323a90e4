#include <gtest/gtest.h>

#include "app/terminal_fixture.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class TechnicianMenuTest : public TerminalFixture {
 protected:
  void SetUp() override {
    settings.technician_pin = "4321";
    boot();
  }
  void enter() { press("MENU 3 4 3 2 1 CHARGE"); }
};

TEST_F(TechnicianMenuTest, AsksForThePinShowsOnlyDotsAndRefusesAWrongOne) {
  press("MENU 3");
  EXPECT_EQ(screen(), "menu");
  EXPECT_TRUE(screen_says("PIN:"));
  press("1 2");
  EXPECT_TRUE(screen_says("PIN: ••"));
  EXPECT_FALSE(screen_says("12"));
  press("3 4 CHARGE");
  EXPECT_TRUE(screen_says("Wrong PIN"));
  EXPECT_FALSE(log.contains("PIN")) << "one wrong try is not logged, a lock is";
  EXPECT_FALSE(log.contains("1234"));
  press("4 3 2 1 CHARGE");
  EXPECT_TRUE(screen_says("Network and API check"));
  press("CANCEL");
  EXPECT_EQ(screen(), "idle");
}

TEST_F(TechnicianMenuTest, IsClosedWithoutAPinInTheConfig) {
  settings.technician_pin.clear();
  boot();
  press("MENU 3");
  EXPECT_TRUE(screen_says("No technician PIN is set"));
  press("CHARGE");
  EXPECT_FALSE(screen_says("Network and API check"));
}

TEST_F(TechnicianMenuTest, TheVersionPageNamesTheBuild) {
  enter();
  press("1");
  EXPECT_TRUE(screen_says("linkpos test"));
  EXPECT_TRUE(screen_says("Terminal T1"));
}

TEST_F(TechnicianMenuTest, TheNetworkCheckAsksThePaymentServiceAndSaysWhatFailed) {
  enter();
  backend.checks.clear();
  press("2");
  ASSERT_EQ(backend.checks.size(), 1u);
  EXPECT_TRUE(screen_says("Asking the payment service"));
  FakeBackend::answer(backend.checks,
                      app::BackendError{app::BackendFailure::kSecurity,
                                        "certificate of www.wixapis.com has expired"});
  EXPECT_TRUE(screen_says("Secure connection failed"));
  EXPECT_TRUE(screen_says("has expired"));
  press("0 2");
  FakeBackend::answer(backend.checks, BOOST_OUTCOME_V2_NAMESPACE::success());
  EXPECT_TRUE(screen_says("sales can be taken"));
}

TEST_F(TechnicianMenuTest, ThePrinterTestPageShowsTheCodePageAndTheWidth) {
  enter();
  press("3");
  ASSERT_EQ(printer.printed.size(), 1u);
  const auto& page = printer.printed.front();
  EXPECT_EQ(std::get<hal::TextLine>(page.elements.front()).text, "PRINTER TEST");
  bool has_euro = false;
  for (const auto& element : page.elements) {
    if (const auto* line = std::get_if<hal::TextLine>(&element))
      has_euro = has_euro || line->text.find("€") != std::string::npos;
  }
  EXPECT_TRUE(has_euro);
  printer.finish(hal::PrintError{hal::PrinterFault::kCoverOpen, "cover"});
  EXPECT_TRUE(screen_says("cover is open"));
}

TEST_F(TechnicianMenuTest, TheDisplayTestPatternFillsTheScreen) {
  enter();
  press("4");
  const auto fb = display.framebuffer();
  // The red frame at the very edge: the top-left pixel, stored B, G, R, X.
  EXPECT_EQ(fb.bytes[0], 0);
  EXPECT_EQ(fb.bytes[1], 0);
  EXPECT_EQ(fb.bytes[2], 255);
  press("5");
  EXPECT_TRUE(screen_says("Network and API check")) << "any key goes back";
}

TEST_F(TechnicianMenuTest, TheLastSalesCanBeReprintedAsCopies) {
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string("r"));
  printer.finish();
  press("CLEAR");
  enter();
  press("5");
  EXPECT_TRUE(screen_says("€12.50  #1"));
  press("1");
  ASSERT_EQ(printer.printed.size(), 2u);
  EXPECT_EQ(std::get<hal::TextLine>(printer.printed[1].elements.front()).text, "*** COPY ***");
  printer.finish();
  EXPECT_TRUE(screen_says("Printed."));
  EXPECT_EQ(ledger->recent(1).at(0).prints, 2);
}

TEST_F(TechnicianMenuTest, ASaleWithoutAReceiptIsNotReprinted) {
  press("5 CHARGE");
  answer_create();
  press("CANCEL");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  enter();
  press("5");
  EXPECT_TRUE(screen_says("(no sale)"));
  press("1");
  EXPECT_TRUE(screen_says("That sale has no receipt to reprint"));
  EXPECT_TRUE(printer.printed.empty());
}

}  // namespace
}  // namespace linkpos::testing
