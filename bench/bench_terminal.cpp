// The terminal's hot paths, measured: drawing the QR screen, encoding a receipt, committing a
// sale's steps, reading Wix's replies. Budgets and recorded results: bench/README.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "app/receipt_layout.hpp"
#include "app/screens.hpp"
#include "app/strings.hpp"
#include "drivers/escpos/encoder.hpp"
#include "store/ledger.hpp"
#include "ui/qr.hpp"
#include "ui/screen_painter.hpp"
#include "wix/wire.hpp"

namespace {

using namespace linkpos;

constexpr const char* kUrl =
    "https://www.example-shop.com/payment-links/6a206d71-52f5-4012-b3dd-8a283fea052e";

app::Settings settings() {
  app::Settings s;
  s.terminal_id = "T1";
  s.currency = *app::currency_by_code("EUR");
  s.merchant = app::Merchant{"Café Zoë", {"12 Rue des Lilas", "75011 Paris"}, "FR123", 2000};
  return s;
}

void BM_EncodeQr(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(ui::encode_qr(kUrl));
}
BENCHMARK(BM_EncodeQr);

// A whole QR frame, as presented every second while the customer pays.
void BM_PaintQrScreen(benchmark::State& state) {
  std::vector<std::uint8_t> pixels(320 * 240 * 4);
  const hal::Framebuffer fb{320, 240, 320 * 4, hal::PixelFormat::kXrgb8888, pixels};
  const auto screen =
      app::screens::qr(app::english_strings(), app::Money{1250, settings().currency}, kUrl,
                       "X03Q7MNC", std::chrono::seconds(299), std::nullopt);
  for (auto _ : state)
    benchmark::DoNotOptimize(ui::paint_screen(screen, fb));
}
BENCHMARK(BM_PaintQrScreen);

void BM_EncodeReceipt(benchmark::State& state) {
  store::SaleRecord sale;
  sale.reference = "T1-01JDZZZZZZZZZZZZZZZZZZZZ";
  sale.amount_minor = 1250;
  sale.link_id = "6a206d71-52f5-4012-b3dd-8a283fea052e";
  sale.receipt_number = 42;
  store::PaymentRecord payment;
  payment.payment_id = "afb2f6c0-e497-4c69-9ddb-be8c82351456";
  payment.link_id = sale.link_id;
  payment.amount_thousandths = 12500;
  payment.counted = true;
  sale.payments.push_back(payment);
  const auto doc =
      app::layout_receipt(sale, settings(), app::english_strings(), app::ReceiptCopy::kOriginal);
  drivers::escpos::Encoder encoder(drivers::escpos::PrinterSettings{48, {"CP858", 19}});
  for (auto _ : state)
    benchmark::DoNotOptimize(encoder.encode(doc));
}
BENCHMARK(BM_EncodeReceipt);

// Every step of one paid sale, each an fsync'd transaction: the one blocking call the event
// loop accepts. Measured on the disk the build folder is on.
void BM_LedgerWholeSale(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() / "linkpos-bench-ledger.sqlite";
  std::filesystem::remove(path);
  store::Ledger ledger(path.string());
  long n = 0;
  for (auto _ : state) {
    store::SaleRecord sale;
    sale.reference = "B-" + std::to_string(n++);
    sale.business_day = "2026-11-25";
    sale.currency = "EUR";
    sale.amount_minor = 1250;
    store::PaymentRecord payment;
    payment.payment_id = "p" + sale.reference;
    payment.link_id = "l";
    payment.amount_thousandths = 12500;
    (void)ledger.record_started(sale).value();
    (void)ledger.record_link_created(sale.reference, "l", "u", 1, 1250).value();
    (void)ledger.record_payments(sale.reference, {payment}).value();
    (void)ledger.record_paid(sale.reference, 2, {}).value();
    (void)ledger.record_receipt_issued(sale.reference, {{payment.payment_id, "r"}}).value();
    (void)ledger.record_print_started(sale.reference).value();
    (void)ledger.record_printed(sale.reference).value();
    (void)ledger.record_link_closed(sale.reference).value();
    (void)ledger.record_ended(sale.reference, store::SaleEnd::kCompleted, "printed").value();
  }
  state.SetLabel("9 commits per sale");
  std::filesystem::remove(path);
}
BENCHMARK(BM_LedgerWholeSale)->Unit(benchmark::kMillisecond);

void BM_ParsePaymentsPage(benchmark::State& state) {
  const std::string body =
      R"({"paymentLinkPayments": [{"id": "afb2f6c0-e497-4c69-9ddb-be8c82351456",
    "revision": "2", "createdDate": "2025-01-21T09:18:11.648Z", "amount": "10.99",
    "paymentLinkId": "6a206d71-52f5-4012-b3dd-8a283fea052e", "type": "REGULAR", "currencyCode": "USD",
    "regularPaymentLinkPayment": {"contactDetails": {"firstName": "John", "lastName": "Doe"}}}],
    "pagingMetadata": {"count": 1, "hasNext": false}})";
  for (auto _ : state)
    benchmark::DoNotOptimize(wix::parse_payments_page(body));
}
BENCHMARK(BM_ParsePaymentsPage);

}  // namespace

BENCHMARK_MAIN();
