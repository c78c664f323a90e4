#include "app/strings.hpp"

namespace linkpos::app {

const Strings& english_strings() {
  static const Strings kEnglish{
      .idle_prompt = "Key in an amount",
      .idle_hint = "0-9 amount   MENU menu",
      .idle_last_paid = "Last sale: {amount} paid",
      .idle_last_cancelled = "Last sale cancelled",
      .idle_receipt_pending = "A receipt is waiting for the printer",
      .idle_checking = "Checking the payment service…",
      .idle_connected = "Ready: the payment service answers",
      .idle_not_connected = "NOT READY: {reason}",

      .amount_title = "New sale",
      .amount_hint = "CHARGE take payment   CANCEL clear",
      .amount_zero = "Key in an amount first",
      .amount_too_high = "The most one sale can take is {max}",

      .creating_title = "Creating payment link",
      .please_wait = "One moment…",
      .cancel_hint = "CANCEL stop",

      .qr_title = "Scan to pay",
      .qr_time_left = "Time left {time}",
      .qr_reference = "Ref {reference}",
      .qr_retrying = "Network problem — retrying",
      .wix_busy_retrying = "Wix is busy — retrying",

      .cancelling_title = "Cancelling",
      .cancelling_body = "Closing the payment link…",

      .paid_title = "Paid",
      .paid_headline = "PAID",
      .paid_receipt_number = "Receipt No. {number}",
      .paid_receipt_printing = "Printing the receipt…",
      .paid_receipt_printed = "Receipt printed",
      .any_key_hint = "Press any key",

      .printing_title = "Printing receipt",

      .retry_hint = "CHARGE try again   CANCEL back",
      .create_failed_title = "No payment link",
      .timeout_title = "No payment received",
      .timeout_body = "Nothing was paid within {time}; the payment link is closed.",
      .closed_elsewhere_title = "Link closed",
      .closed_elsewhere_body = "The payment link was closed outside this terminal. Nothing was paid.",
      .printer_title = "Printer problem",
      .printer_sale_paid = "The sale is paid ({amount}); only the receipt is missing.",
      .printer_retry_hint = "CHARGE print again   CANCEL later",
      .printer_retrying = "Trying again by itself every 10 seconds.",
      .printer_offline = "The printer is offline. Check its cable and power.",
      .printer_paper_out = "The printer is out of paper. Load a new roll.",
      .printer_cover_open = "The printer cover is open. Close it.",
      .printer_job_failed = "The printer did not finish the receipt.",
      .refund_title = "Refund needed",
      .refund_body = "Another payment of {amount} came in for sale {reference}.",
      .refund_action = "Refund it to the customer from the Wix dashboard (payment {payment}).",
      .refund_hint = "CHARGE noted",
      .ledger_title = "Terminal fault",
      .ledger_body = "The sale ledger cannot be written. Stop selling and call a technician.",
      .ledger_hint = "",

      .failure_unreachable = "Network problem. Check the terminal's connection.",
      .failure_rejected_key = "API key rejected. A technician must fix the configuration.",
      .failure_refused = "Wix refused the request.",
      .failure_busy = "Wix is busy. Wait a moment.",
      .failure_server = "Wix had a problem. Try again in a minute.",
      .failure_bad_reply = "Unexpected reply from Wix.",
      .failure_security = "Secure connection failed. Call a technician.",
      .failure_clock = "Set the clock: the terminal's date is wrong.",

      .menu_title = "Menu",
      .menu_reprint = "1  Reprint last receipt",
      .menu_info = "2  Terminal info",
      .menu_hint = "CANCEL close",
      .menu_nothing_to_reprint = "No receipt printed yet",
      .info_title = "Terminal info",
      .info_terminal = "Terminal {id}",
      .info_version = "linkpos {version}",
      .info_backend = "Payments: {backend}",

      .link_title = "{merchant} {reference}",
      .receipt_copy = "*** COPY ***",
      .receipt_reprint = "REPRINT — power lost while printing",
      .receipt_tax_id = "Tax ID {id}",
      .receipt_number = "Receipt No.",
      .receipt_date = "Date",
      .receipt_terminal = "Terminal",
      .receipt_reference = "Ref",
      .sale_line_name = "Sale",
      .receipt_total = "TOTAL",
      .receipt_vat_rate = "VAT {rate}% included",
      .receipt_net = "Net",
      .receipt_vat = "VAT",
      .receipt_gross = "Gross",
      .receipt_paid_with = "Paid with Wix Payment Link",
      .receipt_link_id = "Link",
      .receipt_payment_id = "Payment",
      .receipt_backend_receipt = "Wix receipt",
      .receipt_thanks = "Thank you!",
  };
  return kEnglish;
}

}  // namespace linkpos::app
