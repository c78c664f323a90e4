// The PIN pages' lock: 5 wrong PINs in a row lock every PIN page for 60 s, each further lock
// twice as long up to an hour; the ledger keeps it across restarts; one log line per lock.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/pin_entry.hpp"
#include "app/terminal_fixture.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class PinLockoutTest : public TerminalFixture {
 protected:
  void SetUp() override {
    settings.technician_pin = "4321";
    settings.manager_pin = "246813";
    boot();
  }

  void wrong_pins(int count) {
    for (int i = 0; i < count; ++i)
      press("1 1 1 1 CHARGE");
  }

  // The log lines that tell of a lock.
  std::vector<std::string> lock_lines() const {
    std::vector<std::string> lines;
    std::copy_if(
        log.lines.begin(), log.lines.end(), std::back_inserter(lines),
        [](const std::string& line) { return line.find("locked for") != std::string::npos; });
    return lines;
  }

  bool locked_screen() const { return screen_says("Too many wrong PINs"); }
};

TEST_F(PinLockoutTest, FiveWrongPinsLockThePinPagesForAMinute) {
  press("MENU 3");
  wrong_pins(4);
  EXPECT_TRUE(screen_says("Wrong PIN"));
  EXPECT_FALSE(locked_screen());
  EXPECT_TRUE(lock_lines().empty());
  wrong_pins(1);
  EXPECT_TRUE(screen_says("Too many wrong PINs: try again in 1:00"));
  EXPECT_FALSE(screen_says("PIN:"));
  ASSERT_EQ(lock_lines().size(), 1u);
  EXPECT_NE(lock_lines()[0].find("locked for 60 s"), std::string::npos) << lock_lines()[0];
}

TEST_F(PinLockoutTest, TheRightPinIsRefusedWhileLockedAndOnEveryPinPage) {
  press("MENU 3");
  wrong_pins(5);
  press("4 3 2 1 CHARGE");
  EXPECT_FALSE(screen_says("Network and API check"));
  EXPECT_TRUE(locked_screen());
  press("CANCEL");
  EXPECT_EQ(screen(), "idle") << "CANCEL still leaves";
  press("MENU 7");
  EXPECT_EQ(screen(), "report");
  EXPECT_TRUE(locked_screen()) << "the reports' PIN page shares the lock";
  press("2 4 6 8 1 3 CHARGE");
  EXPECT_FALSE(screen_says("X report"));
  EXPECT_TRUE(backend.periods.empty());
}

TEST_F(PinLockoutTest, TheLockEndsAfterSixtySecondsOfTheClock) {
  press("MENU 3");
  wrong_pins(5);
  clock.advance(59s);
  press("4");  // ignored, but the page is drawn again
  EXPECT_TRUE(screen_says("try again in 0:01"));
  clock.advance(1s);
  press("4 3 2 1 CHARGE");
  EXPECT_TRUE(screen_says("Network and API check"));
}

TEST_F(PinLockoutTest, EachFurtherLockIsTwiceAsLongUpToAnHour) {
  press("MENU 3");
  const int expected[] = {60, 120, 240, 480, 960, 1920, 3600, 3600};
  for (const int seconds : expected) {
    wrong_pins(5);
    ASSERT_TRUE(locked_screen());
    const std::string said = "locked for " + std::to_string(seconds) + " s";
    EXPECT_NE(lock_lines().back().find(said), std::string::npos) << lock_lines().back();
    clock.advance(std::chrono::seconds(seconds - 1));
    press("1");
    EXPECT_TRUE(locked_screen()) << "one second before the end of a " << seconds << " s lock";
    clock.advance(1s);
    press("BACKSPACE");
    EXPECT_FALSE(locked_screen()) << "at the end of a " << seconds << " s lock";
  }
  EXPECT_EQ(lock_lines().size(), std::size(expected));
}

TEST_F(PinLockoutTest, TheSecondLockLastsTwoMinutesOnTheScreen) {
  press("MENU 3");
  wrong_pins(5);
  clock.advance(60s);
  wrong_pins(5);
  EXPECT_TRUE(screen_says("try again in 2:00"));
}

TEST_F(PinLockoutTest, ARightPinStartsTheCountAgain) {
  press("MENU 3");
  wrong_pins(4);
  press("4 3 2 1 CHARGE");
  ASSERT_TRUE(screen_says("Network and API check"));
  press("CANCEL MENU 3");
  wrong_pins(4);
  EXPECT_FALSE(locked_screen());
  EXPECT_TRUE(lock_lines().empty());
}

TEST_F(PinLockoutTest, OnlyTheWholePinOpensNotAPrefixNorALongerOne) {
  press("MENU 3 4 3 2 CHARGE");
  EXPECT_TRUE(screen_says("Wrong PIN"));
  press("4 3 2 1 0 CHARGE");
  EXPECT_TRUE(screen_says("Wrong PIN"));
  press("4 3 2 1 CHARGE");
  EXPECT_TRUE(screen_says("Network and API check"));
}

TEST_F(PinLockoutTest, TheLockSurvivesARestartOnTheSameLedger) {
  press("MENU 3");
  wrong_pins(5);
  clock.advance(30s);
  terminal_.reset();
  // A new process: its own ledger connection to the same file, its own terminal.
  store::Ledger reopened(dir.file("ledger.sqlite"));
  RecordingLog new_log;
  app::SaleServices restarted{settings, app::english_strings(), clock, backend, printer, reopened,
                              new_log};
  app::TerminalOptions options;
  options.version = "test";
  app::Terminal terminal(restarted, display, options, nullptr);
  terminal.start();
  if (!backend.sites.empty())
    FakeBackend::answer(backend.sites, app::SiteProperties{});
  for (const auto key : {hal::Key::kMenu, hal::Key::k3, hal::Key::k4, hal::Key::k3, hal::Key::k2,
                         hal::Key::k1, hal::Key::kCharge}) {
    terminal.press(key);
  }
  EXPECT_TRUE(screen_says("try again in 0:30"));
  EXPECT_FALSE(screen_says("Network and API check"));
  clock.advance(30s);
  for (const auto key : {hal::Key::k4, hal::Key::k3, hal::Key::k2, hal::Key::k1, hal::Key::kCharge})
    terminal.press(key);
  EXPECT_TRUE(screen_says("Network and API check"));
}

TEST_F(PinLockoutTest, OneLogLinePerLockNoneForEachWrongTry) {
  press("MENU 3");
  wrong_pins(4);
  EXPECT_FALSE(log.contains("PIN")) << "a wrong try alone is not logged";
  wrong_pins(1 + 10);  // the lock, then tries it ignores
  EXPECT_EQ(lock_lines().size(), 1u);
  clock.advance(60s);
  wrong_pins(5);
  EXPECT_EQ(lock_lines().size(), 2u);
  const auto pin_lines = std::count_if(log.lines.begin(), log.lines.end(), [](const auto& line) {
    return line.find("PIN") != std::string::npos;
  });
  EXPECT_EQ(pin_lines, 2);
  EXPECT_FALSE(log.contains("1111"));
}

TEST_F(PinLockoutTest, TheLedgerKeepsTheLockInItsCounters) {
  press("MENU 3");
  wrong_pins(5);
  const auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count();
  EXPECT_EQ(ledger->counter(app::kPinLockedUntilCounter), now_ms + 60'000);
  EXPECT_EQ(ledger->counter(app::kPinLockoutsCounter), 1);
  EXPECT_EQ(ledger->counter(app::kPinFailuresCounter), 0);
}

TEST_F(PinLockoutTest, AWallClockSetBackDoesNotStretchTheLock) {
  press("MENU 3");
  wrong_pins(5);
  clock.set_wall(clock.now() - std::chrono::hours(24));
  press("1");
  EXPECT_TRUE(screen_says("try again in 1:00"));
  clock.advance(60s);
  press("4 3 2 1 CHARGE");
  EXPECT_TRUE(screen_says("Network and API check")) << "not a day and a minute later";
}

}  // namespace
}  // namespace linkpos::testing
