#include "tools/wixsim/model/payment_link.hpp"

namespace linkpos::tools::wixsim {
namespace {

// The price at a dotted path of a line item, when the client gave one.
nlohmann::json* price_in(nlohmann::json& item, const char* object, const char* inner) {
  auto found = item.find(object);
  if (found == item.end() || !found->is_object())
    return nullptr;
  nlohmann::json* at = &*found;
  if (inner != nullptr) {
    const auto nested = at->find(inner);
    if (nested == at->end() || !nested->is_object())
      return nullptr;
    at = &*nested;
  }
  const auto price = at->find("price");
  return price == at->end() || price->is_null() ? nullptr : &*price;
}

// The prices the client wrote, rewritten from what was read (terms.lines follow the line items'
// order: every item of an accepted link made one line).
void write_prices(nlohmann::json& json, const LinkTerms& terms, const WireFormat& format) {
  if (auto items = json.find("ecomPaymentLink");
      items != json.end() && items->contains("lineItems")) {
    auto& list = (*items)["lineItems"];
    for (std::size_t i = 0; i < list.size() && i < terms.lines.size(); ++i) {
      for (auto* price : {price_in(list[i], "customItem", nullptr),
                          price_in(list[i], "catalogItem", "catalogOverrideFields")}) {
        if (price != nullptr)
          *price = amount_json(terms.lines[i].price, format);
      }
    }
  }
  if (auto order = json.find("ecomOrderPaymentLink");
      order != json.end() && order->is_object() && order->contains("amount")) {
    (*order)["amount"] = amount_json(terms.total, format);
  }
}

}  // namespace

std::string_view status_name(LinkStatus status) {
  switch (status) {
    case LinkStatus::kActive:
      return "ACTIVE";
    case LinkStatus::kInactive:
      return "INACTIVE";
    case LinkStatus::kExpired:
      return "EXPIRED";
    case LinkStatus::kPaid:
      return "PAID";
  }
  return "UNKNOWN";
}

LinkStatus status_at(const PaymentLink& link, TimePoint now) {
  if (link.deactivated)
    return LinkStatus::kInactive;
  if (link.terms.payments_limit && link.total_payments >= *link.terms.payments_limit) {
    return LinkStatus::kPaid;
  }
  if (link.terms.expiration && *link.terms.expiration <= now)
    return LinkStatus::kExpired;
  return LinkStatus::kActive;
}

nlohmann::json link_json(const PaymentLink& link, TimePoint now, const WireFormat& format) {
  nlohmann::json json = link.terms.echoed;
  write_prices(json, link.terms, format);
  json["id"] = link.id;
  json["revision"] = std::to_string(link.revision);  // Wix writes int64 as strings
  json["createdDate"] = format_rfc3339(link.created);
  json["updatedDate"] = format_rfc3339(link.updated);
  json["type"] = link.terms.type;
  json["title"] = link.terms.title;
  json["currency"] = link.terms.currency;
  if (link.terms.expiration)
    json["expirationDate"] = format_rfc3339(*link.terms.expiration);
  if (link.terms.payments_limit)
    json["paymentsLimit"] = *link.terms.payments_limit;
  json["totalPayments"] = link.total_payments;
  if (link.last_payment)
    json["lastPaymentDate"] = format_rfc3339(*link.last_payment);
  json["links"] = {{"url", {{"url", link.url}}}};
  json["status"] = status_name(status_at(link, now));
  return json;
}

}  // namespace linkpos::tools::wixsim
