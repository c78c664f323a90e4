#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "wix/wire_time.hpp"

// The Wix Payment Links API's JSON as this client writes and reads it (../shared/wix-api/
// CONTRACT.md). Free of any I/O so it can be fuzzed: readers tolerate unknown fields and the
// contract's UNCONFIRMED variants, and are strict about what a sale depends on.
namespace linkpos::wix {

enum class LinkStatus { kActive, kInactive, kExpired, kPaid, kUnknown };

struct PaymentLinkInfo {
  std::string id;
  std::string title;
  std::string currency;
  std::string url;  // links.url.url, where the customer pays
  LinkStatus status = LinkStatus::kUnknown;
  std::optional<WallTime> created;
  std::optional<WallTime> expires;
  int payments_limit = 0;
};

// One entry of a link's payments. An entry that is not what the contract describes is kept with
// `problem` set and whatever could be read, never dropped: nothing may hide a payment.
struct LinkPayment {
  std::string id;        // "no-id-<hash of the entry>" when the entry has none
  std::string link_id;   // paymentLinkId
  std::string amount;    // decimal string as Wix sent it (a JSON number as its literal text)
  std::string currency;  // from "currency", else "currencyCode"
  std::string kind;      // "type": REGULAR, GIFT_CARD...
  std::string payer;     // the contact's full name, when given
  std::string card;      // the masked card number, when given
  std::string receipt_id;
  std::optional<WallTime> created;
  std::string problem;  // why the entry cannot be used as it is; empty when it can
};

// The site's own facts (Site Properties API). Fields Wix left out are empty.
struct SiteInfo {
  std::string payment_currency;
  std::string business_name;
  std::vector<std::string> address;
  std::string time_zone;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // empty on the last page
};

struct LineItem {
  std::string name;
  int quantity = 1;
  std::string price;  // decimal string
};

struct CreateLinkRequest {
  std::string title;
  std::string currency;
  std::vector<LineItem> lines;
  WallTime expires_at;
  int payments_limit = 1;
};

// A reply that could not be used: says what was wrong with it.
struct BadReply {
  std::string problem;
};

template <class T>
using Parsed = std::variant<T, BadReply>;

// Request bodies. A later page of a query is asked for by its cursor alone, as Wix's own SDK
// does: the cursor carries the filter and sort, and Wix refuses them beside it.
std::string create_link_body(const CreateLinkRequest& request);
std::string payments_of_link_query(const std::string& link_id);
// Links created at or after `since`, newest first: how a terminal finds a link it may have
// made before a connection dropped.
std::string links_created_since_query(WallTime since);
// Payments created at or after `from` and before `to`, oldest first: a report period's. Both
// ends are written rounded up to the millisecond (Wix dates payments to the millisecond), so a
// payment dated in the sub-millisecond before `from`, or at `to`, is never let in.
std::string payments_created_between_query(WallTime from, WallTime to);
// The links whose ids are among `ids` (at most a page's worth, 100).
std::string links_with_ids_query(const std::vector<std::string>& ids);
std::string next_page_query(const std::string& cursor);

// Replies.
Parsed<PaymentLinkInfo> parse_link_reply(std::string_view body);
Parsed<Page<PaymentLinkInfo>> parse_links_page(std::string_view body);
Parsed<Page<LinkPayment>> parse_payments_page(std::string_view body);
Parsed<std::string> parse_receipt_reply(std::string_view body);   // the receipt id
Parsed<std::string> parse_settings_reply(std::string_view body);  // the settings' revision
Parsed<SiteInfo> parse_site_properties(std::string_view body);
// Initiate Payment's answer: the URL where the customer pays at once, ecomCheckout.checkoutUrl
// (an ECOM link), else ecomOrder.orderUrl (an ECOM_ORDER link). The deprecated cashierOrder, no
// URL at all, or one that is not an http(s) address is a BadReply that says what was wrong.
Parsed<std::string> parse_checkout_reply(std::string_view body);

// Wix's error body: {"message", "details": {"applicationError": {"code", "description"}}} or
// details.validationError.fieldViolations. 5xx replies usually have none.
struct ErrorBody {
  std::string code;     // applicationError.code, when given
  std::string message;  // description, else code, else message; empty when there is no body
  std::vector<std::string> field_violations;  // "field: description"
};
ErrorBody parse_error_body(std::string_view body);

}  // namespace linkpos::wix
