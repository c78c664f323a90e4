#include <algorithm>
#include <string>
#include <variant>

#include "app/money.hpp"
#include "app/strings.hpp"
#include "app/terminal.hpp"
#include "app/terminal_fixture.hpp"

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

}  // namespace
}  // namespace linkpos::testing
