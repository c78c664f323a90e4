// Money in every shape Wix documents, with real processes over TLS: wixsim made to write amounts
// its own way, discount checkouts, split them by gift card, take more than is due, list entries
// the terminal cannot read, sell in another currency, bury a link among other terminals' and
// keep a clock of its own. The terminal must never hide a payment nor print more than it got.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/frame_log.hpp"
#include "e2e/wixsim_terminal.hpp"
#include "store/ledger.hpp"
#include "support/read_file.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

ChildProcess linkpos(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), LINKPOS_BINARY);
  return ChildProcess(std::move(arguments));
}

bool any_frame_says(const std::vector<LoggedFrame>& frames, const std::string& screen,
                    const std::string& text) {
  for (const auto& frame : frames) {
    if (frame.screen != screen)
      continue;
    for (const auto& line : frame.lines) {
      if (line.find(text) != std::string::npos)
        return true;
    }
  }
  return false;
}

// The sale's receipt, as the file printer wrote it.
std::string receipt_of(const WixsimTerminal& wix, const store::SaleRecord& sale) {
  return read_file(fs::path(wix.dir().file("receipts")) / (sale.reference + ".txt"));
}

store::SaleRecord only_sale(const WixsimTerminal& wix) {
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  return ledger.recent(1).at(0);
}

// The line of a receipt's text that starts with `label` ("PAID"), or "".
std::string receipt_line(const std::string& receipt, const std::string& label) {
  std::size_t at = 0;
  while (at < receipt.size()) {
    const auto end = receipt.find('\n', at);
    const std::string line = receipt.substr(at, end - at);
    if (line.rfind(label, 0) == 0)
      return line;
    if (end == std::string::npos)
      break;
    at = end + 1;
  }
  return "";
}

std::string link_url(const nlohmann::json& link) {
  return link.at("links").at("url").at("url").get<std::string>();
}

struct AmountShape {
  std::vector<std::string> wixsim_options;
  const char* name;
};

class AmountShapeTest : public ::testing::TestWithParam<AmountShape> {};

TEST_P(AmountShapeTest, IsPaidAndPrintedAsTheSaleAmountWithoutANetworkScare) {
  auto options = GetParam().wixsim_options;
  options.insert(options.end(), {"--auto-pay", "0.2"});
  WixsimTerminal wix(options);
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_EQ(terminal.wait(60s), 0);
  const auto payment = wix.state().at("payments").at(0);
  const auto sale = only_sale(wix);
  ASSERT_EQ(sale.payments.size(), 1u);
  EXPECT_EQ(sale.payments.at(0).amount_thousandths, 12500) << payment.dump();
  const auto receipt = receipt_of(wix, sale);
  EXPECT_NE(receipt_line(receipt, "PAID").find("€12.50"), std::string::npos) << receipt;
  EXPECT_EQ(receipt.find("€12.500"), std::string::npos) << "zeros past the cent are not money";
  EXPECT_FALSE(any_frame_says(frames_in(terminal.stderr_lines()), "qr", "Network problem"));
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_TRUE(ledger.refunds_owed().empty());
}

INSTANTIATE_TEST_SUITE_P(WixAmounts, AmountShapeTest,
                         ::testing::Values(AmountShape{{"--amount-scale", "3"}, "ThreeDecimals"},
                                           AmountShape{{"--amount-scale", "0"}, "FewestDecimals"},
                                           AmountShape{{"--amount-form", "number",
                                                        "--payment-currency-field", "currencyCode"},
                                                       "JsonNumberAndCurrencyCode"},
                                           AmountShape{{"--payment-currency-field", "currency"},
                                                       "CurrencyOnly"}),
                         [](const auto& shape) { return std::string(shape.param.name); });

TEST(WixMoneyTest, ADiscountedCheckoutIsUnderpaidAndCancelAcceptsWhatWasPaid) {
  WixsimTerminal wix({"--discount", "10", "--auto-pay", "0.2"});
  auto terminal = linkpos(
      {"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE wait:underpaid CANCEL", "--once"});
  ASSERT_EQ(terminal.wait(60s), 0) << "a receipt for what was paid";
  const auto frames = frames_in(terminal.stderr_lines());
  EXPECT_TRUE(any_frame_says(frames, "underpaid", "Paid €11.25"));
  EXPECT_TRUE(any_frame_says(frames, "underpaid", "Short €1.25"));
  const auto sale = only_sale(wix);
  EXPECT_EQ(sale.end, store::SaleEnd::kCompleted);
  EXPECT_EQ(sale.written_off_thousandths, 1250);
  const auto receipt = receipt_of(wix, sale);
  EXPECT_NE(receipt_line(receipt, "PAID").find("€11.25"), std::string::npos) << receipt;
  EXPECT_NE(receipt_line(receipt, "Written off").find("€1.25"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find(wix.state().at("payments").at(0).at("id").get<std::string>()),
            std::string::npos);
}

TEST(WixMoneyTest, ADiscountedCheckoutIsUnderpaidAndChargeSellsTheRestOnASecondLink) {
  WixsimTerminal wix;
  auto terminal = linkpos(
      {"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE wait:underpaid CHARGE", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  EXPECT_EQ(wix.pay(link_url(wix.state().at("links").at(0)), "11.25"), 200u);
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"underpaid\"", 60s));
  // The script presses CHARGE: a second link for the rest.
  nlohmann::json links;
  for (int tries = 0; tries < 600 && (links = wix.state().at("links")).size() < 2; ++tries)
    terminal.wait_for_stderr("\"screen\":\"qr\"", 100ms);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links.at(1).at("ecomPaymentLink").at("lineItems").at(0).at("customItem").at("price"),
            "1.25");
  EXPECT_EQ(wix.pay(link_url(links.at(1))), 200u);
  ASSERT_EQ(terminal.wait(60s), 0);
  const auto sale = only_sale(wix);
  ASSERT_EQ(sale.payments.size(), 2u);
  EXPECT_EQ(sale.counted_thousandths(), 12500);
  EXPECT_EQ(sale.written_off_thousandths, 0);
  const auto receipt = receipt_of(wix, sale);
  EXPECT_NE(receipt_line(receipt, "PAID").find("€12.50"), std::string::npos) << receipt;
  const auto state = wix.state();
  for (const auto& link : state.at("links")) {
    EXPECT_NE(link.at("title").get<std::string>().find(sale.reference), std::string::npos);
    EXPECT_NE(link.at("status"), "ACTIVE");
    EXPECT_NE(receipt.find(link.at("id").get<std::string>()), std::string::npos);
  }
}

TEST(WixMoneyTest, ACheckoutPaidPartlyByGiftCardIsOnePaidSaleWithBothPaymentsAndNoRefund) {
  WixsimTerminal wix({"--gift-card", "40", "--auto-pay", "0.2"});
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_EQ(terminal.wait(60s), 0);
  const auto payments = wix.state().at("payments");
  ASSERT_EQ(payments.size(), 2u);
  const auto sale = only_sale(wix);
  const auto receipt = receipt_of(wix, sale);
  for (const auto& payment : payments)
    EXPECT_NE(receipt.find(payment.at("id").get<std::string>()), std::string::npos) << receipt;
  EXPECT_NE(receipt_line(receipt, "Gift card").find("€5.00"), std::string::npos) << receipt;
  EXPECT_NE(receipt_line(receipt, "PAID").find("€12.50"), std::string::npos) << receipt;
  EXPECT_EQ(receipt.find("REFUND"), std::string::npos);
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  EXPECT_TRUE(ledger.refunds_owed().empty()) << "money rightly paid is never refunded";
}

TEST(WixMoneyTest, AnOverpaymentIsPrintedWithTheRefundDueAndGoesOnTheRefundList) {
  WixsimTerminal wix;
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  EXPECT_EQ(wix.pay(link_url(wix.state().at("links").at(0)), "15.00"), 200u);
  ASSERT_EQ(terminal.wait(60s), 0);
  const auto frames = frames_in(terminal.stderr_lines());
  EXPECT_TRUE(any_frame_says(frames, "paid", "refund €2.50"));
  const auto sale = only_sale(wix);
  const auto receipt = receipt_of(wix, sale);
  const std::string payment_id = wix.state().at("payments").at(0).at("id");
  // The line wraps on the paper before the id.
  EXPECT_NE(receipt.find("REFUND €2.50 from payment"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find(payment_id), std::string::npos) << receipt;
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  const auto refunds = ledger.refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.payment_id, payment_id);
  EXPECT_EQ(refunds.front().payment.refund_thousandths, 2500);
}

TEST(WixMoneyTest, AnUnreadableEntryBesideAGoodPaymentIsKeptForTheDashboardNotHidden) {
  WixsimTerminal wix;
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  const auto link = wix.state().at("links").at(0);
  const std::string link_id = link.at("id");
  wix.add_raw_payments({{"id", "raw-garbled"},
                        {"paymentLinkId", link_id},
                        {"amount", "12,50"},
                        {"currency", "EUR"}});
  EXPECT_EQ(wix.pay(link_url(link)), 200u);
  ASSERT_EQ(terminal.wait(60s), 0) << "the readable payment reaches the total";
  bool logged = false;
  for (const auto& line : terminal.stderr_lines())
    logged = logged || line.find("raw-garbled") != std::string::npos;
  EXPECT_TRUE(logged) << "logged with its id";
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  const auto refunds = ledger.refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds.front().payment.payment_id, "raw-garbled");
  EXPECT_EQ(refunds.front().payment.refund_reason, store::RefundReason::kUnreadable);
}

TEST(WixMoneyTest, AnUnreadablePaymentAloneAsksForACheckAndGivingUpExitsSix) {
  WixsimTerminal wix;
  auto terminal = linkpos({"--config", wix.write_config(), "--keys",
                           "1 2 5 0 CHARGE wait:check-payment CANCEL", "--once"});
  ASSERT_TRUE(terminal.wait_for_stderr("\"screen\":\"qr\"", 60s));
  const std::string link_id = wix.state().at("links").at(0).at("id");
  wix.add_raw_payments(
      {{"id", "raw-usd"}, {"paymentLinkId", link_id}, {"amount", "12.50"}, {"currency", "USD"}});
  EXPECT_EQ(terminal.wait(60s), 6);
  const auto frames = frames_in(terminal.stderr_lines());
  EXPECT_TRUE(any_frame_says(frames, "check-payment", "raw-usd"));
  EXPECT_TRUE(any_frame_says(frames, "check-payment", link_id));
  EXPECT_FALSE(any_frame_says(frames, "error", "No payment received"));
  const auto sale = only_sale(wix);
  EXPECT_EQ(sale.end, store::SaleEnd::kUnresolved);
  store::Ledger ledger(wix.dir().file("ledger.sqlite"));
  ASSERT_EQ(ledger.refunds_owed().size(), 1u);
  EXPECT_EQ(ledger.refunds_owed().front().payment.refund_reason, store::RefundReason::kUnresolved);
}

TEST(WixMoneyTest, ASiteThatTakesAnotherCurrencyIsRefusedAtStart) {
  WixsimTerminal wix({"--site-currency", "USD"});
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  EXPECT_EQ(terminal.wait(60s), 3);
  const auto frames = frames_in(terminal.stderr_lines());
  EXPECT_TRUE(any_frame_says(frames, "error", "USD"));
  EXPECT_TRUE(any_frame_says(frames, "error", "EUR"));
  EXPECT_TRUE(wix.state().at("links").empty()) << "no link in a currency the site refuses";
}

TEST(WixMoneyTest, SitePropertiesAKeyMayNotReadLeaveSalesGoingWithOneWarning) {
  WixsimTerminal wix({"--fault", "site-properties:403", "--auto-pay", "0.2"});
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  EXPECT_EQ(terminal.wait(60s), 0);
  int warnings = 0;
  for (const auto& line : terminal.stderr_lines())
    warnings += line.find("site's properties") != std::string::npos ? 1 : 0;
  EXPECT_EQ(warnings, 1);
}

TEST(WixMoneyTest, ALostCreateIsFoundOnALaterPageOfABusySite) {
  // Other terminals make 150 links right after this sale's, so it sits on page 2 of the search.
  WixsimTerminal wix(
      {"--busy-site", "150", "--fault", "create-link:commit-then-drop:1", "--auto-pay", "0.5"});
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_EQ(terminal.wait(60s), 0) << "the sale resolved on its own link";
  const auto sale = only_sale(wix);
  int ours = 0;
  const auto state = wix.state();
  for (const auto& link : state.at("links"))
    ours += link.at("title").get<std::string>().find(sale.reference) != std::string::npos ? 1 : 0;
  EXPECT_EQ(ours, 1) << "never a second link for one sale";
}

TEST(WixMoneyTest, AWixClockAheadOfTheTerminalsSaysSetTheClock) {
  WixsimTerminal wix({"--clock-offset", "600"});
  auto terminal = linkpos({"--config", wix.write_config()});
  EXPECT_TRUE(terminal.wait_for_stderr("Set the clock", 60s));
  terminal.signal(SIGTERM);
  EXPECT_EQ(terminal.wait(60s), 0);
}

TEST(WixMoneyTest, ALostCreateIsFoundThoughWixsClockIsFifteenMinutesBehind) {
  // Wix dates the link 15 minutes before the terminal's clock says the sale began: the search
  // window widens by the skew the Date headers showed.
  WixsimTerminal wix(
      {"--clock-offset", "-900", "--fault", "create-link:commit-then-drop:1", "--auto-pay", "0.5"});
  auto terminal = linkpos({"--config", wix.write_config(), "--keys", "1 2 5 0 CHARGE", "--once"});
  ASSERT_EQ(terminal.wait(60s), 0);
  EXPECT_EQ(wix.state().at("links").size(), 1u);
}

}  // namespace
}  // namespace linkpos::testing
