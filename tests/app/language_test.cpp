#include <algorithm>
#include <string>
#include <variant>

#include "app/local_time.hpp"
#include "app/money.hpp"
#include "app/strings.hpp"
#include "app/terminal.hpp"
#include "app/terminal_fixture.hpp"
#include "fakes/document_text.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

// The terminal as main.cpp builds it for terminal.language "fr": the French table handed to the
// sale and made the active one, so money is written the French way too.
class FrenchTerminalTest : public TerminalFixture {
 protected:
  FrenchTerminalTest() { app::use_strings(french); }
  ~FrenchTerminalTest() override {
    terminal_.reset();
    app::use_strings(app::english_strings());
  }

  void boot_in_french() {
    terminal_.reset();
    backend.sites.clear();
    app::TerminalOptions options;
    options.version = "test";
    options.backend_name = "fake";
    terminal_ = std::make_unique<app::Terminal>(french_services, display, options, nullptr);
    terminal_->start();
    if (!backend.sites.empty())
      FakeBackend::answer(backend.sites, app::SiteProperties{});
  }

  // Every printed line of the first document, a columns line as "left | right".
  std::vector<std::string> receipt_lines() const {
    std::vector<std::string> lines;
    for (const hal::ReceiptElement& element : printer.printed.at(0).elements) {
      if (const auto* text = std::get_if<hal::TextLine>(&element))
        lines.push_back(text->text);
      else if (const auto* columns = std::get_if<hal::ColumnsLine>(&element))
        lines.push_back(columns->left + " | " + columns->right);
    }
    return lines;
  }

  // A keyed sale of `minor` cents paid in full, answered up to its printed receipt, as
  // ReportsTest sells.
  void sell(std::int64_t minor) {
    for (const char digit : std::to_string(minor))
      press(std::string(1, digit));
    press("CHARGE");
    answer_create();
    clock.advance(2s);
    const std::vector<app::Payment> paid{card_payment("pay-1", minor)};
    FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPaid, paid});
    settle_paid_link(paid);
    FakeBackend::answer(backend.receipts, std::string(""));
    printer.finish();
    press("CLEAR");
  }

  static std::string french_date(std::int64_t unix_ms) {
    return app::format_local_time(app::from_unix_ms(unix_ms), "%d/%m/%Y %H:%M");
  }

  static bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  }

  const app::Strings& french = *app::strings_for("fr");
  app::SaleServices french_services{settings, french, clock, backend, printer, *ledger, log};
};

TEST_F(FrenchTerminalTest, TheCashierReadsFrenchAndEurosTheFrenchWay) {
  boot_in_french();
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("Saisir un montant"));
  EXPECT_FALSE(screen_says("Key in an amount"));

  press("1 2 5 0");
  EXPECT_EQ(screen(), "amount");
  EXPECT_TRUE(screen_says("12,50\u00A0€"));
  press("CHARGE");
  answer_create();
  EXPECT_EQ(screen(), "qr");
  EXPECT_TRUE(screen_says("Scannez pour payer"));
  EXPECT_TRUE(screen_says("12,50\u00A0€"));
}

TEST_F(FrenchTerminalTest, TheReceiptIsPrintedInFrench) {
  boot_in_french();
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  EXPECT_TRUE(screen_says("PAYÉ"));
  FakeBackend::answer(backend.receipts, std::string("rcpt-9"));
  ASSERT_EQ(printer.printed.size(), 1u);

  const auto lines = receipt_lines();
  EXPECT_TRUE(has_line(lines, "Ticket n° | 000001")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has_line(lines, "TOTAL | 12,50\u00A0€")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has_line(lines, "Dont TVA 20\u00A0%")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has_line(lines, "TTC | 12,50\u00A0€")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has_line(lines, "Payé par lien de paiement Wix")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has_line(lines, "Merci de votre visite\u00A0!")) << ::testing::PrintToString(lines);
  EXPECT_FALSE(has_line(lines, "Thank you!"));

  printer.finish();
  EXPECT_TRUE(screen_says("Ticket imprimé"));
  press("0");
  EXPECT_EQ(screen(), "idle");
  EXPECT_TRUE(screen_says("Dernière vente\u00A0: 12,50\u00A0€ payée"));
}

TEST_F(FrenchTerminalTest, TheReceiptIsDatedTheFrenchWay) {
  boot_in_french();
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string("rcpt-9"));
  ASSERT_EQ(printer.printed.size(), 1u);

  const auto paid_at_ms = ledger->recent(1).at(0).paid_at_ms;
  const auto lines = receipt_lines();
  EXPECT_TRUE(has_line(lines, "Date | " + french_date(paid_at_ms)))
      << ::testing::PrintToString(lines);
  EXPECT_FALSE(has_line(
      lines, "Date | " + app::format_local_time(app::from_unix_ms(paid_at_ms), "%Y-%m-%d %H:%M")));
}

TEST_F(FrenchTerminalTest, AVatRateWithDecimalsIsPrintedWithAComma) {
  settings.merchant.vat_rate_basis_points = 550;  // France's reduced rate
  boot_in_french();
  press("1 2 5 0 CHARGE");
  answer_create();
  clock.advance(2s);
  FakeBackend::answer(backend.statuses, paid_status());
  FakeBackend::answer(backend.receipts, std::string("rcpt-9"));
  ASSERT_EQ(printer.printed.size(), 1u);

  const auto lines = receipt_lines();
  EXPECT_TRUE(has_line(lines, "Dont TVA 5,5\u00A0%")) << ::testing::PrintToString(lines);
  EXPECT_FALSE(has_line(lines, "Dont TVA 5.5\u00A0%"));
}

TEST_F(FrenchTerminalTest, AnXReportFromTheMenuWritesMoneyAndDatesTheFrenchWay) {
  settings.merchant.vat_rate_basis_points = 550;
  boot_in_french();
  sell(1250);
  const std::string reference = ledger->recent(1).at(0).reference;

  const std::size_t printed = printer.printed.size();
  press("MENU 7 1");
  EXPECT_EQ(screen(), "report");
  if (backend.reconciling) {
    ASSERT_EQ(backend.periods.size(), 1u);
    FakeBackend::answer(backend.periods, std::vector<app::ServicePayment>{app::ServicePayment{
                                             card_payment("pay-1", 1250), "Sale " + reference}});
  }
  ASSERT_EQ(printer.printed.size(), printed + 1) << "the report went to the printer";
  const hal::ReceiptDocument& x = printer.printed.back();
  const auto texts = document_texts(x);

  EXPECT_EQ(x.job_name.rfind("X-", 0), 0u) << "a file name, the same in every language";
  EXPECT_TRUE(document_has(x, "RAPPORT X")) << ::testing::PrintToString(texts);
  EXPECT_TRUE(document_has(x, "Encaissé | 12,50\u00A0€")) << ::testing::PrintToString(texts);
  EXPECT_TRUE(document_has(x, "Dont TVA 5,5\u00A0%")) << ::testing::PrintToString(texts);
  EXPECT_TRUE(document_has(x, "Au | " + french_date(app::to_unix_ms(clock.now()))))
      << ::testing::PrintToString(texts);
  for (const std::string& text : texts)
    EXPECT_EQ(text.find("€12.50"), std::string::npos) << text;
  printer.finish();
}

}  // namespace
}  // namespace linkpos::testing
