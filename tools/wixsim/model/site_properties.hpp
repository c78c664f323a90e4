#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace linkpos::tools::wixsim {

// The site's business details, as Site Properties (GET /site-properties/v4/properties) gives
// them: what a terminal prints on its receipt header, the day boundary of its time zone, and the
// currency the site sells in.
struct SiteProperties {
  // --site-currency; none: the site accepts links in any currency and says no paymentCurrency.
  std::optional<std::string> payment_currency;
  std::string business_name = "wixsim Test Shop";
  std::string time_zone = "Europe/Paris";  // IANA
};

// {"properties": {"paymentCurrency"?, "businessName", "timeZone", "address": {...}}}, the
// address a fixed made-up one in Site Properties' shape (README: "Choices").
nlohmann::json site_properties_json(const SiteProperties& properties);

}  // namespace linkpos::tools::wixsim
