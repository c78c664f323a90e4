// Everything Wix (or anything pretending to be Wix) sends back goes through these readers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "wix/http_date.hpp"
#include "wix/wire.hpp"
#include "wix/wix_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)linkpos::wix::parse_link_reply(body);
  (void)linkpos::wix::parse_links_page(body);
  (void)linkpos::wix::parse_payments_page(body);
  (void)linkpos::wix::parse_receipt_reply(body);
  (void)linkpos::wix::parse_settings_reply(body);
  (void)linkpos::wix::parse_checkout_reply(body);
  (void)linkpos::wix::parse_error_body(body);
  (void)linkpos::wix::from_rfc3339(body);
  (void)linkpos::wix::error_from_response(500, body, body.substr(0, 40), {});
  (void)linkpos::wix::parse_site_properties(body);
  (void)linkpos::wix::parse_http_date(body);
  // Link ids come from Wix's answers and go back in the period's title query: any bytes at all
  // must make a request body, never throw.
  (void)linkpos::wix::links_with_ids_query({std::string(body), std::string(body.substr(0, 8))});
  return 0;
}
