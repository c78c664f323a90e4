#include "wix/wire.hpp"

#include <chrono>
#include <cstdint>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "wix/server_text.hpp"

namespace linkpos::wix {
namespace {

using nlohmann::json;

std::optional<json> parse_object(std::string_view body) {
  json document = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object())
    return std::nullopt;
  return document;
}

// A string member as Wix sent it, or empty when absent or of another type. Only for what never
// reaches a log, a screen or a receipt as text (cursors), or is checked otherwise (URLs).
std::string raw_text(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A string member tamed (server_text.hpp), or empty when absent or of another type.
std::string text(const json& object, const char* key) {
  return tame_server_text(raw_text(object, key));
}

// A URL member when it is a web address (server_text.hpp), else empty.
std::string url_text(const json& object, const char* key) {
  std::string url = raw_text(object, key);
  return is_web_url(url) ? url : std::string();
}

const json* member(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_object() ? &*found : nullptr;
}

std::optional<WallTime> time_of(const json& object, const char* key) {
  const std::string value = raw_text(object, key);
  return value.empty() ? std::nullopt : from_rfc3339(value);
}

LinkStatus status_of(const std::string& name) {
  if (name == "ACTIVE")
    return LinkStatus::kActive;
  if (name == "INACTIVE")
    return LinkStatus::kInactive;
  if (name == "EXPIRED")
    return LinkStatus::kExpired;
  if (name == "PAID")
    return LinkStatus::kPaid;
  return LinkStatus::kUnknown;
}

Parsed<PaymentLinkInfo> read_link(const json& link) {
  PaymentLinkInfo info;
  info.id = raw_text(link, "id");
  if (info.id.empty())
    return BadReply{"a payment link without an id"};
  // An id is asked for again by the terminal: a mended one would name another link.
  if (tame_server_text(info.id) != info.id)
    return BadReply{"a payment link whose id is not printable text"};
  info.title = text(link, "title");
  info.currency = text(link, "currency");
  if (info.currency.empty())
    info.currency = text(link, "currencyCode");
  if (const json* links = member(link, "links")) {
    if (const json* url = member(*links, "url"))
      info.url = url_text(*url, "url");  // empty when it is no web address
  }
  info.status = status_of(text(link, "status"));
  info.created = time_of(link, "createdDate");
  info.expires = time_of(link, "expirationDate");
  const auto limit = link.find("paymentsLimit");
  if (limit != link.end() && limit->is_number_integer())
    info.payments_limit = limit->get<int>();
  return info;
}

// The first non-empty string among `keys` of `object`, following dotted paths, read by `read`.
std::string first_text(const json& object, std::initializer_list<const char*> paths,
                       std::string (*read)(const json&, const char*) = text) {
  for (const char* path : paths) {
    const json* at = &object;
    std::string_view rest = path;
    while (at != nullptr) {
      const auto dot = rest.find('.');
      if (dot == std::string_view::npos) {
        if (auto value = read(*at, std::string(rest).c_str()); !value.empty())
          return value;
        break;
      }
      at = member(*at, std::string(rest.substr(0, dot)).c_str());
      rest.remove_prefix(dot + 1);
    }
  }
  return {};
}

// A short name for an entry from what it holds (FNV-1a of its JSON, whose keys are sorted).
std::string content_name(const json& entry) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : entry.dump(-1, ' ', false, json::error_handler_t::replace)) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name;
  for (int shift = 60; shift >= 0; shift -= 4)
    name += kHex[(hash >> shift) & 0xF];
  return name;
}

LinkPayment read_payment(const json& payment) {
  LinkPayment out;
  if (!payment.is_object()) {
    out.id = "no-id-" + content_name(payment);
    out.problem = "the entry is not an object";
    return out;
  }
  const std::string raw_id = raw_text(payment, "id");
  out.id = tame_server_text(raw_id);
  out.link_id = text(payment, "paymentLinkId");
  // The amount is a decimal string in the contract; a JSON number is taken as its literal text.
  const auto amount = payment.find("amount");
  if (amount != payment.end() && amount->is_string()) {
    out.amount = tame_server_text(amount->get<std::string>());
  } else if (amount != payment.end() && amount->is_number()) {
    out.amount = amount->dump();
  }
  out.currency = text(payment, "currency");
  if (out.currency.empty())
    out.currency = text(payment, "currencyCode");
  out.kind = text(payment, "type");
  out.payer =
      first_text(payment, {"regularPaymentLinkPayment.contactDetails.fullName",
                           "regularPaymentLinkPayment.creditCardPaymentMethodData.holderName"});
  if (out.payer.empty()) {
    const std::string first =
        first_text(payment, {"regularPaymentLinkPayment.contactDetails.firstName"});
    const std::string last =
        first_text(payment, {"regularPaymentLinkPayment.contactDetails.lastName"});
    out.payer = tame_server_text(first.empty() || last.empty() ? first + last : first + " " + last);
  }
  out.card = first_text(payment,
                        {"regularPaymentLinkPayment.creditCardPaymentMethodData.maskedCreditCard"});
  out.receipt_id = text(payment, "receiptId");
  out.created = time_of(payment, "createdDate");
  if (out.id.empty()) {
    // Kept under a name of its own, the same in every poll, so two such entries stay two.
    out.id = "no-id-" + content_name(payment);
    out.problem = "the payment has no id";
  } else if (out.id != raw_id) {
    // Mended ids could fall together (two cut at the same 200 characters): named by content.
    out.id = "bad-id-" + content_name(payment);
    out.problem = "the payment's id is not printable text";
  } else if (amount == payment.end() || out.amount.empty()) {
    out.problem = "payment " + out.id + " has no amount";
  }
  return out;
}

std::string next_cursor(const json& reply) {
  const json* paging = member(reply, "pagingMetadata");
  if (paging == nullptr)
    return {};
  const auto has_next = paging->find("hasNext");
  if (has_next != paging->end() && has_next->is_boolean() && !has_next->get<bool>())
    return {};
  const json* cursors = member(*paging, "cursors");
  return cursors == nullptr ? std::string() : raw_text(*cursors, "next");
}

// The list under `key` and the cursor to the next page. `read` turns one entry into an item, or
// a BadReply that fails the whole page.
template <class T, class Read>
Parsed<Page<T>> read_page(std::string_view body, const char* key, Read read) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  const auto list = reply->find(key);
  Page<T> page;
  if (list == reply->end())
    return page;  // Wix leaves out empty lists
  if (!list->is_array())
    return BadReply{std::string("\"") + key + "\" is not a list"};
  for (const auto& item : *list) {
    auto parsed = read(item);
    if (auto* bad = std::get_if<BadReply>(&parsed))
      return *bad;
    page.items.push_back(std::get<T>(std::move(parsed)));
  }
  page.next_cursor = next_cursor(*reply);
  return page;
}

constexpr int kPageSize = 100;  // Wix's most per page

}  // namespace

std::string create_link_body(const CreateLinkRequest& request) {
  json items = json::array();
  for (const auto& line : request.lines) {
    items.push_back({{"type", "CUSTOM"},
                     {"customItem",
                      {{"name", line.name}, {"quantity", line.quantity}, {"price", line.price}}}});
  }
  const json body = {{"paymentLink",
                      {{"type", "ECOM"},
                       {"title", request.title},
                       {"currency", request.currency},
                       {"paymentsLimit", request.payments_limit},
                       {"expirationDate", to_rfc3339(request.expires_at)},
                       {"ecomPaymentLink", {{"lineItems", items}}}}}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string payments_of_link_query(const std::string& link_id) {
  const json body = {
      {"query",
       {{"filter", {{"paymentLinkId", link_id}}}, {"cursorPaging", {{"limit", kPageSize}}}}}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string links_created_since_query(WallTime since) {
  const json body = {{"query",
                      {{"filter", {{"createdDate", {{"$gte", to_rfc3339(since)}}}}},
                       {"sort", json::array({{{"fieldName", "createdDate"}, {"order", "DESC"}}})},
                       {"cursorPaging", {{"limit", kPageSize}}}}}};
  return body.dump();
}

std::string payments_created_between_query(WallTime from, WallTime to) {
  const auto to_ms = [](WallTime time) {
    return to_rfc3339(std::chrono::ceil<std::chrono::milliseconds>(time));
  };
  const json body = {{"query",
                      {{"filter", {{"createdDate", {{"$gte", to_ms(from)}, {"$lt", to_ms(to)}}}}},
                       {"sort", json::array({{{"fieldName", "createdDate"}, {"order", "ASC"}}})},
                       {"cursorPaging", {{"limit", kPageSize}}}}}};
  return body.dump();
}

std::string links_with_ids_query(const std::vector<std::string>& ids) {
  const json body = {
      {"query", {{"filter", {{"id", {{"$in", ids}}}}}, {"cursorPaging", {{"limit", kPageSize}}}}}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string next_page_query(const std::string& cursor) {
  const json body = {{"query", {{"cursorPaging", {{"cursor", cursor}}}}}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Parsed<PaymentLinkInfo> parse_link_reply(std::string_view body) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  const json* link = member(*reply, "paymentLink");
  if (link == nullptr)
    return BadReply{"the reply has no \"paymentLink\""};
  return read_link(*link);
}

Parsed<Page<PaymentLinkInfo>> parse_links_page(std::string_view body) {
  return read_page<PaymentLinkInfo>(
      body, "paymentLinks", [](const json& item) -> Parsed<PaymentLinkInfo> {
        if (!item.is_object())
          return BadReply{"an entry of \"paymentLinks\" is not an object"};
        return read_link(item);
      });
}

Parsed<Page<LinkPayment>> parse_payments_page(std::string_view body) {
  // A payment entry that cannot be read is kept with its problem, never fails the page.
  return read_page<LinkPayment>(
      body, "paymentLinkPayments",
      [](const json& item) -> Parsed<LinkPayment> { return read_payment(item); });
}

Parsed<std::string> parse_receipt_reply(std::string_view body) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  // Wix documents {"receiptId"}; {"receipt": {"id"}} (as clients mock it) and a bare id are
  // still taken.
  if (auto id = text(*reply, "receiptId"); !id.empty())
    return id;
  if (const json* receipt = member(*reply, "receipt")) {
    if (auto id = text(*receipt, "id"); !id.empty())
      return id;
  }
  if (auto id = text(*reply, "id"); !id.empty())
    return id;
  return BadReply{"the reply names no receipt id"};
}

Parsed<std::string> parse_settings_reply(std::string_view body) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  const json* settings = member(*reply, "paymentLinksSettings");
  if (settings == nullptr)
    return BadReply{"the reply has no \"paymentLinksSettings\""};
  return text(*settings, "revision");
}

Parsed<SiteInfo> parse_site_properties(std::string_view body) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  const json* properties = member(*reply, "properties");
  if (properties == nullptr)
    return BadReply{"the reply has no \"properties\""};
  SiteInfo site;
  site.payment_currency = text(*properties, "paymentCurrency");
  site.business_name = text(*properties, "businessName");
  site.time_zone = text(*properties, "timeZone");
  // The address's shape is not pinned down: its formatted form when given, else its parts.
  if (const json* address = member(*properties, "address")) {
    if (auto formatted = text(*address, "formatted"); !formatted.empty()) {
      site.address.push_back(formatted);
    } else {
      std::string street = first_text(*address, {"street.name", "street", "addressLine"});
      if (auto number = first_text(*address, {"street.number"}); !number.empty())
        street = tame_server_text(number + " " + street);
      std::string town = text(*address, "zip");
      if (town.empty())
        town = text(*address, "postalCode");
      if (auto city = text(*address, "city"); !city.empty())
        town = tame_server_text(town.empty() ? city : town + " " + city);
      for (auto& line : {street, town, text(*address, "country")}) {
        if (!line.empty())
          site.address.push_back(line);
      }
    }
  } else if (auto address_text = text(*properties, "address"); !address_text.empty()) {
    site.address.push_back(address_text);
  }
  return site;
}

Parsed<std::string> parse_checkout_reply(std::string_view body) {
  const auto reply = parse_object(body);
  if (!reply)
    return BadReply{"the reply is not a JSON object"};
  if (auto url = first_text(*reply, {"ecomCheckout.checkoutUrl", "ecomOrder.orderUrl"}, raw_text);
      !url.empty()) {
    // It goes into the customer's QR code: a web address, nothing a phone would run or dial.
    if (!is_web_url(url))
      return BadReply{"the checkout URL is not an http(s) address"};
    return url;
  }
  if (member(*reply, "cashierOrder") != nullptr)
    return BadReply{"the reply has only the deprecated \"cashierOrder\", no checkout URL"};
  return BadReply{"the reply has neither ecomCheckout.checkoutUrl nor ecomOrder.orderUrl"};
}

ErrorBody parse_error_body(std::string_view body) {
  ErrorBody error;
  const auto reply = parse_object(body);
  if (!reply)
    return error;
  error.message = text(*reply, "message");
  const json* details = member(*reply, "details");
  if (details == nullptr)
    return error;
  if (const json* application = member(*details, "applicationError")) {
    error.code = text(*application, "code");
    if (auto description = text(*application, "description"); !description.empty()) {
      error.message = description;
    } else if (!error.code.empty()) {
      error.message = error.code;
    }
  }
  if (const json* validation = member(*details, "validationError")) {
    const auto violations = validation->find("fieldViolations");
    if (violations != validation->end() && violations->is_array()) {
      for (const auto& violation : *violations) {
        if (!violation.is_object())
          continue;
        error.field_violations.push_back(
            tame_server_text(text(violation, "field") + ": " + text(violation, "description")));
      }
    }
  }
  return error;
}

}  // namespace linkpos::wix
