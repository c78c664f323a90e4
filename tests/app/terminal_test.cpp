#include "app/terminal.hpp"

#include "app/terminal_fixture.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using store::SaleEnd;
using store::SaleStage;

class TerminalTest : public TerminalFixture {
 protected:
  // Keys 12.50, charges, and answers the create: the QR is up.
  void reach_qr() {
    boot();
    press("1 2 5 0 CHARGE");
    answer_create();
  }
  const store::SaleRecord only_sale() const { return ledger->recent(1).at(0); }
};

TEST_F(TerminalTest, BootsToIdleWithTheMerchantName) {
  boot();
  EXPECT_EQ(screen(), "idle");
  EXPECT_EQ(display.last().lines.front(), "Café Zoë");
}

TEST_F(TerminalTest, KeyingShowsTheAmountAsCents) {
  boot();
  press("1 2 5 0");
  EXPECT_EQ(screen(), "amount");
  EXPECT_TRUE(screen_says("€12.50"));
  press("BACKSPACE 00");
  EXPECT_TRUE(screen_says("€125.00"));
  press("CLEAR");
  EXPECT_TRUE(screen_says("€0.00"));
}

TEST_F(TerminalTest, ChargeOfZeroIsRefusedOnTheAmountScreen) {
  boot();
  press("0 CHARGE");
  EXPECT_EQ(screen(), "amount");
  EXPECT_TRUE(screen_says("Key in an amount first"));
  EXPECT_TRUE(backend.creates.empty());
}

TEST_F(TerminalTest, ChargeOverTheMaximumIsRefusedAndSaysTheMaximum) {
  boot();
  press("1 0 0 0 0 1 CHARGE");
  EXPECT_EQ(screen(), "amount");
  EXPECT_TRUE(screen_says("€1000.00"));
  EXPECT_TRUE(backend.creates.empty());
  press("BACKSPACE 0 CHARGE");  // exactly the maximum is fine
  EXPECT_EQ(screen(), "creating");
}

TEST_F(TerminalTest, CancelOnTheAmountScreenGoesBackToIdle) {
  boot();
  press("5 CANCEL");
  EXPECT_EQ(screen(), "idle");
}

TEST_F(TerminalTest, ChargeRecordsTheSaleAndAsksForALink) {
  boot();
  press("1 2 5 0 CHARGE");
  EXPECT_EQ(screen(), "creating");
  ASSERT_EQ(backend.creates.size(), 1u);
  const auto& request = backend.creates.front().request;
  EXPECT_EQ(request.total.minor, 1250);
  EXPECT_EQ(request.total.currency.code, "EUR");
  EXPECT_EQ(request.reference.rfind("T1-", 0), 0u);
  EXPECT_NE(request.title.find("Café Zoë"), std::string::npos);
  EXPECT_NE(request.title.find(request.reference), std::string::npos);
  EXPECT_EQ(request.expires_at, clock.now() + 300s + 60s);
  const auto sale = only_sale();
  EXPECT_EQ(sale.reference, request.reference);
  EXPECT_EQ(sale.stage, SaleStage::kStarted);
  EXPECT_EQ(sale.amount_minor, 1250);
}

TEST_F(TerminalTest, ALinkPutsItsUrlOnScreenAsAQrCode) {
  reach_qr();
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(screen_says("https://pay.example/l/link-1"));
  EXPECT_TRUE(screen_says("Time left 5:00"));
  EXPECT_TRUE(screen_says("CANCEL"));
  EXPECT_EQ(only_sale().stage, SaleStage::kLinkCreated);
  EXPECT_EQ(only_sale().link_url, "https://pay.example/l/link-1");
}

TEST_F(TerminalTest, TheCountdownMovesWithTime) {
  reach_qr();
  clock.advance(61s);
  EXPECT_TRUE(screen_says("Time left 3:59"));
}

TEST_F(TerminalTest, PollsAtTheConfiguredIntervalOneRequestAtATime) {
  reach_qr();
  EXPECT_TRUE(backend.statuses.empty());
  clock.advance(2s);
  EXPECT_EQ(backend.statuses.size(), 1u);
  clock.advance(10s);  // the first poll has not answered: no pile-up
  EXPECT_EQ(backend.statuses.size(), 1u);
  FakeBackend::answer(backend.statuses, app::LinkReport{});
  clock.advance(2s);
  EXPECT_EQ(backend.statuses.size(), 1u);
}

TEST_F(TerminalTest, APaymentShowsPaidThenPrintsTheReceiptAndPaidStaysUntilAKey) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_EQ(screen(), "paid");
  EXPECT_TRUE(screen_says("PAID"));
  EXPECT_EQ(only_sale().stage, SaleStage::kPaid);
  EXPECT_EQ(only_sale().receipt_number, 1);

  ASSERT_EQ(backend.receipts.size(), 1u);
  EXPECT_EQ(backend.receipts.front().payment.id, "pay-1");
  FakeBackend::answer(backend.receipts, std::string("rcpt-9"));
  ASSERT_EQ(printer.printed.size(), 1u);
  EXPECT_EQ(only_sale().payments.at(0).backend_receipt_id, "rcpt-9");
  printer.finish();

  EXPECT_EQ(screen(), "paid");
  EXPECT_TRUE(screen_says("Receipt printed"));
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
  clock.advance(10min);
  EXPECT_EQ(screen(), "paid");
  press("0");
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("€12.50 paid"));
}

TEST_F(TerminalTest, APaidLinkIsDeactivatedAtOnceAndConfirmedClosed) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  ASSERT_EQ(backend.cancels.size(), 1u) << "a Wix link can take more payments: stop it";
  EXPECT_EQ(backend.cancels.front().link.id, "link-1");
  EXPECT_FALSE(only_sale().link_closed);
  settle_paid_link();
  EXPECT_TRUE(only_sale().link_closed);
  EXPECT_TRUE(ledger->refunds_owed().empty());
}

TEST_F(TerminalTest, ASecondPaymentOnTheLinkAfterTheSaleGoesOnTheRefundList) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  settle_paid_link({card_payment("pay-1", 1250), card_payment("pay-2", 1250)});
  const auto refunds = ledger->refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.payment_id, "pay-2");
  EXPECT_EQ(refunds.front().payment.refund_thousandths, 12500);
  EXPECT_EQ(refunds.front().payment.refund_reason, store::RefundReason::kAfterSale);
  EXPECT_TRUE(log.contains("needs a refund"));

  FakeBackend::answer(backend.receipts, std::string(""));
  printer.finish();
  EXPECT_EQ(screen(), "paid") << "the paid screen still comes first";
  press("0");
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("Refunds owed: 1"));
  press("MENU 4");
  EXPECT_EQ(screen(), "refunds");
  EXPECT_TRUE(screen_says("Refund €12.50"));
  EXPECT_TRUE(screen_says("Payment pay-2"));
  EXPECT_TRUE(screen_says("Payer Ada Lovelace"));
  EXPECT_TRUE(screen_says("Card **** **** **** 4242"));
  press("CLEAR");
  EXPECT_EQ(ledger->refunds_owed().size(), 1u) << "only a technician clears a refund";
  press("CANCEL");
  EXPECT_EQ(screen(), "idle");
}

TEST_F(TerminalTest, TwoFullPaymentsSeenInOnePollAreOnePaidSaleThatRefundsTheSecond) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses,
                      app::LinkReport{app::LinkState::kPaid,
                                      {card_payment("pay-1", 1250), card_payment("pay-2", 1250)}});
  EXPECT_EQ(screen(), "paid");
  EXPECT_TRUE(screen_says("refund €12.50 from payment pay-2"));
  const auto sale = only_sale();
  ASSERT_EQ(sale.payments.size(), 2u);
  EXPECT_TRUE(sale.payments[0].counted);
  EXPECT_TRUE(sale.payments[1].counted);
  EXPECT_EQ(sale.payments[1].refund_reason, store::RefundReason::kOverpaid);
  ASSERT_EQ(ledger->refunds_owed().size(), 1u);
  EXPECT_EQ(ledger->refunds_owed().front().payment.payment_id, "pay-2");
}

TEST_F(TerminalTest, ALinkThatCouldNotBeClosedIsClosedLaterAndALatePaymentFound) {
  reach_qr();
  press("CANCEL");
  FakeBackend::answer(backend.cancels,
                      app::BackendError{app::BackendFailure::kUnreachable, "down"});
  FakeBackend::answer(backend.statuses,
                      app::BackendError{app::BackendFailure::kUnreachable, "down"});
  EXPECT_EQ(screen(), "idle") << "the cashier may go on";
  EXPECT_EQ(only_sale().end, store::SaleEnd::kCancelled);
  EXPECT_FALSE(only_sale().link_closed);

  // The link closer keeps trying in the background, backing off; it looks at the link after
  // each try, as the sale itself does.
  clock.advance(1s);
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels,
                      app::BackendError{app::BackendFailure::kUnreachable, "still down"});
  FakeBackend::answer(backend.statuses,
                      app::BackendError{app::BackendFailure::kUnreachable, "still down"});
  clock.advance(4s);
  EXPECT_TRUE(backend.cancels.empty());
  clock.advance(2s);
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  // A customer paid while the network was down: kept for a refund, and the cashier is told.
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_TRUE(only_sale().link_closed);
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("Refunds owed: 1"));
  EXPECT_EQ(ledger->refunds_owed().at(0).payment.refund_reason, store::RefundReason::kAfterSale);
}

TEST_F(TerminalTest, TheIdleScreenSaysWhetherThePaymentServiceAnswers) {
  boot();
  EXPECT_TRUE(screen_says("Checking the payment service"));
  ASSERT_EQ(backend.checks.size(), 1u);
  FakeBackend::answer(backend.checks, app::BackendError{app::BackendFailure::kRejectedKey, "401"});
  EXPECT_TRUE(screen_says("NOT READY: API key rejected"));
  clock.advance(30s);
  ASSERT_EQ(backend.checks.size(), 1u);
  FakeBackend::answer(backend.checks, BOOST_OUTCOME_V2_NAMESPACE::success());
  EXPECT_TRUE(screen_says("Ready: the payment service answers"));
}

app::BackendError lost_answer() {
  return app::BackendError{app::BackendFailure::kUnreachable, "connection closed after sending",
                           true};
}

TEST_F(TerminalTest, AnUncertainCreateAdoptsTheLinkItMadeInsteadOfMakingASecond) {
  boot();
  press("1 2 5 0 CHARGE");
  const std::string reference = backend.creates.front().request.reference;
  FakeBackend::answer(backend.creates, lost_answer());
  EXPECT_TRUE(only_sale().create_uncertain);
  ASSERT_EQ(backend.finds.size(), 1u);
  EXPECT_EQ(backend.finds.front().reference, reference);
  EXPECT_EQ(backend.finds.front().since, clock.now() - 5min);
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>(app::PaymentLink{
                                         "made", "https://pay/made", clock.now() + 360s}));
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(backend.creates.empty()) << "no second link for one sale";
  EXPECT_EQ(only_sale().link_id, "made");
  EXPECT_FALSE(only_sale().create_uncertain);
}

TEST_F(TerminalTest, AnUncertainCreateThatMadeNothingIsMadeAgain) {
  boot();
  press("1 2 5 0 CHARGE");
  FakeBackend::answer(backend.creates, lost_answer());
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>());
  ASSERT_EQ(backend.creates.size(), 1u);
  answer_create("second-try");
  EXPECT_EQ(screen(), "qr");
  EXPECT_EQ(only_sale().link_id, "second-try");
}

TEST_F(TerminalTest, TheSearchForAnUncertainLinkWaitsForTheNetworkBackingOff) {
  boot();
  press("1 2 5 0 CHARGE");
  FakeBackend::answer(backend.creates, lost_answer());
  FakeBackend::answer(backend.finds, app::BackendError{app::BackendFailure::kUnreachable, "down"});
  EXPECT_EQ(screen(), "creating");
  EXPECT_TRUE(backend.creates.empty()) << "never a blind retry";
  clock.advance(2s);
  ASSERT_EQ(backend.finds.size(), 1u);
  FakeBackend::answer(backend.finds, app::BackendError{app::BackendFailure::kUnreachable, "down"});
  clock.advance(3s);
  EXPECT_TRUE(backend.finds.empty()) << "the second wait is longer";
  clock.advance(1s);
  ASSERT_EQ(backend.finds.size(), 1u);
}

TEST_F(TerminalTest, CancelWhileALinkIsUncertainEndsTheSaleAndTheCloserFindsAndClosesIt) {
  boot();
  press("1 2 5 0 CHARGE");
  FakeBackend::answer(backend.creates, lost_answer());
  FakeBackend::answer(backend.finds, app::BackendError{app::BackendFailure::kUnreachable, "down"});
  press("CANCEL");
  ASSERT_EQ(backend.finds.size(), 1u) << "one more look at once";
  FakeBackend::answer(backend.finds, app::BackendError{app::BackendFailure::kUnreachable, "down"});
  EXPECT_EQ(screen(), "idle");
  EXPECT_EQ(only_sale().end, store::SaleEnd::kCancelled);
  EXPECT_TRUE(only_sale().create_uncertain);

  clock.advance(1s);  // the link closer's pass
  ASSERT_EQ(backend.finds.size(), 1u);
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>(app::PaymentLink{
                                         "late", "https://pay/late", clock.now() + 360s}));
  ASSERT_EQ(backend.cancels.size(), 1u);
  EXPECT_EQ(backend.cancels.front().link.id, "late");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_TRUE(only_sale().link_closed);
  EXPECT_FALSE(only_sale().create_uncertain);
}

TEST_F(TerminalTest, ASaleCutOffWhileCreatingIsLookedForAtBoot) {
  boot();
  press("1 2 5 0 CHARGE");
  terminal_.reset();  // power lost with the create in flight
  backend.creates.clear();
  boot();
  ASSERT_EQ(backend.finds.size(), 1u);
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>(app::PaymentLink{
                                         "made", "https://pay/made", clock.now() + 360s}));
  EXPECT_EQ(screen(), "qr") << "the customer may be paying it";
  EXPECT_TRUE(screen_says("https://pay/made"));
}

TEST_F(TerminalTest, ASaleCutOffBeforeItsLinkExistedEndsAtBootWithoutANewLink) {
  boot();
  press("1 2 5 0 CHARGE");
  terminal_.reset();
  backend.creates.clear();
  boot();
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>());
  EXPECT_TRUE(backend.creates.empty());
  EXPECT_EQ(only_sale().end, store::SaleEnd::kFailed);
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("key it again"));
}

TEST_F(TerminalTest, AKeyDuringPrintingShowsThePrintingScreen) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string("rcpt-9"));
  press("CHARGE");
  EXPECT_EQ(screen(), "printing");
  printer.finish();
  EXPECT_EQ(screen(), "idle");
}

TEST_F(TerminalTest, CancelWhileWaitingDeactivatesTheLinkAndEndsTheSale) {
  reach_qr();
  press("CANCEL");
  EXPECT_EQ(screen(), "cancelling");
  ASSERT_EQ(backend.cancels.size(), 1u);
  EXPECT_EQ(backend.cancels.front().link.id, "link-1");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  ASSERT_EQ(backend.statuses.size(), 1u) << "a last look for a payment after closing";
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("cancelled"));
  EXPECT_EQ(only_sale().end, SaleEnd::kCancelled);
  EXPECT_TRUE(printer.printed.empty());
}

TEST_F(TerminalTest, APaymentRacingTheCancelMakesTheSalePaid) {
  reach_qr();
  press("CANCEL");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_EQ(screen(), "paid");
  EXPECT_EQ(only_sale().stage, SaleStage::kPaid);
}

TEST_F(TerminalTest, CancelWhileCreatingClosesTheLinkOnceItExists) {
  boot();
  press("1 2 5 0 CHARGE CANCEL");
  EXPECT_EQ(screen(), "cancelling");
  EXPECT_TRUE(backend.cancels.empty());
  answer_create();
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_EQ(screen(), "idle");
  EXPECT_EQ(only_sale().end, SaleEnd::kCancelled);
  EXPECT_EQ(only_sale().link_id, "link-1");
}

TEST_F(TerminalTest, TimeoutClosesTheLinkAndSaysNothingWasPaid) {
  reach_qr();
  for (int i = 0; i < 150; ++i) {
    clock.advance(2s);
    if (!backend.statuses.empty())
      FakeBackend::answer(backend.statuses, app::LinkReport{});
  }
  EXPECT_EQ(screen(), "cancelling");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_EQ(screen(), "error");
  EXPECT_TRUE(screen_says("No payment received"));
  EXPECT_TRUE(screen_says("Press any key"));
  EXPECT_EQ(only_sale().end, SaleEnd::kExpired);
  press("5");
  EXPECT_EQ(screen(), "idle");
}

TEST_F(TerminalTest, ALinkClosedElsewhereEndsTheSaleAndSaysSo) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_EQ(screen(), "error");
  EXPECT_TRUE(screen_says("closed outside this terminal"));
  EXPECT_EQ(only_sale().end, SaleEnd::kCancelled);
}

TEST_F(TerminalTest, APaidLinkThatListsNoPaymentYetIsLookedAtAgainNeverEnded) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPaid, {}});
  EXPECT_EQ(screen(), "qr");
  EXPECT_FALSE(only_sale().end);
  clock.advance(2s);
  ASSERT_EQ(backend.statuses.size(), 1u);
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_EQ(screen(), "paid");
}

TEST_F(TerminalTest, NetworkTroubleWhilePollingIsShownAndPollingGoesOn) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses,
                      app::BackendError{app::BackendFailure::kUnreachable, "timeout"});
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(screen_says("Network problem — retrying"));
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, app::BackendError{app::BackendFailure::kBusy, "429"});
  EXPECT_TRUE(screen_says("Wix is busy — retrying"));
  EXPECT_FALSE(screen_says("Network problem"));
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_EQ(screen(), "paid");
}

TEST_F(TerminalTest, ACreateFailureSaysWhyAndChargeTriesAgainWithTheSameAmount) {
  boot();
  press("1 2 5 0 CHARGE");
  FakeBackend::answer(backend.creates, app::BackendError{app::BackendFailure::kRejectedKey, "401"});
  EXPECT_EQ(screen(), "error");
  EXPECT_TRUE(screen_says("API key rejected"));
  EXPECT_TRUE(screen_says("CHARGE try again"));
  EXPECT_EQ(only_sale().end, SaleEnd::kFailed);
  press("CHARGE");
  EXPECT_EQ(screen(), "creating");
  ASSERT_EQ(backend.creates.size(), 1u);
  EXPECT_EQ(backend.creates.front().request.total.minor, 1250);
}

TEST_F(TerminalTest, PrinterOutOfPaperKeepsTheSalePaidUntilThePrintSucceeds) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string(""));
  printer.finish(hal::PrintError{hal::PrinterFault::kPaperOut, "paper end sensor"});
  EXPECT_EQ(screen(), "error");
  EXPECT_TRUE(screen_says("out of paper"));
  EXPECT_TRUE(screen_says("The sale is paid"));
  EXPECT_EQ(only_sale().stage, SaleStage::kReceiptIssued);
  press("CHARGE");
  ASSERT_EQ(printer.printed.size(), 2u);
  printer.finish();
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
  EXPECT_EQ(only_sale().prints, 1);
}

TEST_F(TerminalTest, PrintingResumesByItselfOnceThePrinterIsBack) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string(""));
  printer.finish(hal::PrintError{hal::PrinterFault::kOffline, "no answer"});
  EXPECT_TRUE(screen_says("Trying again by itself"));
  clock.advance(9s);
  EXPECT_EQ(printer.printed.size(), 1u);
  clock.advance(1s);
  ASSERT_EQ(printer.printed.size(), 2u);
  printer.finish();
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
  const auto& first_line = std::get<hal::TextLine>(printer.printed[1].elements.front());
  EXPECT_EQ(first_line.text, "Café Zoë")
      << "a retry after a reported failure is still the original";
}

TEST_F(TerminalTest, APrintCutOffByAPowerLossComesOutAgainMarkedAsAReprint) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string("rcpt"));
  ASSERT_EQ(printer.printed.size(), 1u);
  EXPECT_TRUE(only_sale().print_pending);
  terminal_.reset();  // the power goes while the receipt prints
  printer.waiting.clear();
  boot();
  ASSERT_EQ(printer.printed.size(), 2u);
  const auto& marker = std::get<hal::TextLine>(printer.printed[1].elements.front());
  EXPECT_EQ(marker.text, "REPRINT — power lost while printing");
  printer.finish();
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
  EXPECT_FALSE(only_sale().print_pending);
}

TEST_F(TerminalTest, ReceiptNumbersRunWithoutGapsAcrossCancelledSales) {
  int payments = 0;
  auto sell = [&](bool pay) {
    press("1 0 0 CHARGE");
    answer_create();
    if (pay) {
      clock.advance(2s);
      // Wix payment ids are unique: each sale's payment has its own.
      const auto payment = card_payment("pay-" + std::to_string(++payments), 100);
      FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPaid, {payment}});
      settle_paid_link({payment});
      FakeBackend::answer(backend.receipts, std::string(""));
      printer.finish();
      press("CLEAR");
    } else {
      press("CANCEL");
      FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
      FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
    }
  };
  boot();
  sell(true);
  sell(false);
  sell(true);
  const auto sales = ledger->recent(3);
  EXPECT_EQ(sales[0].receipt_number, 2);
  EXPECT_EQ(sales[1].receipt_number, 0);
  EXPECT_EQ(sales[2].receipt_number, 1);
}

TEST_F(TerminalTest, AWaitingSaleIsShownAgainAfterARestartAndPolledAtOnce) {
  reach_qr();
  const auto reference = only_sale().reference;
  // Power cut: a new terminal on the same ledger file.
  terminal_.reset();
  backend.statuses.clear();
  clock.advance(30s);
  boot();
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(screen_says("https://pay.example/l/link-1"));
  EXPECT_TRUE(screen_says("Time left 4:30"));
  ASSERT_EQ(backend.statuses.size(), 1u);
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_EQ(screen(), "paid");
  EXPECT_EQ(ledger->find(reference)->stage, SaleStage::kPaid);
}

TEST_F(TerminalTest, AnExpiredSaleFoundAtBootIsClosedAndCheckedOnceMore) {
  reach_qr();
  terminal_.reset();
  clock.advance(10min);
  boot();
  EXPECT_EQ(screen(), "cancelling");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kExpired, {}});
  EXPECT_EQ(only_sale().end, SaleEnd::kExpired);
}

TEST_F(TerminalTest, APaidSaleFoundAtBootGetsItsReceipt) {
  reach_qr();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  terminal_.reset();  // power lost before the backend's receipt was issued
  backend.receipts.clear();
  boot();
  EXPECT_EQ(screen(), "paid");
  ASSERT_EQ(backend.receipts.size(), 1u);
  FakeBackend::answer(backend.receipts, std::string("rcpt-1"));
  ASSERT_EQ(printer.printed.size(), 1u);
  printer.finish();
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
}

TEST_F(TerminalTest, OnceModeEndsWithTheSaleAndDoesNotWaitForAKey) {
  boot(/*once=*/true);
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string(""));
  EXPECT_FALSE(exit_code);
  printer.finish();
  ASSERT_TRUE(exit_code);
  EXPECT_EQ(*exit_code, app::OnceExit::kPrinted);
  const auto names = display.screen_names();
  const std::vector<std::string> expected{"idle", "amount",   "creating", "qr",
                                          "paid", "printing", "idle"};
  std::vector<std::string> distinct;
  for (const auto& name : names) {
    if (distinct.empty() || distinct.back() != name)
      distinct.push_back(name);
  }
  EXPECT_EQ(distinct, expected);
}

TEST_F(TerminalTest, OnceModeReportsACancelledSale) {
  boot(/*once=*/true);
  press("5 CHARGE");
  answer_create();
  press("CANCEL");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  ASSERT_TRUE(exit_code);
  EXPECT_EQ(*exit_code, app::OnceExit::kCancelled);
}

TEST_F(TerminalTest, MenuReprintsTheLastReceiptMarkedAsACopy) {
  boot();
  press("MENU 1");
  EXPECT_EQ(screen(), "menu");
  EXPECT_TRUE(screen_says("No receipt printed yet"));
  press("CANCEL");
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string(""));
  printer.finish();
  press("CLEAR MENU 1");
  EXPECT_EQ(screen(), "printing");
  ASSERT_EQ(printer.printed.size(), 2u);
  const auto& copy = std::get<hal::TextLine>(printer.printed[1].elements.front());
  EXPECT_EQ(copy.text, "*** COPY ***");
  printer.finish();
  EXPECT_EQ(screen(), "idle");
  EXPECT_EQ(only_sale().prints, 2);
}

}  // namespace
}  // namespace linkpos::testing
