#pragma once

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
};

const Strings& english_strings();

// The table for a language code ("en"); nullptr when linkpos has none.
const Strings* strings_for(std::string_view language);

// Replaces each "{name}" in `text` by its value.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace linkpos::app
