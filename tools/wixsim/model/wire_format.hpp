#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/decimal_amount.hpp"

namespace linkpos::tools::wixsim {

// How wixsim writes what the contract leaves open (README: "Choices"), so a client can be tried
// against each variant: the amounts' scale and JSON type, and which field carries a payment's
// currency.
enum class AmountForm { kString, kNumber };
enum class CurrencyFields { kCurrency, kCurrencyCode, kBoth };

struct WireFormat {
  int amount_scale = 2;  // 0…3: decimals written when they hold the amount exactly
  AmountForm amount_form = AmountForm::kString;
  CurrencyFields payment_currency = CurrencyFields::kBoth;
};

// "string" | "number"; "currency" | "currencyCode" | "both" (the flags' words).
std::optional<AmountForm> amount_form_from_name(std::string_view name);
std::optional<CurrencyFields> currency_fields_from_name(std::string_view name);

// An amount as wixsim writes it: the decimal string format_decimal_amount makes at the format's
// scale, or as a JSON number — an integer when whole, else the double nearest to that decimal,
// which JSON writes shortest (12.5, 11.733): a JSON number has no trailing zeros to keep.
nlohmann::json amount_json(const DecimalAmount& amount, const WireFormat& format);

// Puts `currency` into a payment object under the field(s) the format names.
void write_payment_currency(nlohmann::json& payment, const std::string& currency,
                            const WireFormat& format);

}  // namespace linkpos::tools::wixsim
