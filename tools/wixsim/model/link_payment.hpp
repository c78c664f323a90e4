#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/decimal_amount.hpp"
#include "tools/wixsim/model/rfc3339.hpp"
#include "tools/wixsim/model/wire_format.hpp"

namespace linkpos::tools::wixsim {

// Who paid, as the checkout collected it.
struct ContactDetails {
  std::string first_name;
  std::string last_name;
  std::string email;
};

// How a payment record was paid: by card (REGULAR) or by gift card (GIFT_CARD, the name
// UNCONFIRMED). One checkout may make one of each.
enum class PaymentType { kRegular, kGiftCard };

// One payment record of a completed checkout (Wix's PaymentLinkPayment).
struct LinkPayment {
  std::string id;
  std::int64_t revision = 1;
  TimePoint created;
  TimePoint updated;
  std::string link_id;
  std::string checkout_id;  // ecomCheckout.ecomCheckoutId, shared by a checkout's records
  PaymentType type = PaymentType::kRegular;
  DecimalAmount amount;
  std::string currency;
  ContactDetails contact;
  std::string gift_card_code;             // GIFT_CARD: the masked code
  std::optional<std::string> receipt_id;  // once a receipt was issued
};

// The payment in the API's shape, its amount and currency written as `format` says.
nlohmann::json payment_json(const LinkPayment& payment, const WireFormat& format = {});

}  // namespace linkpos::tools::wixsim
