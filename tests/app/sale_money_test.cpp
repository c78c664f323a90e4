// Money as Wix sends it: payments that together make the total, fall short of it or go past it,
// amounts with digits past the minor unit, entries that cannot be read, and the site's currency.
#include <algorithm>

#include "app/terminal.hpp"
#include "app/terminal_fixture.hpp"
#include "fakes/document_text.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using store::RefundReason;
using store::SaleEnd;
using store::SaleStage;

class SaleMoneyTest : public TerminalFixture {
 protected:
  // Keys 12.50, charges, and answers the create: the QR is up.
  void reach_qr(bool once = false) {
    boot(once);
    press("1 2 5 0 CHARGE");
    answer_create();
  }
  store::SaleRecord only_sale() const { return ledger->recent(1).at(0); }

  // The next poll finds the link in `state` with `payments`.
  void poll_finds(app::LinkState state, std::vector<app::Payment> payments) {
    clock.advance(2s);
    FakeBackend::answer(backend.statuses, app::LinkReport{state, std::move(payments)});
  }

  static app::Payment exact(const std::string& id, std::int64_t thousandths,
                            const std::string& kind = "REGULAR",
                            const std::string& link = "link-1") {
    app::Payment payment = card_payment(id, 0, link);
    payment.thousandths = thousandths;
    payment.kind = kind;
    return payment;
  }

  static app::Payment unreadable(const std::string& id, const std::string& problem) {
    app::Payment payment = card_payment(id, 0);
    payment.thousandths.reset();
    payment.problem = problem;
    return payment;
  }

  // Issues no Wix receipts and lets the receipt print.
  void print_receipt() {
    while (!backend.receipts.empty())
      FakeBackend::answer(backend.receipts, std::string(""));
    ASSERT_FALSE(printer.waiting.empty());
    printer.finish();
  }

  bool receipt_has(const std::string& text, std::size_t index = 0) const {
    return document_has(printer.printed.at(index), text);
  }
};

TEST_F(SaleMoneyTest, AGiftCardAndACardThatTogetherMakeTheTotalAreOnePaidSale) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("gift-1", 5000, "GIFT_CARD"), exact("card-1", 7500)});
  EXPECT_EQ(screen(), "paid");
  const auto sale = only_sale();
  EXPECT_EQ(sale.stage, SaleStage::kPaid);
  ASSERT_EQ(sale.payments.size(), 2u);
  EXPECT_TRUE(sale.payments[0].counted && sale.payments[1].counted);
  EXPECT_TRUE(ledger->refunds_owed().empty()) << "money rightly paid is never refunded";
  settle_paid_link({exact("gift-1", 5000, "GIFT_CARD"), exact("card-1", 7500)});
  ASSERT_EQ(backend.receipts.size(), 1u);
  EXPECT_EQ(backend.receipts.front().payment.id, "gift-1");
  FakeBackend::answer(backend.receipts, std::string("rcpt-gift"));
  ASSERT_EQ(backend.receipts.size(), 1u) << "each payment gets its Wix receipt";
  EXPECT_EQ(backend.receipts.front().payment.id, "card-1");
  FakeBackend::answer(backend.receipts, std::string("rcpt-card"));
  printer.finish();
  EXPECT_TRUE(receipt_has("Gift card | €5.00"));
  EXPECT_TRUE(receipt_has("Card ...4242 | €7.50"));
  EXPECT_TRUE(receipt_has("Wix receipt | rcpt-gift"));
  EXPECT_TRUE(receipt_has("Wix receipt | rcpt-card"));
  EXPECT_TRUE(receipt_has("PAID | €12.50"));
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
}

TEST_F(SaleMoneyTest, APartOfACheckoutSeenFirstWaitsForTheRestWhileTheLinkIsOpen) {
  reach_qr();
  poll_finds(app::LinkState::kPending, {exact("gift-1", 5000, "GIFT_CARD")});
  EXPECT_EQ(screen(), "qr") << "the card's part may still be on its way";
  EXPECT_EQ(only_sale().stage, SaleStage::kLinkCreated);
  poll_finds(app::LinkState::kPaid, {exact("gift-1", 5000, "GIFT_CARD"), exact("card-1", 7500)});
  EXPECT_EQ(screen(), "paid");
}

TEST_F(SaleMoneyTest, DigitsPastTheMinorUnitAreKeptAndLessThanOneCentIsNeitherOwedNorRefunded) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("card-1", 12505)});
  EXPECT_EQ(screen(), "paid");
  EXPECT_EQ(only_sale().payments.at(0).amount_thousandths, 12505);
  EXPECT_TRUE(ledger->refunds_owed().empty());
  settle_paid_link({exact("card-1", 12505)});
  print_receipt();
  EXPECT_TRUE(receipt_has("Card ...4242 | €12.505"));
}

TEST_F(SaleMoneyTest, ADiscountedPaymentLeadsToUnderpaidWithWhatWasPaidOwedAndShort) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("card-1", 11733)});
  EXPECT_EQ(screen(), "underpaid");
  EXPECT_TRUE(screen_says("Paid €11.733"));
  EXPECT_TRUE(screen_says("Owed €12.50"));
  EXPECT_TRUE(screen_says("Short €0.76"));
  EXPECT_EQ(only_sale().stage, SaleStage::kUnderpaid);
  EXPECT_TRUE(only_sale().link_closed) << "a PAID link takes no more";
  EXPECT_TRUE(printer.printed.empty()) << "no receipt claims the total was paid";
}

TEST_F(SaleMoneyTest, CancelOnUnderpaidAcceptsWhatWasPaidAndPrintsWhatWasWrittenOff) {
  reach_qr(/*once=*/true);
  poll_finds(app::LinkState::kPaid, {exact("card-1", 11733)});
  press("CANCEL");
  EXPECT_EQ(only_sale().stage, SaleStage::kPaid);
  EXPECT_EQ(only_sale().written_off_thousandths, 767);
  print_receipt();
  EXPECT_TRUE(receipt_has("Card ...4242 | €11.733"));
  EXPECT_TRUE(receipt_has("PAID | €11.733"));
  EXPECT_TRUE(receipt_has("Written off | €0.767"));
  EXPECT_EQ(only_sale().end, SaleEnd::kCompleted);
  EXPECT_EQ(exit_code, app::OnceExit::kPrinted);
  EXPECT_TRUE(ledger->refunds_owed().empty()) << "a write-off owes nothing back";
}

TEST_F(SaleMoneyTest, ChargeOnUnderpaidSellsTheRestAsASecondLinkOfTheSameSale) {
  reach_qr(/*once=*/true);
  poll_finds(app::LinkState::kPaid, {exact("card-1", 11250)});
  EXPECT_TRUE(screen_says("Short €1.25"));
  press("CHARGE");
  EXPECT_EQ(screen(), "creating");
  EXPECT_TRUE(only_sale().create_uncertain) << "marked before the create goes out";
  ASSERT_EQ(backend.creates.size(), 1u);
  const auto& request = backend.creates.front().request;
  EXPECT_EQ(request.total.minor, 125);
  EXPECT_EQ(request.lines.at(0).name, "Rest of sale");
  EXPECT_EQ(request.reference, only_sale().reference);
  answer_create("link-2");
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(screen_says("€1.25"));
  EXPECT_EQ(only_sale().link_id, "link-2");
  EXPECT_EQ(only_sale().link_amount_minor, 125);

  poll_finds(app::LinkState::kPaid, {exact("card-2", 1250, "REGULAR", "link-2")});
  EXPECT_EQ(only_sale().stage, SaleStage::kPaid);
  settle_paid_link({exact("card-2", 1250, "REGULAR", "link-2")});
  print_receipt();
  EXPECT_TRUE(receipt_has("Link | link-1"));
  EXPECT_TRUE(receipt_has("Payment | card-1"));
  EXPECT_TRUE(receipt_has("Link | link-2"));
  EXPECT_TRUE(receipt_has("Payment | card-2"));
  EXPECT_TRUE(receipt_has("PAID | €12.50"));
  EXPECT_EQ(exit_code, app::OnceExit::kPrinted);
}

TEST_F(SaleMoneyTest, AnUncertainCreateForTheRestIsSearchedPastTheLinksTheSaleAlreadyHas) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("card-1", 11250)});
  press("CHARGE");
  terminal_.reset();  // the power goes while the create is out
  backend.creates.clear();
  boot();
  ASSERT_EQ(backend.finds.size(), 1u);
  EXPECT_EQ(backend.finds.front().known, std::vector<std::string>{"link-1"});
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>());
  EXPECT_EQ(screen(), "underpaid") << "no link for the rest was made: the cashier decides again";
  EXPECT_FALSE(only_sale().create_uncertain);
  EXPECT_TRUE(backend.creates.empty());
}

TEST_F(SaleMoneyTest, TheTimeoutWithAPartPaymentIsUnderpaidNeverAPaymentTimeout) {
  reach_qr();
  poll_finds(app::LinkState::kPending, {exact("gift-1", 5000, "GIFT_CARD")});
  clock.advance(300s);
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  ASSERT_EQ(backend.statuses.size(), 2u) << "a poll still out, then the last look";
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPending,
                                                        {exact("gift-1", 5000, "GIFT_CARD")}});
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive,
                                                        {exact("gift-1", 5000, "GIFT_CARD")}});
  EXPECT_EQ(screen(), "underpaid");
  EXPECT_FALSE(screen_says("No payment received"));
}

TEST_F(SaleMoneyTest, ACancelWithAPartPaymentAndNoAnswerFromWixIsUnderpaidAndClosesTheLinkLater) {
  reach_qr();
  poll_finds(app::LinkState::kPending, {exact("gift-1", 5000, "GIFT_CARD")});
  press("CANCEL");
  FakeBackend::answer(backend.cancels,
                      app::BackendError{app::BackendFailure::kUnreachable, "down"});
  FakeBackend::answer(backend.statuses,
                      app::BackendError{app::BackendFailure::kUnreachable, "down"});
  EXPECT_EQ(screen(), "underpaid") << "money taken is never dropped";
  EXPECT_FALSE(only_sale().link_closed);
  EXPECT_TRUE(screen_says("Closing the first link"));
  // The link is closed in the background; CHARGE for the rest waits for that.
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive,
                                                        {exact("gift-1", 5000, "GIFT_CARD")}});
  EXPECT_TRUE(only_sale().link_closed);
  press("CHARGE");
  ASSERT_EQ(backend.creates.size(), 1u);
  EXPECT_EQ(backend.creates.front().request.total.minor, 750);
}

TEST_F(SaleMoneyTest, AnUnreadableEntryBesideAGoodOneIsLoggedAndNeverHidesIt) {
  reach_qr();
  poll_finds(
      app::LinkState::kPaid,
      {unreadable("odd-1", "payment odd-1 is in USD, the sale in EUR"), exact("card-1", 12500)});
  EXPECT_EQ(screen(), "paid") << "the readable payments already reach the total";
  EXPECT_TRUE(log.contains("odd-1"));
  const auto refunds = ledger->refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.payment_id, "odd-1");
  EXPECT_EQ(refunds.front().payment.refund_reason, RefundReason::kUnreadable);
  EXPECT_FALSE(refunds.front().payment.refund_thousandths);
}

TEST_F(SaleMoneyTest, AnUnreadablePaymentAloneAsksTheCashierToCheckItAndChargeLooksAgain) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {unreadable("odd-1", "payment odd-1 names no currency")});
  EXPECT_EQ(screen(), "check-payment");
  EXPECT_TRUE(screen_says("Link link-1"));
  EXPECT_TRUE(screen_says("Payment odd-1"));
  EXPECT_EQ(only_sale().stage, SaleStage::kCheckPayment);
  EXPECT_FALSE(screen_says("Network problem"));
  clock.advance(1h);
  EXPECT_EQ(screen(), "check-payment") << "no timeout while Wix holds a payment";

  EXPECT_TRUE(backend.cancels.empty()) << "a PAID link takes no more: nothing to close";
  press("CHARGE");
  ASSERT_EQ(backend.statuses.size(), 1u);
  FakeBackend::answer(backend.statuses,
                      app::LinkReport{app::LinkState::kPaid, {unreadable("odd-1", "still odd")}});
  EXPECT_EQ(screen(), "check-payment");
  press("CHARGE");
  // Wix's entry reads well now (the same id): the sale is paid with it.
  FakeBackend::answer(backend.statuses,
                      app::LinkReport{app::LinkState::kPaid, {exact("odd-1", 12500)}});
  EXPECT_EQ(screen(), "paid");
  EXPECT_EQ(only_sale().payments.at(0).amount_thousandths, 12500);
  EXPECT_TRUE(ledger->refunds_owed().empty());
}

TEST_F(SaleMoneyTest, CancelOnCheckPaymentEndsUnresolvedAndPutsEveryPaymentOnTheRefundList) {
  reach_qr(/*once=*/true);
  poll_finds(app::LinkState::kPaid, {exact("card-1", 5000), unreadable("odd-1", "no amount")});
  EXPECT_EQ(screen(), "check-payment");
  press("CANCEL");
  EXPECT_EQ(only_sale().end, SaleEnd::kUnresolved);
  EXPECT_EQ(exit_code, app::OnceExit::kUnresolved);
  const auto refunds = ledger->refunds_owed();
  ASSERT_EQ(refunds.size(), 2u);
  for (const auto& refund : refunds)
    EXPECT_EQ(refund.payment.refund_reason, RefundReason::kUnresolved);
  EXPECT_TRUE(printer.printed.empty());
}

TEST_F(SaleMoneyTest, AnOverpaymentSaysHowMuchToRefundAndFromWhichPayment) {
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("card-1", 15000)});
  EXPECT_EQ(screen(), "paid");
  EXPECT_TRUE(screen_says("refund €2.50 from payment card-1"));
  settle_paid_link({exact("card-1", 15000)});
  print_receipt();
  EXPECT_TRUE(receipt_has("PAID | €15.00"));
  EXPECT_TRUE(receipt_has("REFUND €2.50 from payment card-1"));
  const auto refunds = ledger->refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.refund_thousandths, 2500);
  EXPECT_EQ(refunds.front().payment.refund_reason, RefundReason::kOverpaid);
}

TEST_F(SaleMoneyTest, OnlyTheTechnicianClearsARefund) {
  settings.technician_pin = "4321";
  reach_qr();
  poll_finds(app::LinkState::kPaid, {exact("card-1", 15000)});
  settle_paid_link({exact("card-1", 15000)});
  print_receipt();
  press("0 MENU 3 4 3 2 1 CHARGE 6");
  EXPECT_EQ(screen(), "refunds");
  EXPECT_TRUE(screen_says("Refund €2.50"));
  EXPECT_TRUE(screen_says("The customer paid too much."));
  press("CLEAR");
  EXPECT_TRUE(ledger->refunds_owed().empty());
  EXPECT_TRUE(screen_says("No refunds owed"));
  EXPECT_TRUE(log.contains("cleared by the technician"));
}

TEST_F(SaleMoneyTest, ASiteThatTakesAnotherCurrencyStopsSalesAndSaysBothCurrencies) {
  boot(/*once=*/true, /*site=*/false);
  press("1 2 5 0 CHARGE");
  EXPECT_TRUE(backend.creates.empty()) << "CHARGE waits for the site's answer";
  EXPECT_TRUE(screen_says("Checking the Wix site first"));
  app::SiteProperties site;
  site.payment_currency = "USD";
  FakeBackend::answer(backend.sites, site);
  EXPECT_TRUE(backend.creates.empty());
  EXPECT_EQ(screen(), "error");
  EXPECT_TRUE(screen_says("USD"));
  EXPECT_TRUE(screen_says("EUR"));
  EXPECT_EQ(exit_code, app::OnceExit::kFailed);
  press("1 CHARGE");
  EXPECT_TRUE(backend.creates.empty());
}

TEST_F(SaleMoneyTest, AChargeKeyedWhileTheSiteIsCheckedStartsOnceItAnswers) {
  boot(/*once=*/false, /*site=*/false);
  press("1 2 5 0 CHARGE");
  EXPECT_TRUE(backend.creates.empty());
  app::SiteProperties site;
  site.payment_currency = "EUR";
  site.business_name = "Café Zoë SARL";
  site.time_zone = "Europe/Paris";
  FakeBackend::answer(backend.sites, site);
  ASSERT_EQ(backend.creates.size(), 1u);
  EXPECT_EQ(backend.creates.front().request.total.minor, 1250);
  EXPECT_EQ(terminal_->site().time_zone, "Europe/Paris");
}

TEST_F(SaleMoneyTest, ASiteThatCannotBeReadIsLoggedOnceAndSalesGoOnInTheConfiguredCurrency) {
  boot(/*once=*/false, /*site=*/false);
  FakeBackend::answer(
      backend.sites, app::BackendError{app::BackendFailure::kRejectedKey, "Wix answered HTTP 403"});
  EXPECT_TRUE(log.contains("Read site, business, and email details"));
  press("1 2 5 0 CHARGE");
  ASSERT_EQ(backend.creates.size(), 1u);
  EXPECT_EQ(backend.creates.front().request.total.currency.code, "EUR");
}

TEST_F(SaleMoneyTest, AClockMoreThanFiveMinutesOffWixsSaysSetTheClock) {
  backend.skew = std::chrono::seconds(-290);
  boot();
  EXPECT_FALSE(screen_says("Set the clock"));
  backend.skew = std::chrono::seconds(-400);
  press("1 CANCEL");
  EXPECT_TRUE(screen_says("Set the clock"));
}

}  // namespace
}  // namespace linkpos::testing
