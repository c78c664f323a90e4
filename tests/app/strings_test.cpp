#include "app/strings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <string>

#include "app/exact_amount.hpp"
#include "app/money.hpp"
#include "app/vat_summary.hpp"
#include "drivers/escpos/code_page.hpp"
#include "drivers/escpos/layout.hpp"
#include "ui/font.hpp"
#include "ui/text_wrap.hpp"
#include "ui/utf8.hpp"

namespace linkpos::app {
namespace {

using drivers::escpos::CodePage;
using drivers::escpos::CodePageEncoder;

struct Table {
  std::string_view language;
  const Strings* strings;
};

const std::vector<Table>& all_tables() {
  static const std::vector<Table> tables{
      {"en", strings_for("en")},
      {"fr", strings_for("fr")},
      {"de", strings_for("de")},
      {"es", strings_for("es")},
  };
  return tables;
}

const std::vector<Table>& translations() {
  static const std::vector<Table> tables(all_tables().begin() + 1, all_tables().end());
  return tables;
}

std::string_view text_of(const Strings& strings, std::string_view key) {
  for (const StringKey& entry : kStringKeys) {
    if (entry.name == key)
      return strings.*entry.member;
  }
  ADD_FAILURE() << "no key " << key;
  return {};
}

// The "{name}" placeholders of `text`, each as often as it appears.
std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> names;
  for (auto open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const auto close = text.find('}', open);
    if (close == std::string_view::npos)
      break;
    names.emplace(text.substr(open, close - open + 1));
  }
  return names;
}

// The English table, active until the test ends.
class ActiveStrings {
 public:
  explicit ActiveStrings(const Strings& strings) { use_strings(strings); }
  ~ActiveStrings() { use_strings(english_strings()); }
  ActiveStrings(const ActiveStrings&) = delete;
  ActiveStrings& operator=(const ActiveStrings&) = delete;
};

Money euros(std::int64_t cents) {
  return Money{cents, *currency_by_code("EUR")};
}

TEST(StringsTest, EveryMemberOfStringsIsListedOnce) {
  // With the static_assert on sizeof(Strings), a member listed twice is the only way one could
  // be left out of kStringKeys.
  std::set<std::string_view> names;
  std::set<const std::string_view*> members;  // member pointers have no order; addresses do
  for (const StringKey& key : kStringKeys) {
    EXPECT_TRUE(names.insert(key.name).second) << key.name;
    EXPECT_TRUE(members.insert(&(english_strings().*key.member)).second) << key.name;
  }
}

TEST(StringsTest, TheLanguagesAreTheOnesConfigOffers) {
  for (const Table& table : all_tables())
    EXPECT_NE(table.strings, nullptr) << table.language;
  EXPECT_EQ(strings_for("xx"), nullptr);
  EXPECT_EQ(strings_for("EN"), nullptr);
  EXPECT_EQ(known_languages(), "\"en\", \"fr\", \"de\", \"es\"");
}

TEST(StringsTest, EveryTableHasEveryKeyEnglishHas) {
  for (const Table& table : translations()) {
    for (const StringKey& key : kStringKeys) {
      if (!(english_strings().*key.member).empty()) {
        EXPECT_FALSE((table.strings->*key.member).empty()) << table.language << "." << key.name;
      }
    }
  }
}

TEST(StringsTest, EveryTableFillsTheSamePlaceholdersAsEnglish) {
  for (const Table& table : translations()) {
    for (const StringKey& key : kStringKeys) {
      EXPECT_EQ(placeholders(table.strings->*key.member),
                placeholders(english_strings().*key.member))
          << table.language << "." << key.name << ": " << table.strings->*key.member;
    }
  }
}

TEST(StringsTest, TranslationsAreNotLeftInEnglish) {
  // A key copied over untranslated still passes the checks above; words that read the same in
  // both languages ("Terminal", "TOTAL", "Menu") and the pure patterns are fine.
  const std::set<std::string_view> alike{
      "cart_line",
      "items_line",
      "sales_line",
      "link_title",
      "receipt_quantity_line",
      "info_version",
      "info_terminal",
      "receipt_terminal",
      "receipt_total",
      "receipt_date",
      "menu_title",
      "currency_hint",
      "check_link",
      "receipt_link_id",
      "sale_detail_link",
      "cart_total",
      "tech_pin_prompt",
      "tech_revision",
      "ledger_hint",
      "receipt_reference",
      "qr_reference",
      "money_with_symbol",
      "money_with_code",
      "money_decimal_point",
      "money_group_separator",
      "date_time_format",
  };
  for (const Table& table : translations()) {
    int same = 0;
    for (const StringKey& key : kStringKeys) {
      if (table.strings->*key.member == english_strings().*key.member &&
          !alike.contains(key.name)) {
        ++same;
        ADD_FAILURE() << table.language << "." << key.name << " is still English";
      }
    }
    EXPECT_EQ(same, 0);
  }
}

TEST(StringsTest, TranslationsUseOnlyCharactersTheReceiptCodePagePrints) {
  // CP858 is the receipt printers' table (CP850 with the euro sign). A translation keeps to it
  // outright: no curly quote, ellipsis, dash or œ, not even one the encoder stands in for.
  CodePageEncoder encoder(CodePage{"CP858", 19});
  for (const Table& table : translations()) {
    for (const StringKey& key : kStringKeys) {
      const std::u32string text = ui::decode_utf8(table.strings->*key.member);
      for (const char32_t c : text) {
        const std::string byte = encoder.encode(std::u32string(1, c));
        EXPECT_TRUE(c == U'?' || byte != "?") << table.language << "." << key.name << ": U+"
                                              << std::hex << static_cast<std::uint32_t>(c);
        EXPECT_TRUE(c < 0x2000 || c == U'€')
            << table.language << "." << key.name;  // no general punctuation
      }
    }
  }
}

TEST(StringsTest, EnglishPrintsOnTheReceiptCodePageToo) {
  // English keeps its dashes (the encoder prints them as '-'); nothing may print as '?'.
  CodePageEncoder encoder(CodePage{"CP858", 19});
  for (const StringKey& key : kStringKeys) {
    const std::string_view text = english_strings().*key.member;
    const std::string bytes = encoder.encode_utf8(text);
    EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '?'),
              std::count(text.begin(), text.end(), '?'))
        << "en." << key.name << ": " << text;
  }
  EXPECT_EQ(encoder.encode_utf8(english_strings().receipt_reprint),
            "REPRINT - power lost while printing");
}

TEST(StringsTest, TheScreenFontsDrawEveryCharacterOfEveryTable) {
  for (const Table& table : all_tables()) {
    for (const StringKey& key : kStringKeys) {
      for (const char32_t c : ui::decode_utf8(table.strings->*key.member)) {
        EXPECT_TRUE(ui::small_font().has_glyph(c)) << table.language << "." << key.name << ": U+"
                                                   << std::hex << static_cast<std::uint32_t>(c);
        EXPECT_TRUE(ui::normal_font().has_glyph(c)) << table.language << "." << key.name << ": U+"
                                                    << std::hex << static_cast<std::uint32_t>(c);
      }
    }
  }
  // Money and the hyphen a dash stands in for are drawn too.
  for (const char32_t c : {U'€', U'£', U'¥', U'\u00A0', U'-', U'¿', U'¡', U'ñ', U'ß'})
    EXPECT_TRUE(ui::normal_font().has_glyph(c)) << std::hex << static_cast<std::uint32_t>(c);
}

// Rows `text` takes when wrapped `columns` wide, as the screen painter and the printer wrap it.
std::size_t rows(std::string_view text, std::size_t columns) {
  return ui::wrap_text(ui::decode_utf8(text), columns).size();
}

// Characters in a row on the smallest screen linkpos draws for (240x160: margins of 4 pixels,
// the 6- and 8-pixel fonts, headlines at twice the size), and on the shipped 320x240 one with a
// QR code filling its left side (a text column of about 115 pixels).
constexpr std::size_t kTitleColumns = (240 - 8) / 8;       // one row, normal font
constexpr std::size_t kHintColumns = (240 - 8) / 6;        // two rows at most, small font
constexpr std::size_t kHeadlineColumns = (320 - 12) / 16;  // one row, twice the normal font
constexpr std::size_t kMenuColumns = (240 - 8) / 8;        // a menu entry on one row
constexpr std::size_t kQrColumns = (115 - 12) / 8;         // the QR screen's title, two rows

// Filled as a sale would fill them, at their widest.
std::string filled(std::string_view text) {
  return fill(text, {{"amount", "-12.345,67\u00A0€"},
                     {"number", "000123"},
                     {"max", "1.000,00\u00A0€"},
                     {"time", "4:59"}});
}

TEST(StringsTest, ScreenTextFitsTheScreen) {
  const std::vector<std::string_view> titles{"amount_title",
                                             "cart_title",
                                             "items_title",
                                             "tip_title",
                                             "creating_title",
                                             "cancelling_title",
                                             "paid_title",
                                             "printing_title",
                                             "create_failed_title",
                                             "timeout_title",
                                             "closed_elsewhere_title",
                                             "printer_title",
                                             "underpaid_title",
                                             "check_title",
                                             "unresolved_title",
                                             "currency_title",
                                             "refunds_title",
                                             "ledger_title",
                                             "menu_title",
                                             "info_title",
                                             "tech_title",
                                             "reports_title",
                                             "reports_z_confirm",
                                             "sales_title"};
  const std::vector<std::string_view> hints{"idle_hint",
                                            "amount_hint",
                                            "cart_hint",
                                            "items_hint",
                                            "tip_hint",
                                            "cancel_hint",
                                            "any_key_hint",
                                            "retry_hint",
                                            "printer_retry_hint",
                                            "underpaid_hint",
                                            "check_hint",
                                            "currency_hint",
                                            "refunds_hint",
                                            "refunds_clear_hint",
                                            "menu_hint",
                                            "tech_pin_hint",
                                            "tech_back_hint",
                                            "tech_sales_hint",
                                            "reports_hint",
                                            "reports_z_confirm_hint",
                                            "sales_hint",
                                            "sale_detail_hint",
                                            "sale_detail_no_receipt_hint"};
  const std::vector<std::string_view> headlines{"idle_prompt", "paid_headline", "cart_total",
                                                "underpaid_short"};
  const std::vector<std::string_view> menu_entries{
      "menu_reprint", "menu_info",         "menu_technician",   "menu_refunds",
      "menu_items",   "menu_sales",        "menu_reports",      "tech_version",
      "tech_check",   "tech_printer_test", "tech_display_test", "tech_last_sales",
      "tech_refunds", "reports_x",         "reports_z",         "reports_last_z"};
  for (const Table& table : all_tables()) {
    const Strings& s = *table.strings;
    for (const auto key : titles)
      EXPECT_EQ(rows(text_of(s, key), kTitleColumns), 1u) << table.language << "." << key;
    for (const auto key : hints)
      EXPECT_LE(rows(text_of(s, key), kHintColumns), 2u) << table.language << "." << key;
    for (const auto key : headlines)
      EXPECT_EQ(rows(filled(text_of(s, key)), kHeadlineColumns), 1u)
          << table.language << "." << key;
    for (const auto key : menu_entries)
      EXPECT_EQ(rows(text_of(s, key), kMenuColumns), 1u) << table.language << "." << key;
    EXPECT_LE(rows(s.qr_title, kQrColumns), 2u) << table.language;
    EXPECT_LE(rows(filled(s.qr_time_left), kQrColumns), 2u) << table.language;
  }
}

TEST(StringsTest, ReceiptLinesFitThirtyTwoColumns) {
  constexpr std::size_t kColumns = drivers::escpos::kColumns58mm;
  // A label and its value on one line: the widest value each label stands beside.
  const std::map<std::string_view, std::size_t> labels{
      {"receipt_number", 6},      {"receipt_date", 16},
      {"receipt_terminal", 8},    {"receipt_reference", 6},
      {"sale_line_name", 12},     {"rest_line_name", 12},
      {"tip_line_name", 12},      {"receipt_total", 12},
      {"receipt_net", 12},        {"receipt_vat", 12},
      {"receipt_gross", 12},      {"receipt_link_id", 12},
      {"receipt_payment_id", 12}, {"receipt_backend_receipt", 12},
      {"receipt_paid_total", 12}, {"receipt_written_off", 12},
      {"report_from", 16},        {"report_to", 16},
      {"report_sales", 5},        {"report_gross", 12},
      {"report_tips", 12},        {"report_cancelled", 5},
      {"report_expired", 5},      {"report_failed", 5},
      {"report_unresolved", 5},   {"report_receipts", 15},
      {"report_refunds_owed", 5}};
  // Printed twice as wide: half the columns.
  const std::vector<std::string_view> double_width{"report_x_title", "report_z_title",
                                                   "tech_test_page_title"};
  const std::vector<std::string_view> one_line{"receipt_copy", "receipt_paid_with",
                                               "receipt_thanks", "report_reconciled",
                                               "report_not_reconciled"};
  for (const Table& table : all_tables()) {
    const Strings& s = *table.strings;
    for (const auto& [key, value] : labels) {
      EXPECT_LE(ui::decode_utf8(text_of(s, key)).size() + 1 + value, kColumns)
          << table.language << "." << key;
    }
    for (const auto key : double_width)
      EXPECT_EQ(rows(filled(text_of(s, key)), kColumns / 2), 1u) << table.language << "." << key;
    for (const auto key : one_line)
      EXPECT_EQ(rows(text_of(s, key), kColumns), 1u) << table.language << "." << key;
    // English's marker has always taken two lines; a translation's takes one.
    EXPECT_LE(rows(s.receipt_reprint, kColumns), table.language == "en" ? 2u : 1u)
        << table.language;
  }
}

TEST(StringsTest, EnglishMoneyIsWrittenAsItAlwaysWas) {
  ActiveStrings active(english_strings());
  EXPECT_EQ(format_money(euros(1250)), "€12.50");
  EXPECT_EQ(format_money(euros(-1250)), "-€12.50");
  EXPECT_EQ(format_money(euros(123456789)), "€1234567.89");
  EXPECT_EQ(format_money({1250, *currency_by_code("USD")}), "$12.50");
  EXPECT_EQ(format_money({1250, *currency_by_code("JPY")}), "¥1250");
  EXPECT_EQ(format_money({1250, *currency_by_code("KWD")}), "KWD 1.250");
  EXPECT_EQ(format_money({-1250, *currency_by_code("CHF")}), "CHF -12.50");
}

TEST(StringsTest, FrenchWritesMoneyWithACommaAndTheSymbolAfter) {
  ActiveStrings active(*strings_for("fr"));
  // A no-break space, so the euro sign never wraps onto a line of its own.
  EXPECT_EQ(format_money(euros(1250)), "12,50\u00A0€");
  EXPECT_EQ(format_money(euros(-1250)), "-12,50\u00A0€");
  EXPECT_EQ(format_money(euros(123456789)), "1\u00A0234\u00A0567,89\u00A0€");
  EXPECT_EQ(format_money(euros(5)), "0,05\u00A0€");
  EXPECT_EQ(format_money({1250, *currency_by_code("CHF")}), "12,50\u00A0CHF");
  EXPECT_EQ(format_money({125000, *currency_by_code("JPY")}), "125\u00A0000\u00A0¥");
}

TEST(StringsTest, GermanAndSpanishGroupThousandsWithAPoint) {
  for (const std::string_view language : {"de", "es"}) {
    ActiveStrings active(*strings_for(language));
    EXPECT_EQ(format_money(euros(1250)), "12,50\u00A0€") << language;
    EXPECT_EQ(format_money(euros(123456)), "1.234,56\u00A0€") << language;
    EXPECT_EQ(format_money(euros(99999)), "999,99\u00A0€") << language;
    EXPECT_EQ(format_money({-1250, *currency_by_code("KWD")}), "-1,250\u00A0KWD") << language;
  }
}

TEST(StringsTest, EnglishExactAmountsAreWrittenAsTheyAlwaysWere) {
  ActiveStrings active(english_strings());
  const Currency eur = *currency_by_code("EUR");
  EXPECT_EQ(format_exact(11733, eur), "€11.733");
  EXPECT_EQ(format_exact(12500, eur), "€12.50");
  EXPECT_EQ(format_exact(-11733, eur), "-€11.733");
  EXPECT_EQ(format_exact(1250, *currency_by_code("JPY")), "¥1.25");
  EXPECT_EQ(format_exact(1200, *currency_by_code("JPY")), "¥1.2");
  EXPECT_EQ(format_exact(1000, *currency_by_code("JPY")), "¥1");
  EXPECT_EQ(format_exact(12505, *currency_by_code("CHF")), "CHF 12.505");
  EXPECT_EQ(format_exact(1250, *currency_by_code("KWD")), "KWD 1.250");
}

TEST(StringsTest, ExactAmountsLoseTheirTrailingZerosBeforeTheSymbolAfterThem) {
  ActiveStrings active(*strings_for("fr"));
  const Currency eur = *currency_by_code("EUR");
  EXPECT_EQ(format_exact(11733, eur), "11,733\u00A0€");
  EXPECT_EQ(format_exact(12500, eur), "12,50\u00A0€") << "whole cents keep both decimals";
  EXPECT_EQ(format_exact(-11733, eur), "-11,733\u00A0€");
  EXPECT_EQ(format_exact(1250, *currency_by_code("JPY")), "1,25\u00A0¥");
  EXPECT_EQ(format_exact(1200, *currency_by_code("JPY")), "1,2\u00A0¥");
  EXPECT_EQ(format_exact(1234500, *currency_by_code("JPY")), "1\u00A0234,5\u00A0¥");
  EXPECT_EQ(format_exact(12505, *currency_by_code("CHF")), "12,505\u00A0CHF");
  for (const std::string_view language : {"de", "es"}) {
    ActiveStrings other(*strings_for(language));
    EXPECT_EQ(format_exact(123456780, eur), "123.456,78\u00A0€") << language;
    EXPECT_EQ(format_exact(123456785, eur), "123.456,785\u00A0€") << language;
  }
}

TEST(StringsTest, VatRatesUseEachLanguagesDecimalPoint) {
  EXPECT_EQ(rate_text(770, english_strings().money_decimal_point), "7.7");
  EXPECT_EQ(rate_text(2000, english_strings().money_decimal_point), "20");
  EXPECT_EQ(rate_text(1025, english_strings().money_decimal_point), "10.25");
  for (const Table& table : translations()) {
    EXPECT_EQ(rate_text(770, table.strings->money_decimal_point), "7,7") << table.language;
    EXPECT_EQ(rate_text(550, table.strings->money_decimal_point), "5,5") << table.language;
    EXPECT_EQ(rate_text(2000, table.strings->money_decimal_point), "20") << table.language;
    EXPECT_EQ(fill(table.strings->receipt_vat_rate,
                   {{"rate", rate_text(770, table.strings->money_decimal_point)}})
                  .find("7.7"),
              std::string::npos)
        << table.language;
  }
}

TEST(StringsTest, DatesAreWrittenTheWayEachLanguageWritesThem) {
  std::tm time{};
  time.tm_year = 2026 - 1900;
  time.tm_mon = 10;
  time.tm_mday = 25;
  time.tm_hour = 18;
  time.tm_min = 5;
  const auto format = [&](std::string_view language) {
    char text[64];
    const std::string pattern(strings_for(language)->date_time_format);
    return std::string(text, std::strftime(text, sizeof text, pattern.c_str(), &time));
  };
  EXPECT_EQ(format("en"), "2026-11-25 18:05");
  EXPECT_EQ(format("fr"), "25/11/2026 18:05");
  EXPECT_EQ(format("de"), "25.11.2026 18:05");
  EXPECT_EQ(format("es"), "25/11/2026 18:05");
}

}  // namespace
}  // namespace linkpos::app
