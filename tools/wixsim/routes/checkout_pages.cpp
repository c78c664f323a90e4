#include "tools/wixsim/routes/checkout_pages.hpp"

namespace linkpos::tools::wixsim {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f6;color:#222}"
    "main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.75rem}"
    "h1{font-size:1.3rem;margin:0 0 1rem}.amount{font-size:2rem;font-weight:700;margin:.5rem 0}"
    "table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.3rem 0;border-bottom:1px "
    "solid #eee}"
    "td.n{text-align:right;white-space:nowrap}"
    "button{width:100%;padding:1rem;font-size:1.2rem;border:0;border-radius:.5rem;background:#"
    "116dff;color:#fff}"
    ".status{padding:.75rem;background:#fdecea;border-radius:.5rem}.note{color:#888;font-size:."
    "8rem}";

std::string page(std::string_view title, const std::string& content) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         html_escape(title) + "</title><style>" + std::string(kStyle) +
         "</style></head><body><main>\n" + content +
         "<p class=\"note\">wixsim: a test checkout, no money moves.</p>\n</main></body></html>\n";
}

std::string money(const DecimalAmount& amount, int scale, const std::string& currency) {
  return format_decimal_amount(amount, scale) + " " + currency;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string checkout_page(const PaymentLink& link, LinkStatus status, bool takes_payment,
                          const CheckoutOffer& offer, std::string_view pay_path) {
  const auto& terms = link.terms;
  const std::string total = html_escape(money(terms.total, offer.scale, terms.currency));
  std::string content =
      "<h1>" + html_escape(terms.title) + "</h1>\n<p class=\"amount\">" + total + "</p>\n<table>\n";
  for (const auto& line : terms.lines) {
    content += "<tr><td>" + html_escape(line.name) + "</td><td class=\"n\">&times; " +
               std::to_string(line.quantity) + "</td><td class=\"n\">" +
               html_escape(money(line.price, offer.scale, terms.currency)) + "</td></tr>\n";
  }
  content += "</table>\n";
  if (offer.discount.thousandths > 0) {
    content += "<p>Discount " + format_decimal_amount({offer.discount.thousandths}, 0) +
               " %: " + html_escape(money(offer.due, offer.scale, terms.currency)) + " due</p>\n";
  }
  if (takes_payment) {
    content += "<form method=\"post\" action=\"" + html_escape(pay_path) + "\">";
    if (offer.due.thousandths > 0) {
      // The customer may pay another amount (a tip, a part): the checkout takes what is sent.
      content += "<p><label for=\"amount\">Amount to pay (" + html_escape(terms.currency) +
                 ")</label><br><input id=\"amount\" name=\"amount\" inputmode=\"decimal\" "
                 "value=\"" +
                 format_decimal_amount(offer.due, offer.scale) + "\"></p>";
    }
    content += "<button type=\"submit\">Pay</button></form>\n";
  } else {
    content += "<p class=\"status\">This payment link is " + std::string(status_name(status)) +
               " and takes no payment.</p>\n";
  }
  return page("Pay: " + terms.title, content);
}

std::string paid_page(const PaymentLink& link, const CompletedCheckout& checkout, int scale) {
  const auto& payments = checkout.payments;
  DecimalAmount paid;
  for (const auto& payment : payments)
    paid.thousandths += payment.amount.thousandths;
  std::string content = "<h1>Paid</h1>\n<p class=\"amount\">" +
                        html_escape(money(paid, scale, link.terms.currency)) + "</p>\n<p>" +
                        html_escape(link.terms.title) + "</p>\n<table>\n";
  for (const auto& payment : payments) {
    const std::string method = payment.type == PaymentType::kGiftCard
                                   ? "Gift card " + payment.gift_card_code
                                   : std::string("Card");
    content += "<tr><td>" + html_escape(method) + "</td><td class=\"n\">" +
               html_escape(money(payment.amount, scale, payment.currency)) + "</td><td>" +
               html_escape(payment.id) + "</td></tr>\n";
  }
  content += "</table>\n";
  return page("Paid: " + link.terms.title, content);
}

std::string refused_page(std::string_view heading, std::string_view reason) {
  return page(heading, "<h1>" + html_escape(heading) + "</h1>\n<p class=\"status\">" +
                           html_escape(reason) + "</p>\n");
}

}  // namespace linkpos::tools::wixsim
