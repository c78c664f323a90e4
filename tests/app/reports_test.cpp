// The day at the counter from the menu: X and Z reports reconciled with the payment service, Z
// numbers without gaps across power cuts, the manager's PIN, and the sales list with its reprint.
#include <algorithm>

#include "app/sale_reference.hpp"
#include "app/terminal.hpp"
#include "app/terminal_fixture.hpp"
#include "fakes/document_text.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class ReportsTest : public TerminalFixture {
 protected:
  // A keyed sale of `minor` cents paid in full on `link` by `payment`; answers everything up to
  // its printed receipt. Returns the sale's reference.
  std::string sell(std::int64_t minor, const std::string& link, const std::string& payment) {
    press(digits(minor) + " CHARGE");
    const std::string reference = pending_reference();
    answer_create(link);
    clock.advance(2s);
    const std::vector<app::Payment> paid{card_payment(payment, minor, link)};
    FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPaid, paid});
    settle_paid_link(paid);
    FakeBackend::answer(backend.receipts, std::string(""));
    printer.finish();
    press("CLEAR");
    return reference;
  }

  // A keyed sale the cashier cancels on the QR screen before anyone pays.
  std::string cancel_sale(std::int64_t minor, const std::string& link) {
    press(digits(minor) + " CHARGE");
    const std::string reference = pending_reference();
    answer_create(link);
    press("CANCEL");
    FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
    FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
    return reference;
  }

  // "1 2 5 0" for 1250: the keys that key an amount.
  static std::string digits(std::int64_t minor) {
    std::string keys;
    for (const char digit : std::to_string(minor))
      keys += std::string(keys.empty() ? "" : " ") + digit;
    return keys;
  }

  std::string pending_reference() const {
    const auto open = ledger->unfinished();
    return open.empty() ? std::string() : open.front().reference;
  }

  // MENU → Reports → `choice` (1 X, 2 Z and CHARGE to confirm); answers the service's payments
  // of the period with `listed`, and returns the printed report (the printer still busy with it).
  const hal::ReceiptDocument& report(const std::string& choice,
                                     app::BackendResult<std::vector<app::ServicePayment>> listed =
                                         std::vector<app::ServicePayment>{}) {
    const std::size_t printed = printer.printed.size();
    press("MENU 7 " + choice);
    EXPECT_EQ(screen(), "report");
    if (backend.reconciling) {
      EXPECT_EQ(backend.periods.size(), 1u);
      FakeBackend::answer(backend.periods, std::move(listed));
    }
    EXPECT_EQ(printer.printed.size(), printed + 1) << "the report went to the printer";
    return printer.printed.back();
  }

  app::ServicePayment listed(const std::string& reference, const app::Payment& payment) {
    return app::ServicePayment{payment, "Sale " + reference};
  }

  bool has(const hal::ReceiptDocument& document, const std::string& text) {
    return document_has(document, text);
  }
  bool mentions(const hal::ReceiptDocument& document, const std::string& text) {
    const auto texts = document_texts(document);
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& line) {
      return line.find(text) != std::string::npos;
    });
  }
};

TEST_F(ReportsTest, AnXReportCountsTheDaysMixedSalesAndPrintsAgainAsOftenAsWanted) {
  boot();
  const auto first = sell(1250, "link-1", "pay-1");
  sell(300, "link-2", "pay-2");
  cancel_sale(990, "link-3");
  const auto& x = report("1", std::vector<app::ServicePayment>{
                                  listed(first, card_payment("pay-1", 1250, "link-1")),
                                  listed("T1-other", card_payment("pay-2", 300, "link-2"))});
  EXPECT_EQ(x.job_name.rfind("X-", 0), 0u) << x.job_name;
  EXPECT_TRUE(has(x, "X REPORT"));
  EXPECT_TRUE(has(x, "Sales | 2"));
  EXPECT_TRUE(has(x, "Received | €15.50"));
  EXPECT_TRUE(has(x, "Cancelled | 1"));
  EXPECT_TRUE(has(x, "Expired | 0"));
  EXPECT_TRUE(has(x, "Receipts | 000001 - 000002")) << ::testing::PrintToString(document_texts(x));
  EXPECT_TRUE(has(x, "Reconciled with Wix"));
  printer.finish();
  EXPECT_TRUE(screen_says("X report printed"));
  EXPECT_TRUE(screen_says("Sales: 2"));

  press("1 CANCEL");  // any key leaves the summary; CANCEL leaves the menu
  const auto& again = report(
      "1", std::vector<app::ServicePayment>{listed(first, card_payment("pay-1", 1250, "link-1"))});
  EXPECT_TRUE(has(again, "Sales | 2")) << "an X closes nothing";
  printer.finish();
  EXPECT_FALSE(ledger->last_z_report());
}

TEST_F(ReportsTest, ZReportsAreNumberedWithoutGapsAndEachCoversWhatEndedSinceThePrevious) {
  boot();
  sell(1250, "link-1", "pay-1");
  const auto& z1 = report("2 CHARGE");
  EXPECT_EQ(z1.job_name, "Z-1");
  EXPECT_TRUE(has(z1, "Z REPORT 000001"));
  EXPECT_TRUE(has(z1, "Sales | 1"));
  printer.finish();
  EXPECT_TRUE(screen_says("Z report 1 printed: the day is closed"));

  press("1 CANCEL");
  clock.advance(1h);
  sell(300, "link-2", "pay-2");
  const auto& z2 = report("2 CHARGE");
  EXPECT_EQ(z2.job_name, "Z-2");
  EXPECT_TRUE(has(z2, "Sales | 1")) << ::testing::PrintToString(document_texts(z2));
  EXPECT_TRUE(has(z2, "Received | €3.00"));
  printer.finish();

  press("1 CANCEL");
  const auto& z3 = report("2 CHARGE");
  EXPECT_EQ(z3.job_name, "Z-3") << "a day without sales still closes";
  EXPECT_TRUE(has(z3, "Sales | 0"));
  EXPECT_TRUE(has(z3, "Receipts | none"));
  printer.finish();
  ASSERT_TRUE(ledger->last_z_report());
  EXPECT_EQ(ledger->last_z_report()->number, 3);
}

TEST_F(ReportsTest, APaymentTheServiceHoldsThatTheLedgerLacksIsBroughtInAndOwedBack) {
  boot();
  const auto reference = cancel_sale(1250, "link-1");
  // The customer paid the closed link after all, while the terminal was not looking.
  const auto& x = report(
      "1", std::vector<app::ServicePayment>{listed(reference, card_payment("pay-late", 1250))});
  EXPECT_TRUE(mentions(x, "pay-late")) << ::testing::PrintToString(document_texts(x));
  EXPECT_TRUE(has(x, "Refunds owed | 1"));
  printer.finish();
  const auto sale = ledger->find(reference);
  ASSERT_TRUE(sale);
  ASSERT_EQ(sale->payments.size(), 1u);
  EXPECT_EQ(sale->payments.front().payment_id, "pay-late");
  EXPECT_EQ(ledger->refunds_owed().size(), 1u);

  press("1 CANCEL");
  const auto& next = report(
      "1", std::vector<app::ServicePayment>{listed(reference, card_payment("pay-late", 1250))});
  EXPECT_FALSE(mentions(next, "came in")) << "brought in once, then known";
  printer.finish();
}

TEST_F(ReportsTest, AnotherTerminalsPaymentsAreLeftAlone) {
  boot();
  const auto& x =
      report("1", std::vector<app::ServicePayment>{app::ServicePayment{
                      card_payment("pay-x", 500, "link-x"), "Sale T2-01ARZ3NDEKTSV4RRFFQ69G5FAV"}});
  EXPECT_FALSE(mentions(x, "pay-x"));
  EXPECT_TRUE(has(x, "Refunds owed | 0"));
  printer.finish();
}

TEST_F(ReportsTest, ALedgerPaymentTheServiceDoesNotListIsNamed) {
  boot();
  sell(1250, "link-1", "pay-1");
  const auto& x = report("1");
  EXPECT_TRUE(mentions(x, "pay-1")) << ::testing::PrintToString(document_texts(x));
  printer.finish();
}

TEST_F(ReportsTest, WhenTheServiceCannotBeReachedTheZSaysNotReconciledAndStillCloses) {
  boot();
  sell(1250, "link-1", "pay-1");
  const auto& z =
      report("2 CHARGE", app::BackendError{app::BackendFailure::kUnreachable, "refused"});
  EXPECT_TRUE(has(z, "NOT RECONCILED"));
  EXPECT_TRUE(has(z, "Sales | 1"));
  printer.finish();
  EXPECT_TRUE(screen_says("Z report 1 printed: the day is closed"));
  EXPECT_TRUE(log.contains("report not reconciled"));
  ASSERT_TRUE(ledger->last_z_report());
  EXPECT_FALSE(ledger->last_z_report()->print_pending);
}

TEST_F(ReportsTest, WithoutAServiceToAskTheReportSaysSo) {
  backend.reconciling = false;  // the demo backend
  boot();
  sell(1250, "link-1", "pay-1");
  const auto& x = report("1");
  EXPECT_TRUE(backend.periods.empty());
  EXPECT_TRUE(has(x, "Demo: no payment service to compare with."));
  EXPECT_TRUE(has(x, "Sales | 1"));
  printer.finish();
}

TEST_F(ReportsTest, AZCutOffWhilePrintingComesOutAgainAtBootMarkedAsAReprint) {
  boot();
  sell(1250, "link-1", "pay-1");
  report("2 CHARGE");
  terminal_.reset();  // the power goes while the Z prints
  printer.waiting.clear();
  boot();
  ASSERT_EQ(printer.printed.size(), 3u) << "receipt, Z, the Z again";
  const auto& again = printer.printed.back();
  EXPECT_EQ(again.job_name, "Z-1") << "the same number: none is skipped or used twice";
  EXPECT_TRUE(has(again, "REPRINT — power lost while printing"));
  EXPECT_TRUE(has(again, "Sales | 1"));
  printer.finish();
  EXPECT_FALSE(ledger->last_z_report()->print_pending);

  terminal_.reset();
  boot();
  EXPECT_EQ(printer.printed.size(), 3u) << "a Z that printed is not printed again";
  sell(300, "link-2", "pay-2");
  EXPECT_EQ(report("2 CHARGE").job_name, "Z-2");
  printer.finish();
}

TEST_F(ReportsTest, TheLastZPrintsAgainMarkedAsACopy) {
  boot();
  press("MENU 7 3");
  EXPECT_TRUE(screen_says("No Z report yet"));
  press("1 CANCEL");
  sell(1250, "link-1", "pay-1");
  report("2 CHARGE");
  printer.finish();
  press("1 3");
  ASSERT_EQ(printer.printed.size(), 3u);
  const auto& copy = printer.printed.back();
  EXPECT_EQ(copy.job_name, "Z-1");
  EXPECT_TRUE(has(copy, "*** COPY ***"));
  EXPECT_TRUE(has(copy, "Sales | 1"));
  printer.finish();
  EXPECT_EQ(ledger->last_z_report()->number, 1) << "a copy is not a new Z";
}

TEST_F(ReportsTest, ThePrinterFailingKeepsTheZClosedAndSaysHowToPrintIt) {
  boot();
  report("2 CHARGE");
  printer.finish(hal::PrintError{hal::PrinterFault::kPaperOut, "paper out"});
  EXPECT_TRUE(screen_says("Z report 1 is closed and kept: 3 prints it again."));
  EXPECT_EQ(ledger->last_z_report()->number, 1);
}

TEST_F(ReportsTest, TheManagersPinOrTheTechniciansOpensReports) {
  settings.manager_pin = "2468";
  settings.technician_pin = "4321";
  boot();
  press("MENU 7");
  EXPECT_EQ(screen(), "report");
  EXPECT_FALSE(screen_says("X report"));
  press("1 1 1 1 CHARGE");
  EXPECT_TRUE(screen_says("Wrong PIN"));
  EXPECT_TRUE(backend.periods.empty());
  press("2 4 6 8 CHARGE");
  EXPECT_TRUE(screen_says("1  X report: the day so far"));
  press("CANCEL");
  EXPECT_EQ(screen(), "idle");
  press("MENU 7 4 3 2 1 CHARGE");
  EXPECT_TRUE(screen_says("1  X report: the day so far"));
}

TEST_F(ReportsTest, TheSalesListShowsTodayNewestFirstAndASaleReprintsAsACopy) {
  boot();
  const auto paid = sell(1250, "link-1", "pay-1");
  clock.advance(1min);
  const auto cancelled = cancel_sale(300, "link-2");
  press("MENU 6");
  EXPECT_EQ(screen(), "sales");
  const auto& lines = display.last().lines;
  const auto at = [&](const std::string& text) {
    return std::find_if(
               lines.begin(), lines.end(),
               [&](const std::string& line) { return line.find(text) != std::string::npos; }) -
           lines.begin();
  };
  EXPECT_LT(at("cancelled"), at("paid")) << "newest first";
  EXPECT_TRUE(screen_says(app::short_reference(paid)));
  EXPECT_TRUE(screen_says("€12.50"));

  press("2");
  EXPECT_EQ(screen(), "sale-detail");
  EXPECT_TRUE(screen_says("pay-1"));
  EXPECT_TRUE(screen_says("Link link-1"));
  press("CHARGE");
  ASSERT_EQ(printer.printed.size(), 2u);
  EXPECT_TRUE(has(printer.printed.back(), "*** COPY ***"));
  printer.finish();
  EXPECT_TRUE(screen_says("Copy printed."));
  EXPECT_EQ(ledger->find(paid)->prints, 2);

  press("CANCEL 1");
  EXPECT_EQ(screen(), "sale-detail");
  EXPECT_TRUE(screen_says("No receipt to reprint"));
  press("CHARGE");
  EXPECT_EQ(printer.printed.size(), 2u) << "a cancelled sale has no receipt";
  (void)cancelled;
}

TEST_F(ReportsTest, TheSalesListPagesWithCharge) {
  boot();
  for (int i = 1; i <= 7; ++i)
    cancel_sale(100 * i, "link-" + std::to_string(i));
  press("MENU 6");
  EXPECT_TRUE(screen_says("€7.00"));
  EXPECT_FALSE(screen_says("€1.00"));
  press("CHARGE");
  EXPECT_TRUE(screen_says("€1.00"));
  EXPECT_FALSE(screen_says("€7.00"));
}

}  // namespace
}  // namespace linkpos::testing
