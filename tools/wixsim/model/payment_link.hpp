#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/decimal_amount.hpp"
#include "tools/wixsim/model/rfc3339.hpp"
#include "tools/wixsim/model/wire_format.hpp"

namespace linkpos::tools::wixsim {

enum class LinkStatus { kActive, kInactive, kExpired, kPaid };

// "ACTIVE", "INACTIVE", "EXPIRED", "PAID".
std::string_view status_name(LinkStatus status);

// One line of what the customer pays for, as the checkout page lists it.
struct CheckoutLine {
  std::string name;
  std::int64_t quantity = 1;
  DecimalAmount price;
};

// What a link asks the customer to pay, as read from a valid create request.
struct LinkTerms {
  std::string type;  // "ECOM" | "ECOM_ORDER"
  std::string title;
  std::string currency;
  std::optional<TimePoint> expiration;
  std::optional<int> payments_limit;  // none: any number of payments
  DecimalAmount total;
  std::vector<CheckoutLine> lines;
  // Fields given back as the client sent them: description, note, displayData, recipients,
  // source, tags, extendedFields, and the ecomPaymentLink / ecomOrderPaymentLink one-of.
  nlohmann::json echoed = nlohmann::json::object();
};

struct PaymentLink {
  std::string id;
  std::int64_t revision = 1;
  TimePoint created;
  TimePoint updated;
  std::string url;  // where the customer pays: <base URL>/pay/<id>
  LinkTerms terms;
  int total_payments = 0;
  std::optional<TimePoint> last_payment;
  bool deactivated = false;
};

// The status at `now`: INACTIVE once deactivated, else PAID once the payments limit is reached,
// else EXPIRED once the expiration date has passed, else ACTIVE. Expiry is computed on read, so
// a link expires without anyone touching it.
LinkStatus status_at(const PaymentLink& link, TimePoint now);

// The link in the API's shape (the value of "paymentLink"). The line items are given back as the
// client sent them but for their prices (and an order link's amount), which wixsim writes in its
// own form, as `format` says.
nlohmann::json link_json(const PaymentLink& link, TimePoint now, const WireFormat& format = {});

}  // namespace linkpos::tools::wixsim
