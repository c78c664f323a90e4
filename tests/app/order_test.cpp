// Ringing up a sale: items by quick key and from the menu, quantities, the cart, keyed amounts,
// and the tip the customer chooses before the QR code.
#include <algorithm>

#include "app/terminal.hpp"
#include "app/terminal_fixture.hpp"
#include "fakes/document_text.hpp"
#include "fakes/ledger_write.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class OrderTest : public TerminalFixture {
 protected:
  OrderTest() {
    settings.catalogue = {
        app::CatalogueItem{"Espresso", 250, 1000, 1},
        app::CatalogueItem{"Croissant", 180, 550, 2},
        app::CatalogueItem{"Orange juice", 390, std::nullopt, 3},
    };
    for (int i = 1; i <= 9; ++i)
      settings.catalogue.push_back(app::CatalogueItem{"Item " + std::to_string(i), 100 * i, {}, 0});
  }

  const app::LinkRequest& request() const { return backend.creates.front().request; }

  bool receipt_has(const std::string& text) const {
    return document_has(printer.printed.at(0), text);
  }

  // Pays the sale in full and prints its receipt.
  void pay_and_print(std::int64_t minor) {
    answer_create();
    clock.advance(2s);
    FakeBackend::answer(backend.statuses, paid_status(minor));
    settle_paid_link();
    FakeBackend::answer(backend.receipts, std::string(""));
    printer.finish();
  }
};

TEST_F(OrderTest, QuickKeysRingUpItemsAndTheLinkListsEachLine) {
  boot();
  press("F1");
  EXPECT_EQ(screen(), "cart");
  EXPECT_TRUE(screen_says("1 x Espresso  €2.50"));
  press("F1 F2");
  EXPECT_TRUE(screen_says("2 x Espresso  €5.00")) << "the same item again adds to its line";
  EXPECT_TRUE(screen_says("Total €6.80"));
  press("CHARGE");
  ASSERT_EQ(backend.creates.size(), 1u);
  ASSERT_EQ(request().lines.size(), 2u);
  EXPECT_EQ(request().lines[0].name, "Espresso");
  EXPECT_EQ(request().lines[0].quantity, 2);
  EXPECT_EQ(request().lines[0].unit_price.minor, 250);
  EXPECT_EQ(request().lines[1].name, "Croissant");
  EXPECT_EQ(request().lines[1].quantity, 1);
  EXPECT_EQ(request().total.minor, 680);
  pay_and_print(680);
  EXPECT_TRUE(receipt_has("2 x Espresso | €5.00"));
  EXPECT_TRUE(receipt_has("Croissant | €1.80"));
  EXPECT_TRUE(receipt_has("TOTAL | €6.80"));
  // A VAT summary for each rate present: 10 % on the espressos, 5.5 % on the croissant.
  EXPECT_TRUE(receipt_has("VAT 5.5% included"));
  EXPECT_TRUE(receipt_has("VAT 10% included"));
  EXPECT_TRUE(receipt_has("VAT | €0.45"));
  EXPECT_TRUE(receipt_has("VAT | €0.09"));
}

TEST_F(OrderTest, DigitsBeforeAQuickKeyAreItsQuantity) {
  boot();
  press("3 F1");
  EXPECT_TRUE(screen_says("3 x Espresso  €7.50"));
  press("CHARGE");
  EXPECT_EQ(request().lines.at(0).quantity, 3);
  EXPECT_EQ(request().total.minor, 750);
}

TEST_F(OrderTest, AKeyedAmountWithAnEmptyCartIsStillOneLineSale) {
  boot();
  press("1 2 5 0");
  EXPECT_EQ(screen(), "amount");
  press("CHARGE");
  ASSERT_EQ(request().lines.size(), 1u);
  EXPECT_EQ(request().lines[0].name, "Sale");
  EXPECT_EQ(request().total.minor, 1250);
}

TEST_F(OrderTest, AnAmountKeyedIntoACartIsALineSaleBesideTheItems) {
  boot();
  press("F2 5 0 0 CHARGE");
  ASSERT_EQ(request().lines.size(), 2u);
  EXPECT_EQ(request().lines[1].name, "Sale");
  EXPECT_EQ(request().lines[1].unit_price.minor, 500);
  EXPECT_EQ(request().total.minor, 680);
}

TEST_F(OrderTest, BackspaceTakesBackTheLastLineAndClearEmptiesTheCart) {
  boot();
  press("F1 F2");
  press("BACKSPACE");
  EXPECT_FALSE(screen_says("Croissant"));
  EXPECT_TRUE(screen_says("Total €2.50"));
  press("4 BACKSPACE");
  EXPECT_TRUE(screen_says("Espresso")) << "BACKSPACE first takes back a digit";
  press("CLEAR");
  EXPECT_EQ(screen(), "amount") << "an empty cart is keyed as an amount again";
  EXPECT_TRUE(screen_says("€0.00"));
}

TEST_F(OrderTest, AQuickKeyWithoutAnItemSaysSo) {
  boot();
  press("F4");
  EXPECT_EQ(screen(), "amount");
  EXPECT_TRUE(screen_says("No item on F4"));
}

TEST_F(OrderTest, MenuItemsListsTheCatalogueAndADigitAddsTheKeyedQuantity) {
  boot();
  press("MENU 5");
  EXPECT_EQ(screen(), "items");
  EXPECT_TRUE(screen_says("1  Espresso  €2.50"));
  EXPECT_TRUE(screen_says("9  Item 6  €6.00"));
  EXPECT_FALSE(screen_says("Item 7")) << "nine to a page";
  press("CHARGE");
  EXPECT_TRUE(screen_says("1  Item 7  €7.00")) << "CHARGE turns the page";
  press("CHARGE 2");
  EXPECT_EQ(screen(), "cart");
  EXPECT_TRUE(screen_says("1 x Croissant  €1.80"));
  press("4 MENU");
  EXPECT_EQ(screen(), "items") << "MENU from the cart goes to the items";
  EXPECT_TRUE(screen_says("Adds 4 of the item chosen"));
  press("3");
  EXPECT_TRUE(screen_says("4 x Orange juice  €15.60"));
}

TEST_F(OrderTest, CancelOnTheCartEmptiesItAndGoesBack) {
  boot();
  press("F1 CANCEL");
  EXPECT_EQ(screen(), "idle");
  press("F2");
  EXPECT_TRUE(screen_says("Total €1.80")) << "nothing left from before";
}

TEST_F(OrderTest, TheCustomerChoosesATipBeforeTheQrCodeAndItIsALineWithoutVat) {
  settings.tips = {0, 10, 15};
  boot();
  press("F1 F1 CHARGE");
  EXPECT_EQ(screen(), "tip");
  EXPECT_TRUE(screen_says("1  No tip"));
  EXPECT_TRUE(screen_says("2  10%  €0.50"));
  EXPECT_TRUE(screen_says("3  15%  €0.75"));
  EXPECT_TRUE(backend.creates.empty()) << "no link before the tip is chosen";
  press("3");
  ASSERT_EQ(backend.creates.size(), 1u);
  EXPECT_EQ(request().total.minor, 575);
  ASSERT_EQ(request().lines.size(), 2u);
  EXPECT_EQ(request().lines[1].name, "Tip");
  EXPECT_EQ(request().lines[1].unit_price.minor, 75);
  const auto sale = ledger->recent(1).at(0);
  EXPECT_EQ(sale.tip_minor, 75);
  EXPECT_EQ(sale.amount_minor, 575);
  pay_and_print(575);
  EXPECT_TRUE(receipt_has("Tip | €0.75"));
  EXPECT_TRUE(receipt_has("TOTAL | €5.75"));
  EXPECT_TRUE(receipt_has("Gross | €5.00")) << "VAT is on what was sold, not on the tip";
}

TEST_F(OrderTest, NoTipAddsNothingAndCancelOnTheTipScreenEndsTheSale) {
  settings.tips = {0, 10};
  boot();
  press("F1 CHARGE 1");
  EXPECT_EQ(request().total.minor, 250);
  EXPECT_EQ(request().lines.size(), 1u);
  FakeBackend::answer(backend.creates, app::BackendError{app::BackendFailure::kRefused, "no"});
  press("CANCEL F2 CHARGE");
  EXPECT_EQ(screen(), "tip");
  press("CANCEL");
  EXPECT_EQ(screen(), "idle");
  EXPECT_EQ(ledger->recent(1).at(0).end, store::SaleEnd::kCancelled);
  EXPECT_TRUE(backend.creates.empty());
}

}  // namespace
}  // namespace linkpos::testing
