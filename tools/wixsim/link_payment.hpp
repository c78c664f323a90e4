#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/wixsim/decimal_amount.hpp"
#include "tools/wixsim/rfc3339.hpp"

namespace linkpos::tools::wixsim {

// Who paid, as the checkout collected it.
struct ContactDetails {
  std::string first_name;
  std::string last_name;
  std::string email;
};

// A completed checkout of a payment link (Wix's PaymentLinkPayment, type REGULAR).
struct LinkPayment {
  std::string id;
  std::int64_t revision = 1;
  TimePoint created;
  TimePoint updated;
  std::string link_id;
  DecimalAmount amount;
  std::string currency;
  ContactDetails contact;
  std::optional<std::string> receipt_id;  // once a receipt was issued
};

// The payment in the API's shape. The currency is written both as "currency" and as
// "currencyCode": which one Wix uses is not confirmed, and clients should read either.
nlohmann::json payment_json(const LinkPayment& payment);

}  // namespace linkpos::tools::wixsim
