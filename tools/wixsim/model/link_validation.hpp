#pragma once

#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/payment_link.hpp"
#include "tools/wixsim/model/wix_error.hpp"

namespace linkpos::tools::wixsim {

// Catalog items are priced by the site's store, which the emulator does not have: an item without
// catalogOverrideFields.price costs this much.
inline constexpr DecimalAmount kCatalogItemPrice{10'000};

// Reads the body of a Create Payment Link request ({"paymentLink": {...}}): the link's terms, or
// the error Wix answers with — a validation error listing every broken rule (missing title, type
// not ECOM/ECOM_ORDER, unknown currency, paymentsLimit < 1, missing or empty line items, a price
// that is not a non-negative decimal string with at most three decimals, …). A site with a payment
// currency (`site_currency`) refuses links in any other, naming paymentLink.currency.
std::variant<LinkTerms, WixError> read_link_terms(
    const nlohmann::json& body, const std::optional<std::string>& site_currency = std::nullopt);

}  // namespace linkpos::tools::wixsim
