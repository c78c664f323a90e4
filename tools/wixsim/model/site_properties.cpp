#include "tools/wixsim/model/site_properties.hpp"

namespace linkpos::tools::wixsim {

nlohmann::json site_properties_json(const SiteProperties& properties) {
  // A made-up address, in the shape Wix's Site Properties examples show.
  const nlohmann::json address = {
      {"street", "Rue de l'Exemple"},
      {"streetNumber", "12"},
      {"apartmentNumber", ""},
      {"city", "Paris"},
      {"state", "Île-de-France"},
      {"country", "FR"},
      {"zip", "75001"},
      {"googleFormattedAddress", "12 Rue de l'Exemple, 75001 Paris, France"},
      {"isPhysical", true},
      {"hint", {{"text", ""}, {"placement", "BEFORE"}}},
      {"coordinates", {{"latitude", 48.8606}, {"longitude", 2.3376}}},
  };
  nlohmann::json body = {
      {"businessName", properties.business_name},
      {"timeZone", properties.time_zone},
      {"address", address},
  };
  if (properties.payment_currency)
    body["paymentCurrency"] = *properties.payment_currency;
  return {{"properties", std::move(body)}};
}

}  // namespace linkpos::tools::wixsim
