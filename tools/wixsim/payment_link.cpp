#include "tools/wixsim/payment_link.hpp"

namespace linkpos::tools::wixsim {

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

nlohmann::json link_json(const PaymentLink& link, TimePoint now) {
  nlohmann::json json = link.terms.echoed;
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
