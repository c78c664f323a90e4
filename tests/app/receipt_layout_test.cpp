#include "app/receipt_layout.hpp"

#include <gtest/gtest.h>

#include "app/terminal_fixture.hpp"
#include "fakes/document_text.hpp"

namespace linkpos::testing {
namespace {

store::SaleRecord paid_sale() {
  store::SaleRecord sale;
  sale.reference = "T1-01JDZZZZZZZZZZZZZZZZZZZZ";
  sale.currency = "EUR";
  sale.amount_minor = 1250;
  sale.stage = store::SaleStage::kReceiptIssued;
  sale.link_id = "6a206d71-52f5-4012-b3dd-8a283fea052e";
  sale.paid_at_ms = 1'790'000'000'000;
  sale.receipt_number = 42;
  store::PaymentRecord payment;
  payment.payment_id = "afb2f6c0-e497-4c69-9ddb-be8c82351456";
  payment.link_id = sale.link_id;
  payment.amount_thousandths = 12500;
  payment.kind = "REGULAR";
  payment.card = "**** **** **** 5678";
  payment.backend_receipt_id = "92161421-7897-40ed-9af5-5bc3b1f1fdeb";
  payment.counted = true;
  sale.payments.push_back(payment);
  return sale;
}

store::PaymentRecord counted(const std::string& id, std::int64_t thousandths,
                             const std::string& kind = "REGULAR") {
  store::PaymentRecord payment;
  payment.payment_id = id;
  payment.link_id = "6a206d71-52f5-4012-b3dd-8a283fea052e";
  payment.amount_thousandths = thousandths;
  payment.kind = kind;
  payment.counted = true;
  return payment;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

TEST(ReceiptLayoutTest, CarriesTheMerchantTheSaleAndEveryId) {
  const auto doc = app::layout_receipt(paid_sale(), euro_settings(), app::english_strings(),
                                       app::ReceiptCopy::kOriginal);
  const auto lines = document_texts(doc);
  EXPECT_EQ(doc.job_name, "T1-01JDZZZZZZZZZZZZZZZZZZZZ");
  EXPECT_EQ(lines.front(), "Café Zoë");
  EXPECT_TRUE(has(lines, "12 Rue des Lilas"));
  EXPECT_TRUE(has(lines, "Tax ID FR123"));
  EXPECT_TRUE(has(lines, "Receipt No. | 000042"));
  EXPECT_TRUE(has(lines, "Terminal | T1"));
  EXPECT_TRUE(has(lines, "TOTAL | €12.50"));
  EXPECT_TRUE(has(lines, "Link | 6a206d71-52f5-4012-b3dd-8a283fea052e"));
  EXPECT_TRUE(has(lines, "Card ...5678 | €12.50"));
  EXPECT_TRUE(has(lines, "Payment | afb2f6c0-e497-4c69-9ddb-be8c82351456"));
  EXPECT_TRUE(has(lines, "Wix receipt | 92161421-7897-40ed-9af5-5bc3b1f1fdeb"));
  EXPECT_TRUE(has(lines, "PAID | €12.50"));
  EXPECT_FALSE(has(lines, "*** COPY ***"));
  EXPECT_TRUE(std::holds_alternative<hal::Cut>(doc.elements.back()));
}

TEST(ReceiptLayoutTest, ShowsNetTaxAndGrossWhenAVatRateIsConfigured) {
  const auto lines = document_texts(app::layout_receipt(
      paid_sale(), euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_TRUE(has(lines, "VAT 20% included"));
  EXPECT_TRUE(has(lines, "Net | €10.42"));
  EXPECT_TRUE(has(lines, "VAT | €2.08"));
  EXPECT_TRUE(has(lines, "Gross | €12.50"));
}

TEST(ReceiptLayoutTest, LeavesVatOutWithoutARate) {
  auto settings = euro_settings();
  settings.merchant.vat_rate_basis_points.reset();
  const auto lines = document_texts(app::layout_receipt(
      paid_sale(), settings, app::english_strings(), app::ReceiptCopy::kOriginal));
  for (const auto& line : lines)
    EXPECT_EQ(line.find("VAT"), std::string::npos) << line;
}

TEST(ReceiptLayoutTest, KeepsTheCurrencysDecimals) {
  auto settings = euro_settings();
  settings.currency = *app::currency_by_code("KWD");
  settings.merchant.vat_rate_basis_points = 500;
  auto sale = paid_sale();
  sale.currency = "KWD";
  sale.payments.front().amount_thousandths = 1250;
  const auto lines = document_texts(
      app::layout_receipt(sale, settings, app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_TRUE(has(lines, "TOTAL | KWD 1.250"));
  EXPECT_TRUE(has(lines, "PAID | KWD 1.250"));
  EXPECT_TRUE(has(lines, "VAT 5% included"));
  EXPECT_TRUE(has(lines, "VAT | KWD 0.060"));
}

TEST(ReceiptLayoutTest, ACopySaysSoAtTopAndBottom) {
  const auto lines = document_texts(app::layout_receipt(
      paid_sale(), euro_settings(), app::english_strings(), app::ReceiptCopy::kCopy));
  EXPECT_EQ(lines.front(), "*** COPY ***");
  EXPECT_EQ(lines.back(), "*** COPY ***");
}

TEST(ReceiptLayoutTest, LeavesOutTheBackendReceiptWhenThereIsNone) {
  auto sale = paid_sale();
  sale.payments.front().backend_receipt_id.clear();
  const auto lines = document_texts(app::layout_receipt(
      sale, euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  for (const auto& line : lines)
    EXPECT_EQ(line.find("Wix receipt"), std::string::npos);
}

TEST(ReceiptLayoutTest, ListsEachPaymentOfACheckoutPaidInPartsAndNoRefund) {
  auto sale = paid_sale();
  sale.payments = {counted("gift-1", 5000, "GIFT_CARD"), counted("card-1", 7500)};
  const auto lines = document_texts(app::layout_receipt(
      sale, euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_TRUE(has(lines, "Gift card | €5.00"));
  EXPECT_TRUE(has(lines, "Payment | gift-1"));
  EXPECT_TRUE(has(lines, "Wix payment | €7.50"));
  EXPECT_TRUE(has(lines, "Payment | card-1"));
  EXPECT_TRUE(has(lines, "PAID | €12.50"));
  for (const auto& line : lines)
    EXPECT_EQ(line.find("REFUND"), std::string::npos) << line;
}

TEST(ReceiptLayoutTest, AnAmountWithThreeDecimalsIsPrintedExactlyAndNeverRoundedUp) {
  auto sale = paid_sale();
  sale.payments = {counted("card-1", 11733)};
  sale.written_off_thousandths = 767;
  const auto lines = document_texts(app::layout_receipt(
      sale, euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_TRUE(has(lines, "TOTAL | €12.50"));
  EXPECT_TRUE(has(lines, "Wix payment | €11.733"));
  EXPECT_TRUE(has(lines, "PAID | €11.733"));
  EXPECT_TRUE(has(lines, "Written off | €0.767"));
  // VAT is inside what was paid: 11.73 at 20 %.
  EXPECT_TRUE(has(lines, "Gross | €11.73"));
  EXPECT_TRUE(has(lines, "VAT | €1.96"));
}

TEST(ReceiptLayoutTest, AnOverpaymentSaysHowMuchToRefundFromWhichPayment) {
  auto sale = paid_sale();
  auto second = counted("card-2", 12500);
  second.refund_reason = store::RefundReason::kOverpaid;
  second.refund_thousandths = 12500;
  sale.payments.push_back(second);
  const auto lines = document_texts(app::layout_receipt(
      sale, euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_TRUE(has(lines, "PAID | €25.00"));
  EXPECT_TRUE(has(lines, "REFUND €12.50 from payment card-2"));
}

TEST(ReceiptLayoutTest, APaymentNotCountedForTheSaleIsNotOnItsReceipt) {
  auto sale = paid_sale();
  auto late = counted("late-1", 12500);
  late.counted = false;
  late.refund_reason = store::RefundReason::kAfterSale;
  late.refund_thousandths = 12500;
  sale.payments.push_back(late);
  const auto lines = document_texts(app::layout_receipt(
      sale, euro_settings(), app::english_strings(), app::ReceiptCopy::kOriginal));
  EXPECT_FALSE(has(lines, "Payment | late-1"));
  EXPECT_TRUE(has(lines, "PAID | €12.50"));
}

}  // namespace
}  // namespace linkpos::testing
