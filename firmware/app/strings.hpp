#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkpos::app {

// Every word the terminal shows or prints, so a language is one table. Placeholders in braces
// ("{amount}") are filled by fill().
struct Strings {
  // Screens
  std::string_view idle_prompt;
  std::string_view idle_hint;
  std::string_view idle_last_paid;
  std::string_view idle_last_cancelled;
  std::string_view idle_last_interrupted;
  std::string_view idle_receipt_pending;
  std::string_view idle_checking;
  std::string_view idle_connected;
  std::string_view idle_not_connected;
  std::string_view idle_refunds_owed;
  std::string_view idle_checking_site;

  std::string_view amount_title;
  std::string_view amount_hint;
  std::string_view amount_zero;
  std::string_view amount_too_high;

  std::string_view cart_title;
  std::string_view cart_line;
  std::string_view cart_more;
  std::string_view cart_total;
  std::string_view cart_keyed;
  std::string_view cart_hint;
  std::string_view cart_no_item;
  std::string_view items_title;
  std::string_view items_line;
  std::string_view items_none;
  std::string_view items_quantity;
  std::string_view items_hint;
  std::string_view tip_title;
  std::string_view tip_choice;
  std::string_view tip_none;
  std::string_view tip_hint;

  std::string_view creating_title;
  std::string_view please_wait;
  std::string_view cancel_hint;

  std::string_view qr_title;
  std::string_view qr_time_left;
  std::string_view qr_reference;
  std::string_view qr_retrying;
  std::string_view wix_busy_retrying;

  std::string_view cancelling_title;
  std::string_view cancelling_body;

  std::string_view paid_title;
  std::string_view paid_headline;
  std::string_view paid_receipt_number;
  std::string_view paid_receipt_printing;
  std::string_view paid_receipt_printed;
  std::string_view paid_refund;
  std::string_view any_key_hint;

  std::string_view printing_title;

  std::string_view retry_hint;
  std::string_view create_failed_title;
  std::string_view timeout_title;
  std::string_view timeout_body;
  std::string_view closed_elsewhere_title;
  std::string_view closed_elsewhere_body;
  std::string_view printer_title;
  std::string_view printer_sale_paid;
  std::string_view printer_retry_hint;
  std::string_view printer_retrying;
  std::string_view printer_offline;
  std::string_view printer_paper_out;
  std::string_view printer_cover_open;
  std::string_view printer_job_failed;
  std::string_view underpaid_title;
  std::string_view underpaid_body;
  std::string_view underpaid_paid;
  std::string_view underpaid_owed;
  std::string_view underpaid_short;
  std::string_view underpaid_link_open;
  std::string_view underpaid_hint;
  std::string_view check_title;
  std::string_view check_body;
  std::string_view check_link;
  std::string_view check_payment;
  std::string_view check_looking;
  std::string_view check_hint;
  std::string_view unresolved_title;
  std::string_view unresolved_body;
  std::string_view currency_title;
  std::string_view currency_body;
  std::string_view currency_action;
  std::string_view currency_hint;
  std::string_view refunds_title;
  std::string_view refunds_none;
  std::string_view refunds_position;
  std::string_view refunds_amount;
  std::string_view refunds_amount_unknown;
  std::string_view refunds_sale;
  std::string_view refunds_payment;
  std::string_view refunds_payer;
  std::string_view refunds_card;
  std::string_view refunds_reason_overpaid;
  std::string_view refunds_reason_after_sale;
  std::string_view refunds_reason_unreadable;
  std::string_view refunds_reason_unresolved;
  std::string_view refunds_action;
  std::string_view refunds_hint;
  std::string_view refunds_clear_hint;
  std::string_view refunds_cleared;
  std::string_view ledger_title;
  std::string_view ledger_body;
  std::string_view ledger_hint;
  // The frame left on the display when the terminal stops on a failure: the title, why, and
  // what to do.
  std::string_view out_of_service_title;
  std::string_view out_of_service_storage;
  std::string_view out_of_service_internal;
  std::string_view out_of_service_start;
  std::string_view out_of_service_hint;

  // Why the payment service failed, and what to do.
  std::string_view failure_unreachable;
  std::string_view failure_rejected_key;
  std::string_view failure_refused;
  std::string_view failure_busy;
  std::string_view failure_server;
  std::string_view failure_bad_reply;
  std::string_view failure_security;
  std::string_view failure_clock;

  std::string_view menu_title;
  std::string_view menu_reprint;
  std::string_view menu_info;
  std::string_view menu_hint;
  std::string_view menu_nothing_to_reprint;
  std::string_view info_title;
  std::string_view info_terminal;
  std::string_view info_version;
  std::string_view info_backend;
  std::string_view menu_technician;
  std::string_view menu_refunds;
  std::string_view menu_items;
  std::string_view menu_sales;
  std::string_view menu_reports;

  // The technician's menu
  std::string_view tech_title;
  std::string_view tech_pin_prompt;
  std::string_view tech_pin_wrong;
  std::string_view tech_pin_unset;
  std::string_view tech_pin_hint;
  // Too many wrong PINs: the PIN pages wait {time} (m:ss) before taking one again.
  std::string_view tech_pin_locked;
  std::string_view tech_version;
  std::string_view tech_check;
  std::string_view tech_printer_test;
  std::string_view tech_display_test;
  std::string_view tech_last_sales;
  std::string_view tech_back_hint;
  std::string_view tech_revision;
  std::string_view tech_built;
  std::string_view tech_checking;
  std::string_view tech_check_ok;
  std::string_view tech_site_currency;
  std::string_view tech_site_unreadable;
  std::string_view tech_clock_skew;
  std::string_view tech_refunds;
  std::string_view tech_printing;
  std::string_view tech_printed;
  std::string_view tech_no_sales;
  std::string_view tech_no_receipt;
  std::string_view tech_sales_hint;
  std::string_view tech_test_page_title;
  std::string_view tech_test_page_charset;

  // Reports
  std::string_view report_x_title;
  std::string_view report_z_title;
  std::string_view report_from;
  std::string_view report_from_start;
  std::string_view report_to;
  std::string_view report_sales;
  std::string_view report_gross;
  std::string_view report_tips;
  std::string_view report_cancelled;
  std::string_view report_expired;
  std::string_view report_failed;
  std::string_view report_unresolved;
  std::string_view report_underpaid;
  std::string_view report_overpaid;
  std::string_view report_receipts;
  std::string_view report_no_receipts;
  std::string_view report_refunds_owed;
  std::string_view report_refund_line;
  std::string_view report_amount_unknown;
  std::string_view report_reconciled;
  std::string_view report_not_reconciled;
  std::string_view report_reconcile_skipped;
  std::string_view report_brought_in;
  std::string_view report_unknown_to_wix;
  std::string_view report_no_z;
  std::string_view reports_title;
  std::string_view reports_x;
  std::string_view reports_z;
  std::string_view reports_last_z;
  std::string_view reports_hint;
  std::string_view reports_z_confirm;
  std::string_view reports_z_confirm_body;
  std::string_view reports_z_confirm_hint;
  std::string_view reports_working;
  std::string_view reports_x_printed;
  std::string_view reports_z_printed;
  std::string_view reports_not_printed;
  std::string_view reports_z_kept;
  std::string_view reports_ledger_failed;

  // The day's sales (MENU 6)
  std::string_view sales_title;
  std::string_view sales_none;
  std::string_view sales_line;
  std::string_view sales_hint;
  std::string_view sales_paid;
  std::string_view sales_underpaid;
  std::string_view sales_cancelled;
  std::string_view sales_expired;
  std::string_view sales_failed;
  std::string_view sales_unresolved;
  std::string_view sales_refund_owed;
  std::string_view sales_open;
  std::string_view sales_printing;
  std::string_view sales_printed;
  std::string_view sale_detail_title;
  std::string_view sale_detail_link;
  std::string_view sale_detail_payment;
  std::string_view sale_detail_receipt;
  std::string_view sale_detail_hint;
  std::string_view sale_detail_no_receipt_hint;

  // Receipts and the payment link
  std::string_view link_title;
  std::string_view receipt_copy;
  std::string_view receipt_reprint;
  std::string_view receipt_tax_id;
  std::string_view receipt_number;
  std::string_view receipt_date;
  std::string_view receipt_terminal;
  std::string_view receipt_reference;
  std::string_view sale_line_name;
  std::string_view rest_line_name;
  std::string_view tip_line_name;
  std::string_view receipt_quantity_line;
  std::string_view receipt_total;
  std::string_view receipt_vat_rate;
  std::string_view receipt_net;
  std::string_view receipt_vat;
  std::string_view receipt_gross;
  std::string_view receipt_paid_with;
  std::string_view receipt_link_id;
  std::string_view receipt_payment_id;
  std::string_view receipt_gift_card;
  std::string_view receipt_card;
  std::string_view receipt_payment;
  std::string_view receipt_paid_total;
  std::string_view receipt_written_off;
  std::string_view receipt_refund;
  std::string_view receipt_backend_receipt;
  std::string_view receipt_thanks;

  // How this language writes money and dates; format_money() and the receipts read them from the
  // active table. Patterns fill "{amount}" (digits, grouped, with the decimal point below) and
  // "{symbol}" or "{code}"; an empty group separator groups nothing.
  std::string_view money_with_symbol;
  std::string_view money_with_code;
  std::string_view money_decimal_point;
  std::string_view money_group_separator;
  std::string_view date_time_format;  // strftime: a receipt's or a report's date and time
};

// Every key of Strings, so tests can check that each language has them all. A key added to the
// struct and not here fails the static_assert below.
struct StringKey {
  std::string_view name;
  std::string_view Strings::*member;
};

inline constexpr StringKey kStringKeys[] = {
    {"idle_prompt", &Strings::idle_prompt},
    {"idle_hint", &Strings::idle_hint},
    {"idle_last_paid", &Strings::idle_last_paid},
    {"idle_last_cancelled", &Strings::idle_last_cancelled},
    {"idle_last_interrupted", &Strings::idle_last_interrupted},
    {"idle_receipt_pending", &Strings::idle_receipt_pending},
    {"idle_checking", &Strings::idle_checking},
    {"idle_connected", &Strings::idle_connected},
    {"idle_not_connected", &Strings::idle_not_connected},
    {"idle_refunds_owed", &Strings::idle_refunds_owed},
    {"idle_checking_site", &Strings::idle_checking_site},
    {"amount_title", &Strings::amount_title},
    {"amount_hint", &Strings::amount_hint},
    {"amount_zero", &Strings::amount_zero},
    {"amount_too_high", &Strings::amount_too_high},
    {"cart_title", &Strings::cart_title},
    {"cart_line", &Strings::cart_line},
    {"cart_more", &Strings::cart_more},
    {"cart_total", &Strings::cart_total},
    {"cart_keyed", &Strings::cart_keyed},
    {"cart_hint", &Strings::cart_hint},
    {"cart_no_item", &Strings::cart_no_item},
    {"items_title", &Strings::items_title},
    {"items_line", &Strings::items_line},
    {"items_none", &Strings::items_none},
    {"items_quantity", &Strings::items_quantity},
    {"items_hint", &Strings::items_hint},
    {"tip_title", &Strings::tip_title},
    {"tip_choice", &Strings::tip_choice},
    {"tip_none", &Strings::tip_none},
    {"tip_hint", &Strings::tip_hint},
    {"creating_title", &Strings::creating_title},
    {"please_wait", &Strings::please_wait},
    {"cancel_hint", &Strings::cancel_hint},
    {"qr_title", &Strings::qr_title},
    {"qr_time_left", &Strings::qr_time_left},
    {"qr_reference", &Strings::qr_reference},
    {"qr_retrying", &Strings::qr_retrying},
    {"wix_busy_retrying", &Strings::wix_busy_retrying},
    {"cancelling_title", &Strings::cancelling_title},
    {"cancelling_body", &Strings::cancelling_body},
    {"paid_title", &Strings::paid_title},
    {"paid_headline", &Strings::paid_headline},
    {"paid_receipt_number", &Strings::paid_receipt_number},
    {"paid_receipt_printing", &Strings::paid_receipt_printing},
    {"paid_receipt_printed", &Strings::paid_receipt_printed},
    {"paid_refund", &Strings::paid_refund},
    {"any_key_hint", &Strings::any_key_hint},
    {"printing_title", &Strings::printing_title},
    {"retry_hint", &Strings::retry_hint},
    {"create_failed_title", &Strings::create_failed_title},
    {"timeout_title", &Strings::timeout_title},
    {"timeout_body", &Strings::timeout_body},
    {"closed_elsewhere_title", &Strings::closed_elsewhere_title},
    {"closed_elsewhere_body", &Strings::closed_elsewhere_body},
    {"printer_title", &Strings::printer_title},
    {"printer_sale_paid", &Strings::printer_sale_paid},
    {"printer_retry_hint", &Strings::printer_retry_hint},
    {"printer_retrying", &Strings::printer_retrying},
    {"printer_offline", &Strings::printer_offline},
    {"printer_paper_out", &Strings::printer_paper_out},
    {"printer_cover_open", &Strings::printer_cover_open},
    {"printer_job_failed", &Strings::printer_job_failed},
    {"underpaid_title", &Strings::underpaid_title},
    {"underpaid_body", &Strings::underpaid_body},
    {"underpaid_paid", &Strings::underpaid_paid},
    {"underpaid_owed", &Strings::underpaid_owed},
    {"underpaid_short", &Strings::underpaid_short},
    {"underpaid_link_open", &Strings::underpaid_link_open},
    {"underpaid_hint", &Strings::underpaid_hint},
    {"check_title", &Strings::check_title},
    {"check_body", &Strings::check_body},
    {"check_link", &Strings::check_link},
    {"check_payment", &Strings::check_payment},
    {"check_looking", &Strings::check_looking},
    {"check_hint", &Strings::check_hint},
    {"unresolved_title", &Strings::unresolved_title},
    {"unresolved_body", &Strings::unresolved_body},
    {"currency_title", &Strings::currency_title},
    {"currency_body", &Strings::currency_body},
    {"currency_action", &Strings::currency_action},
    {"currency_hint", &Strings::currency_hint},
    {"refunds_title", &Strings::refunds_title},
    {"refunds_none", &Strings::refunds_none},
    {"refunds_position", &Strings::refunds_position},
    {"refunds_amount", &Strings::refunds_amount},
    {"refunds_amount_unknown", &Strings::refunds_amount_unknown},
    {"refunds_sale", &Strings::refunds_sale},
    {"refunds_payment", &Strings::refunds_payment},
    {"refunds_payer", &Strings::refunds_payer},
    {"refunds_card", &Strings::refunds_card},
    {"refunds_reason_overpaid", &Strings::refunds_reason_overpaid},
    {"refunds_reason_after_sale", &Strings::refunds_reason_after_sale},
    {"refunds_reason_unreadable", &Strings::refunds_reason_unreadable},
    {"refunds_reason_unresolved", &Strings::refunds_reason_unresolved},
    {"refunds_action", &Strings::refunds_action},
    {"refunds_hint", &Strings::refunds_hint},
    {"refunds_clear_hint", &Strings::refunds_clear_hint},
    {"refunds_cleared", &Strings::refunds_cleared},
    {"ledger_title", &Strings::ledger_title},
    {"ledger_body", &Strings::ledger_body},
    {"ledger_hint", &Strings::ledger_hint},
    {"out_of_service_title", &Strings::out_of_service_title},
    {"out_of_service_storage", &Strings::out_of_service_storage},
    {"out_of_service_internal", &Strings::out_of_service_internal},
    {"out_of_service_start", &Strings::out_of_service_start},
    {"out_of_service_hint", &Strings::out_of_service_hint},
    {"failure_unreachable", &Strings::failure_unreachable},
    {"failure_rejected_key", &Strings::failure_rejected_key},
    {"failure_refused", &Strings::failure_refused},
    {"failure_busy", &Strings::failure_busy},
    {"failure_server", &Strings::failure_server},
    {"failure_bad_reply", &Strings::failure_bad_reply},
    {"failure_security", &Strings::failure_security},
    {"failure_clock", &Strings::failure_clock},
    {"menu_title", &Strings::menu_title},
    {"menu_reprint", &Strings::menu_reprint},
    {"menu_info", &Strings::menu_info},
    {"menu_hint", &Strings::menu_hint},
    {"menu_nothing_to_reprint", &Strings::menu_nothing_to_reprint},
    {"info_title", &Strings::info_title},
    {"info_terminal", &Strings::info_terminal},
    {"info_version", &Strings::info_version},
    {"info_backend", &Strings::info_backend},
    {"menu_technician", &Strings::menu_technician},
    {"menu_refunds", &Strings::menu_refunds},
    {"menu_items", &Strings::menu_items},
    {"menu_sales", &Strings::menu_sales},
    {"menu_reports", &Strings::menu_reports},
    {"tech_title", &Strings::tech_title},
    {"tech_pin_prompt", &Strings::tech_pin_prompt},
    {"tech_pin_wrong", &Strings::tech_pin_wrong},
    {"tech_pin_unset", &Strings::tech_pin_unset},
    {"tech_pin_hint", &Strings::tech_pin_hint},
    {"tech_pin_locked", &Strings::tech_pin_locked},
    {"tech_version", &Strings::tech_version},
    {"tech_check", &Strings::tech_check},
    {"tech_printer_test", &Strings::tech_printer_test},
    {"tech_display_test", &Strings::tech_display_test},
    {"tech_last_sales", &Strings::tech_last_sales},
    {"tech_back_hint", &Strings::tech_back_hint},
    {"tech_revision", &Strings::tech_revision},
    {"tech_built", &Strings::tech_built},
    {"tech_checking", &Strings::tech_checking},
    {"tech_check_ok", &Strings::tech_check_ok},
    {"tech_site_currency", &Strings::tech_site_currency},
    {"tech_site_unreadable", &Strings::tech_site_unreadable},
    {"tech_clock_skew", &Strings::tech_clock_skew},
    {"tech_refunds", &Strings::tech_refunds},
    {"tech_printing", &Strings::tech_printing},
    {"tech_printed", &Strings::tech_printed},
    {"tech_no_sales", &Strings::tech_no_sales},
    {"tech_no_receipt", &Strings::tech_no_receipt},
    {"tech_sales_hint", &Strings::tech_sales_hint},
    {"tech_test_page_title", &Strings::tech_test_page_title},
    {"tech_test_page_charset", &Strings::tech_test_page_charset},
    {"report_x_title", &Strings::report_x_title},
    {"report_z_title", &Strings::report_z_title},
    {"report_from", &Strings::report_from},
    {"report_from_start", &Strings::report_from_start},
    {"report_to", &Strings::report_to},
    {"report_sales", &Strings::report_sales},
    {"report_gross", &Strings::report_gross},
    {"report_tips", &Strings::report_tips},
    {"report_cancelled", &Strings::report_cancelled},
    {"report_expired", &Strings::report_expired},
    {"report_failed", &Strings::report_failed},
    {"report_unresolved", &Strings::report_unresolved},
    {"report_underpaid", &Strings::report_underpaid},
    {"report_overpaid", &Strings::report_overpaid},
    {"report_receipts", &Strings::report_receipts},
    {"report_no_receipts", &Strings::report_no_receipts},
    {"report_refunds_owed", &Strings::report_refunds_owed},
    {"report_refund_line", &Strings::report_refund_line},
    {"report_amount_unknown", &Strings::report_amount_unknown},
    {"report_reconciled", &Strings::report_reconciled},
    {"report_not_reconciled", &Strings::report_not_reconciled},
    {"report_reconcile_skipped", &Strings::report_reconcile_skipped},
    {"report_brought_in", &Strings::report_brought_in},
    {"report_unknown_to_wix", &Strings::report_unknown_to_wix},
    {"report_no_z", &Strings::report_no_z},
    {"reports_title", &Strings::reports_title},
    {"reports_x", &Strings::reports_x},
    {"reports_z", &Strings::reports_z},
    {"reports_last_z", &Strings::reports_last_z},
    {"reports_hint", &Strings::reports_hint},
    {"reports_z_confirm", &Strings::reports_z_confirm},
    {"reports_z_confirm_body", &Strings::reports_z_confirm_body},
    {"reports_z_confirm_hint", &Strings::reports_z_confirm_hint},
    {"reports_working", &Strings::reports_working},
    {"reports_x_printed", &Strings::reports_x_printed},
    {"reports_z_printed", &Strings::reports_z_printed},
    {"reports_not_printed", &Strings::reports_not_printed},
    {"reports_z_kept", &Strings::reports_z_kept},
    {"reports_ledger_failed", &Strings::reports_ledger_failed},
    {"sales_title", &Strings::sales_title},
    {"sales_none", &Strings::sales_none},
    {"sales_line", &Strings::sales_line},
    {"sales_hint", &Strings::sales_hint},
    {"sales_paid", &Strings::sales_paid},
    {"sales_underpaid", &Strings::sales_underpaid},
    {"sales_cancelled", &Strings::sales_cancelled},
    {"sales_expired", &Strings::sales_expired},
    {"sales_failed", &Strings::sales_failed},
    {"sales_unresolved", &Strings::sales_unresolved},
    {"sales_refund_owed", &Strings::sales_refund_owed},
    {"sales_open", &Strings::sales_open},
    {"sales_printing", &Strings::sales_printing},
    {"sales_printed", &Strings::sales_printed},
    {"sale_detail_title", &Strings::sale_detail_title},
    {"sale_detail_link", &Strings::sale_detail_link},
    {"sale_detail_payment", &Strings::sale_detail_payment},
    {"sale_detail_receipt", &Strings::sale_detail_receipt},
    {"sale_detail_hint", &Strings::sale_detail_hint},
    {"sale_detail_no_receipt_hint", &Strings::sale_detail_no_receipt_hint},
    {"link_title", &Strings::link_title},
    {"receipt_copy", &Strings::receipt_copy},
    {"receipt_reprint", &Strings::receipt_reprint},
    {"receipt_tax_id", &Strings::receipt_tax_id},
    {"receipt_number", &Strings::receipt_number},
    {"receipt_date", &Strings::receipt_date},
    {"receipt_terminal", &Strings::receipt_terminal},
    {"receipt_reference", &Strings::receipt_reference},
    {"sale_line_name", &Strings::sale_line_name},
    {"rest_line_name", &Strings::rest_line_name},
    {"tip_line_name", &Strings::tip_line_name},
    {"receipt_quantity_line", &Strings::receipt_quantity_line},
    {"receipt_total", &Strings::receipt_total},
    {"receipt_vat_rate", &Strings::receipt_vat_rate},
    {"receipt_net", &Strings::receipt_net},
    {"receipt_vat", &Strings::receipt_vat},
    {"receipt_gross", &Strings::receipt_gross},
    {"receipt_paid_with", &Strings::receipt_paid_with},
    {"receipt_link_id", &Strings::receipt_link_id},
    {"receipt_payment_id", &Strings::receipt_payment_id},
    {"receipt_gift_card", &Strings::receipt_gift_card},
    {"receipt_card", &Strings::receipt_card},
    {"receipt_payment", &Strings::receipt_payment},
    {"receipt_paid_total", &Strings::receipt_paid_total},
    {"receipt_written_off", &Strings::receipt_written_off},
    {"receipt_refund", &Strings::receipt_refund},
    {"receipt_backend_receipt", &Strings::receipt_backend_receipt},
    {"receipt_thanks", &Strings::receipt_thanks},
    {"money_with_symbol", &Strings::money_with_symbol},
    {"money_with_code", &Strings::money_with_code},
    {"money_decimal_point", &Strings::money_decimal_point},
    {"money_group_separator", &Strings::money_group_separator},
    {"date_time_format", &Strings::date_time_format},
};
static_assert(sizeof(Strings) == std::size(kStringKeys) * sizeof(std::string_view),
              "a member of Strings is missing from kStringKeys");

const Strings& english_strings();
const Strings& french_strings();
const Strings& german_strings();
const Strings& spanish_strings();

// The table for a language code ("en", "fr", "de", "es"); nullptr when linkpos has none.
const Strings* strings_for(std::string_view language);

// The language codes strings_for() knows, for messages: "\"en\", \"fr\", \"de\", \"es\"".
std::string known_languages();

// The table the terminal speaks from now on, English until set: format_money() and the dates on
// receipts read its money and date style. Process-wide like the time zone (TZ), since money is
// formatted in many places that have no table at hand; the composition root sets it once, at
// start, with the table it hands the terminal.
void use_strings(const Strings& strings);
const Strings& active_strings();

// Replaces each "{name}" in `text` by its value.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace linkpos::app
