// Everything Wix (or anything pretending to be Wix) sends back goes through these readers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "wix/http_date.hpp"
#include "wix/server_text.hpp"
#include "wix/wire.hpp"
#include "wix/wix_error.hpp"

namespace {

// Server text as it may reach a log line: valid UTF-8 (checked through tame_server_text being
// idempotent on it) without control characters.
void require_tame(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      __builtin_trap();
  }
  if (linkpos::wix::tame_server_text(text, text.size()) != text)
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)linkpos::wix::parse_link_reply(body);
  (void)linkpos::wix::parse_links_page(body);
  if (const auto page = linkpos::wix::parse_payments_page(body);
      const auto* payments = std::get_if<linkpos::wix::Page<linkpos::wix::LinkPayment>>(&page)) {
    for (const auto& payment : payments->items) {
      for (const auto* text : {&payment.id, &payment.link_id, &payment.payer, &payment.card,
                               &payment.problem, &payment.receipt_id})
        require_tame(*text);
    }
  }
  (void)linkpos::wix::parse_receipt_reply(body);
  (void)linkpos::wix::parse_settings_reply(body);
  (void)linkpos::wix::parse_checkout_reply(body);
  (void)linkpos::wix::parse_error_body(body);
  (void)linkpos::wix::from_rfc3339(body);
  require_tame(linkpos::wix::error_from_response(500, body, body.substr(0, 40), {}).message);
  require_tame(linkpos::wix::tame_server_text(body));
  if (linkpos::wix::tame_server_text(body).size() > 4 * linkpos::wix::kServerTextMaxChars)
    __builtin_trap();
  (void)linkpos::wix::parse_site_properties(body);
  (void)linkpos::wix::parse_http_date(body);
  // Link ids come from Wix's answers and go back in the period's title query: any bytes at all
  // must make a request body, never throw.
  (void)linkpos::wix::links_with_ids_query({std::string(body), std::string(body.substr(0, 8))});
  return 0;
}
