// The kill test's money checks, on records made by hand: each broken invariant is caught, and a
// clean run passes. A check that cannot fail would let the kill test pass whatever happened.
// Receipts are laid out and rendered as the terminal prints them (app::layout_receipt, the
// .txt twin of drivers/escpos), so the checks read the real format.
#include "kill/money_invariants.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "app/currency.hpp"
#include "app/receipt_layout.hpp"
#include "app/strings.hpp"
#include "drivers/escpos/text_render.hpp"
#include "fakes/ledger_write.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"

namespace linkpos::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTerminal = "KILL";
constexpr int kReceiptColumns = 48;

class MoneyInvariantsTest : public ::testing::Test {
 protected:
  MoneyInvariantsTest() {
    fs::create_directories(receipts());
    settings_.terminal_id = kTerminal;
    settings_.currency = *app::currency_by_code("EUR");
    settings_.merchant.name = "Café Zoë";
  }

  std::string ledger_path() const { return dir_.file("ledger.sqlite"); }
  fs::path receipts() const { return dir_.path() / "receipts"; }

  static std::string reference(int n) {
    return std::string(kTerminal) + "-01J000000000000000000000" + std::to_string(10 + n);
  }
  static std::string link_of(int n) { return "link-" + std::to_string(n); }
  static std::string payment_of(int n) { return "pay-" + std::to_string(n); }

  void add_link(const std::string& id, int sale, const std::string& status) {
    state_["links"].push_back(
        {{"id", id}, {"status", status}, {"title", "Café Zoë " + reference(sale)}});
  }
  // As wixsim lists it: by default a decimal string with two places and both currency fields.
  void add_payment(const std::string& id, const std::string& link_id,
                   const nlohmann::json& amount) {
    state_["payments"].push_back({{"id", id},
                                  {"paymentLinkId", link_id},
                                  {"amount", amount},
                                  {"currency", "EUR"},
                                  {"currencyCode", "EUR"},
                                  {"receiptId", "r-" + id}});
  }

  // The receipt the terminal prints for the sale as the ledger has it now.
  void print(store::Ledger& ledger, const std::string& reference, const std::string& file,
             app::ReceiptCopy copy = app::ReceiptCopy::kOriginal) {
    const auto sale = ledger.find(reference);
    ASSERT_TRUE(sale);
    std::ofstream(receipts() / file) << drivers::escpos::render_text(
        app::layout_receipt(*sale, settings_, app::english_strings(), copy), kReceiptColumns);
  }

  static store::SaleRecord started(int n, std::int64_t amount_minor) {
    store::SaleRecord sale;
    sale.reference = reference(n);
    sale.business_day = "2026-11-25";
    sale.started_at_ms = 1'700'000'000'000 + n;
    sale.currency = "EUR";
    sale.amount_minor = amount_minor;
    return sale;
  }
  static store::PaymentRecord kept(const std::string& id, const std::string& link_id,
                                   std::int64_t thousandths, std::int64_t seen_at_ms) {
    store::PaymentRecord payment;
    payment.payment_id = id;
    payment.link_id = link_id;
    payment.amount_thousandths = thousandths;
    payment.kind = "REGULAR";
    payment.card = "**** **** **** 4242";
    payment.seen_at_ms = seen_at_ms;
    return payment;
  }

  // From its paid stage on: receipts issued, printed (the receipt file), link closed, ended.
  void finish(store::Ledger& ledger, int n) {
    const std::string ref = reference(n);
    std::vector<std::pair<std::string, std::string>> issued;
    const store::SaleRecord paid = *ledger.find(ref);
    for (const auto& payment : paid.payments) {
      if (payment.counted)
        issued.emplace_back(payment.payment_id, "r-" + payment.payment_id);
    }
    must(ledger.record_receipt_issued(ref, issued));
    must(ledger.record_print_started(ref));
    print(ledger, ref, ref + ".txt");
    must(ledger.record_printed(ref));
    must(ledger.record_link_closed(ref));
    must(ledger.record_ended(ref, store::SaleEnd::kCompleted, "receipt printed"));
  }

  // A sale of n.00 EUR paid and printed: its link (PAID), its one payment and its receipt.
  void paid_sale(store::Ledger& ledger, int n) {
    const std::string ref = reference(n);
    const store::SaleRecord sale = started(n, 100 * n);
    must(ledger.record_started(sale));
    must(ledger.record_link_created(ref, link_of(n), "https://localhost/pay/" + link_of(n),
                                    sale.started_at_ms + 300'000, sale.amount_minor));
    must(ledger.record_payments(
        ref, {kept(payment_of(n), link_of(n), 1000 * n, sale.started_at_ms + 900)}));
    must(ledger.record_paid(ref, sale.started_at_ms + 1000, {}));
    finish(ledger, n);
    add_link(link_of(n), n, "PAID");
    add_payment(payment_of(n), link_of(n), std::to_string(n) + ".00");
  }

  MoneyFindings check() { return check_money(state_, ledger_path(), receipts(), kTerminal); }

  static std::string all(const MoneyFindings& found) {
    std::string text;
    for (const auto& violation : found.violations)
      text += violation + "\n";
    return text;
  }
  static bool has(const MoneyFindings& found, const std::string& text) {
    return all(found).find(text) != std::string::npos;
  }

  TempDir dir_;
  app::Settings settings_;
  nlohmann::json state_ = {{"links", nlohmann::json::array()},
                           {"payments", nlohmann::json::array()}};
};

TEST_F(MoneyInvariantsTest, ACleanRunHasNoViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    paid_sale(ledger, 2);
    print(ledger, reference(2), reference(2) + "-copy-1.txt",
          app::ReceiptCopy::kReprintAfterPowerLoss);
    print(ledger, reference(2), reference(2) + "-copy-2.txt", app::ReceiptCopy::kCopy);
  }
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  EXPECT_EQ(found.sales, 2);
  EXPECT_EQ(found.paid_sales, 2);
  EXPECT_EQ(found.payments, 2);
  EXPECT_EQ(found.links, 2);
  EXPECT_EQ(found.receipt_files, 4);
  EXPECT_EQ(found.reprints, 1);
  EXPECT_EQ(found.copies, 1);
  EXPECT_TRUE(found.refunds.empty());
}

TEST_F(MoneyInvariantsTest, APaymentWithoutAReceiptIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  fs::remove(receipts() / (reference(1) + ".txt"));
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_NE(found.violations[0].find("payment with no receipt"), std::string::npos);
  EXPECT_NE(found.violations[0].find("pay-1"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, APaymentTheLedgerDoesNotKeepIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  add_payment("pay-unseen", link_of(1), "1.00");
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_TRUE(has(found, "payment the ledger does not keep")) << all(found);
  EXPECT_TRUE(has(found, "pay-unseen")) << all(found);
}

TEST_F(MoneyInvariantsTest, TwoUnmarkedReceiptsForOnePaymentAreAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    print(ledger, reference(1), reference(1) + "-copy-1.txt");
  }
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_NE(found.violations[0].find("2 receipts not marked"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, ASaleOfSeveralPaymentsListsThemAllOnItsReceipt) {
  {
    store::Ledger ledger(ledger_path());
    const store::SaleRecord sale = started(1, 1250);
    must(ledger.record_started(sale));
    must(ledger.record_link_created(reference(1), link_of(1), "u", 9, 1250));
    auto gift = kept("gift-1", link_of(1), 5'000, 10);
    gift.kind = "GIFT_CARD";
    must(ledger.record_payments(reference(1), {gift, kept("card-1", link_of(1), 7'500, 11)}));
    must(ledger.record_paid(reference(1), 12, {}));
    finish(ledger, 1);
  }
  add_link(link_of(1), 1, "PAID");
  add_payment("gift-1", link_of(1), "5.00");
  add_payment("card-1", link_of(1), "7.50");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  EXPECT_EQ(found.payments, 2);
  EXPECT_EQ(found.receipt_files, 1);

  // The same receipt without one of its payment lines leaves that payment without a receipt.
  std::ifstream in(receipts() / (reference(1) + ".txt"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto line = text.find("\nPayment ");
  ASSERT_NE(line, std::string::npos) << text;
  text.replace(line + 1, 7, "Paymant");
  std::ofstream(receipts() / (reference(1) + ".txt")) << text;
  EXPECT_TRUE(has(check(),
                  "payment with no receipt, though its sale counted it: wixsim payment "
                  "gift-1"))
      << all(check());
}

TEST_F(MoneyInvariantsTest, AReceiptThatClaimsMoreThanItsPaymentsTookIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  // Wix took 0.99 where the receipt (from the ledger) says 1.00.
  state_["payments"][0]["amount"] = "0.99";
  const auto found = check();
  EXPECT_TRUE(has(found, "claims PAID €1.00, more than the 0.990 its payments took at wixsim"))
      << all(found);
  EXPECT_TRUE(has(found, "ledger keeps payment pay-1 as 1.000, wixsim took 0.990")) << all(found);
}

TEST_F(MoneyInvariantsTest, WixsimAmountsAreReadAtAnyScaleAndAsNumbers) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    paid_sale(ledger, 2);
    paid_sale(ledger, 3);
  }
  state_["payments"][0]["amount"] = "1.000";
  state_["payments"][1]["amount"] = 2;
  state_["payments"][2]["amount"] = 3.0;
  state_["payments"][2].erase("currency");  // only currencyCode
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);

  state_["payments"][0]["amount"] = "1,00";
  EXPECT_TRUE(has(check(), "amount does not read as a Wix amount")) << all(check());
}

TEST_F(MoneyInvariantsTest, APaymentKeptForARefundNeedsNoReceipt) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    must(ledger.record_payments(reference(1),
                                {kept("pay-extra", link_of(1), 1'000, 1'700'000'002'000)}));
  }
  add_payment("pay-extra", link_of(1), "1.00");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  ASSERT_EQ(found.refunds.size(), 1u);
  EXPECT_NE(found.refunds[0].find("pay-extra"), std::string::npos);
  EXPECT_NE(found.refunds[0].find("after_sale"), std::string::npos);
}

TEST_F(MoneyInvariantsTest, APaymentKeptForARefundThatAlsoHasAReceiptIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    must(ledger.record_payments(reference(1),
                                {kept("pay-extra", link_of(1), 1'000, 1'700'000'002'000)}));
  }
  add_payment("pay-extra", link_of(1), "1.00");
  std::ofstream(receipts() / "forged.txt")
      << "Ref " << reference(1) << "\nPayment pay-extra\nPAID €1.00\n";
  const auto found = check();
  ASSERT_EQ(found.violations.size(), 1u) << all(found);
  EXPECT_TRUE(has(found, "payment kept for a refund also has a receipt (forged.txt)"))
      << all(found);
}

TEST_F(MoneyInvariantsTest, AnOverpaidPaymentIsOnItsReceiptAndOnTheRefundList) {
  {
    store::Ledger ledger(ledger_path());
    must(ledger.record_started(started(1, 100)));
    must(ledger.record_link_created(reference(1), link_of(1), "u", 9, 100));
    must(ledger.record_payments(reference(1), {kept("pay-1", link_of(1), 1'500, 10)}));
    must(ledger.record_paid(reference(1), 12, {{"pay-1", 500}}));
    finish(ledger, 1);
  }
  add_link(link_of(1), 1, "PAID");
  add_payment("pay-1", link_of(1), "1.50");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  ASSERT_EQ(found.refunds.size(), 1u);
  EXPECT_NE(found.refunds[0].find("overpaid 0.500"), std::string::npos) << found.refunds[0];
}

TEST_F(MoneyInvariantsTest, AnUnderpaidSaleHasALinkForTheRestAndOneReceiptForBoth) {
  {
    store::Ledger ledger(ledger_path());
    must(ledger.record_started(started(1, 1250)));
    must(ledger.record_link_created(reference(1), "link-1a", "u", 9, 1250));
    must(ledger.record_payments(reference(1), {kept("pay-1a", "link-1a", 10'000, 10)}));
    must(ledger.record_link_closed(reference(1)));
    must(ledger.record_underpaid(reference(1)));
    must(ledger.record_link_created(reference(1), "link-1b", "u", 9, 250));
    must(ledger.record_payments(reference(1), {kept("pay-1b", "link-1b", 2'500, 20)}));
    must(ledger.record_paid(reference(1), 21, {}));
    finish(ledger, 1);
  }
  add_link("link-1a", 1, "INACTIVE");
  add_link("link-1b", 1, "PAID");
  add_payment("pay-1a", "link-1a", "10.00");
  add_payment("pay-1b", "link-1b", "2.50");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  EXPECT_EQ(found.links, 2);
  EXPECT_EQ(found.sales_with_several_links, 1);
  EXPECT_EQ(found.receipt_files, 1);
}

TEST_F(MoneyInvariantsTest, AnUnresolvedSalesPaymentsAreRefundsWithoutAReceipt) {
  {
    store::Ledger ledger(ledger_path());
    must(ledger.record_started(started(1, 1250)));
    must(ledger.record_link_created(reference(1), link_of(1), "u", 9, 1250));
    store::PaymentRecord odd = kept("pay-odd", link_of(1), 0, 10);
    odd.amount_thousandths.reset();
    odd.problem = "amount \"12,50\" is not a decimal";
    must(ledger.record_payments(reference(1), {kept("pay-1", link_of(1), 5'000, 10), odd}));
    must(ledger.record_check_payment(reference(1)));
    must(ledger.record_link_closed(reference(1)));
    must(ledger.record_ended(reference(1), store::SaleEnd::kUnresolved, "given up"));
  }
  add_link(link_of(1), 1, "INACTIVE");
  add_payment("pay-1", link_of(1), "5.00");
  add_payment("pay-odd", link_of(1), "7.50");
  const auto found = check();
  EXPECT_TRUE(found.violations.empty()) << all(found);
  EXPECT_EQ(found.refunds.size(), 2u);
  EXPECT_EQ(found.paid_sales, 0);
}

TEST_F(MoneyInvariantsTest, ALinkTheLedgerDoesNotNameAndAnActiveLinkAreViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  add_link("link-1b", 1, "ACTIVE");
  add_link("link-9", 9, "EXPIRED");
  const auto found = check();
  EXPECT_TRUE(has(found, "link the ledger does not name for its sale: wixsim link link-1b"))
      << all(found);
  EXPECT_TRUE(has(found, "still ACTIVE")) << all(found);
  EXPECT_TRUE(has(found, "link of a sale the ledger does not know: wixsim link link-9"))
      << all(found);
}

TEST_F(MoneyInvariantsTest, AReceiptForAnotherSalesPaymentIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    paid_sale(ledger, 2);
  }
  std::ofstream(receipts() / "mixed-up.txt")
      << "*** COPY ***\nRef " << reference(2) << "\nPayment pay-1\nPAID €1.00\n";
  const auto found = check();
  EXPECT_TRUE(has(found, "receipt mixed-up.txt of sale " + reference(2) +
                             " for a payment that is not its sale's: wixsim payment pay-1"))
      << all(found);
}

TEST_F(MoneyInvariantsTest, AReceiptNamingNoPaymentOrOneWixsimNeverTookIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  std::ofstream(receipts() / "made-up.txt")
      << "*** COPY ***\nRef " << reference(1) << "\nPayment pay-404\nPAID €1.00\n";
  std::ofstream(receipts() / "empty.txt") << "Ref " << reference(1) << "\nPAID €0.00\n";
  const auto found = check();
  EXPECT_TRUE(has(found,
                  "receipt made-up.txt carries payment \"pay-404\", which wixsim never "
                  "took"))
      << all(found);
  EXPECT_TRUE(has(found, "receipt empty.txt names no payment")) << all(found);
}

TEST_F(MoneyInvariantsTest, AnUnfinishedSaleAndAGapInReceiptNumbersAreViolations) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
    ledger.raise_receipt_number_floor(5);
    paid_sale(ledger, 2);
    must(ledger.record_started(started(3, 300)));
  }
  const auto found = check();
  EXPECT_NE(all(found).find("sale not ended: ledger sale " + reference(3)), std::string::npos)
      << all(found);
  EXPECT_NE(all(found).find("receipt numbers are not 1..2 without gaps or repeats: 1 6"),
            std::string::npos)
      << all(found);
}

TEST_F(MoneyInvariantsTest, ALedgerThatIsNotSQLiteIsUnsound) {
  std::ofstream(ledger_path()) << "this is not a database, just text long enough to be read\n";
  int sales = 0;
  EXPECT_TRUE(ledger_unsound(ledger_path(), dir_.path() / "check", sales).has_value());
}

TEST_F(MoneyInvariantsTest, ASoundLedgerCountsItsSales) {
  {
    store::Ledger ledger(ledger_path());
    paid_sale(ledger, 1);
  }
  int sales = 0;
  EXPECT_EQ(ledger_unsound(ledger_path(), dir_.path() / "check", sales), std::nullopt);
  EXPECT_EQ(sales, 1);
  EXPECT_EQ(ledger_work_left(ledger_path()), std::nullopt);
}

TEST_F(MoneyInvariantsTest, WorkLeftNamesAnUnderpaidSaleWaitingForTheCashier) {
  {
    store::Ledger ledger(ledger_path());
    must(ledger.record_started(started(1, 1250)));
    must(ledger.record_link_created(reference(1), link_of(1), "u", 9, 1250));
    must(ledger.record_payments(reference(1), {kept("pay-1", link_of(1), 10'000, 10)}));
    must(ledger.record_link_closed(reference(1)));
    must(ledger.record_underpaid(reference(1)));
  }
  const auto left = ledger_work_left(ledger_path());
  ASSERT_TRUE(left);
  EXPECT_NE(left->find("unfinished: ledger sale " + reference(1) + " {stage underpaid"),
            std::string::npos)
      << *left;
  EXPECT_NE(left->find("pay-1 10.000"), std::string::npos) << *left;
}

// Amounts: sale n sells 2 x Espresso at 2.50 with a 15 % tip (0.75), its link asking
// `espresso_price` a cup; paid and printed when `paid`.
class SaleAmountsTest : public MoneyInvariantsTest {
 protected:
  static std::vector<PlannedLine> two_espressos() { return {{"Espresso", 2, 250}}; }

  void tipped_sale(store::Ledger& ledger, int n, const std::string& espresso_price, bool paid,
                   std::int64_t paid_thousandths = 5750) {
    const std::string ref = reference(n);
    store::SaleRecord sale = started(n, 500);
    sale.lines = {store::SaleLineRecord{"Espresso", 2, 250, 1000}};
    must(ledger.record_started(sale));
    must(ledger.record_tip(ref, 75));
    must(ledger.record_link_created(ref, link_of(n), "https://localhost/pay/" + link_of(n),
                                    sale.started_at_ms + 300'000, 575));
    nlohmann::json link = {
        {"id", link_of(n)}, {"status", paid ? "PAID" : "INACTIVE"}, {"title", "Café Zoë " + ref}};
    link["ecomPaymentLink"]["lineItems"] = nlohmann::json::array(
        {{{"type", "CUSTOM"},
          {"customItem", {{"name", "Espresso"}, {"quantity", 2}, {"price", espresso_price}}}},
         {{"type", "CUSTOM"},
          {"customItem", {{"name", "Tip"}, {"quantity", 1}, {"price", "0.75"}}}}});
    state_["links"].push_back(link);
    if (!paid) {
      must(ledger.record_link_closed(ref));
      must(ledger.record_ended(ref, store::SaleEnd::kCancelled, "cancelled by the cashier"));
      return;
    }
    must(ledger.record_payments(
        ref, {kept(payment_of(n), link_of(n), paid_thousandths, sale.started_at_ms + 900)}));
    must(ledger.record_paid(ref, sale.started_at_ms + 1000, {}));
    finish(ledger, n);
    char amount[32];
    std::snprintf(amount, sizeof amount, "%lld.%03lld",
                  static_cast<long long>(paid_thousandths / 1000),
                  static_cast<long long>(paid_thousandths % 1000));
    add_payment(payment_of(n), link_of(n), amount);
  }

  // A sale cut off on the tip screen: started, never tipped, ended without a link.
  void cut_off_at_the_tip(store::Ledger& ledger, int n) {
    store::SaleRecord sale = started(n, 500);
    sale.lines = {store::SaleLineRecord{"Espresso", 2, 250, 1000}};
    must(ledger.record_started(sale));
    must(ledger.record_ended(reference(n), store::SaleEnd::kFailed,
                             "interrupted before its payment link was created"));
  }

  // As the QR code shows it ("Ref 00000011").
  static std::string short_reference(int n) {
    const std::string full = reference(n);
    return full.substr(full.size() - 8);
  }

  std::string amounts(const std::vector<KeyedSale>& keyed) {
    std::string text;
    for (const auto& violation : check_amounts(state_, ledger_path(), keyed))
      text += violation + "\n";
    return text;
  }
};

TEST_F(SaleAmountsTest, SalesAsRungUpAndTippedHaveNoViolations) {
  {
    store::Ledger ledger(ledger_path());
    tipped_sale(ledger, 1, "2.50", /*paid=*/true);
    cut_off_at_the_tip(ledger, 2);  // its tip never chosen: 0, not the 0.75 planned
    tipped_sale(ledger, 3, "2.50", /*paid=*/false);
  }
  // A keyed amount whose keys the power cut off before CHARGE: no sale of its own.
  const std::vector<KeyedSale> keyed = {{two_espressos(), 75, short_reference(1)},
                                        {{{"Sale", 1, 1250}}, 0, ""},
                                        {two_espressos(), 75, ""},
                                        {two_espressos(), 75, ""}};
  EXPECT_EQ(amounts(keyed), "");
  EXPECT_TRUE(check().violations.empty()) << all(check());
}

TEST_F(SaleAmountsTest, ALinkAskingOtherThanTheCartAndItsTipIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    tipped_sale(ledger, 1, "2.40", /*paid=*/true);
  }
  const auto found = amounts({{two_espressos(), 75, ""}});
  EXPECT_NE(found.find("sale's first link link-1 asks 5.550, not the 5.750 rung up and tipped"),
            std::string::npos)
      << found;
}

TEST_F(SaleAmountsTest, ASaleOfOtherLinesOrWithAnotherTipThanChosenIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    tipped_sale(ledger, 1, "2.50", /*paid=*/true);
  }
  const auto other_lines = amounts({{{{"Espresso", 1, 250}}, 75, ""}});
  EXPECT_NE(other_lines.find("sale the cashier did not ring up"), std::string::npos) << other_lines;
  const auto other_tip = amounts({{two_espressos(), 50, ""}});
  EXPECT_NE(other_tip.find("sale's tip 75 is not the one chosen"), std::string::npos) << other_tip;
  // Its QR code named it, so it cannot be the sale rung up before.
  const auto named = amounts({{two_espressos(), 75, ""}, {{{"Sale", 1, 99}}, 0, reference(1)}});
  EXPECT_NE(named.find("are not those rung up"), std::string::npos) << named;
}

TEST_F(SaleAmountsTest, ACompletedSaleShortByLessThanACentIsNoViolationByACentIsOne) {
  {
    store::Ledger ledger(ledger_path());
    tipped_sale(ledger, 1, "2.50", /*paid=*/true, 5744);  // a discount of 0.006 at checkout
  }
  EXPECT_EQ(amounts({{two_espressos(), 75, ""}}), "");
}

TEST_F(SaleAmountsTest, ACompletedSaleShortByACentIsAViolation) {
  {
    store::Ledger ledger(ledger_path());
    tipped_sale(ledger, 1, "2.50", /*paid=*/true, 5740);
  }
  const auto found = amounts({{two_espressos(), 75, ""}});
  EXPECT_NE(found.find("completed sale took 5.740"), std::string::npos) << found;
}

}  // namespace
}  // namespace linkpos::testing
