#include "tools/wixsim/model/wire_format.hpp"

#include <charconv>
#include <string>

namespace linkpos::tools::wixsim {

std::optional<AmountForm> amount_form_from_name(std::string_view name) {
  if (name == "string")
    return AmountForm::kString;
  if (name == "number")
    return AmountForm::kNumber;
  return std::nullopt;
}

std::optional<CurrencyFields> currency_fields_from_name(std::string_view name) {
  if (name == "currency")
    return CurrencyFields::kCurrency;
  if (name == "currencyCode")
    return CurrencyFields::kCurrencyCode;
  if (name == "both")
    return CurrencyFields::kBoth;
  return std::nullopt;
}

nlohmann::json amount_json(const DecimalAmount& amount, const WireFormat& format) {
  const std::string text = format_decimal_amount(amount, format.amount_scale);
  if (format.amount_form == AmountForm::kString)
    return text;
  if (amount.thousandths % 1000 == 0)
    return amount.thousandths / 1000;  // exact, whatever its size
  // Read from the decimal text: the nearest double, whatever the locale, not the sum of rounding
  // errors a division would add.
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void write_payment_currency(nlohmann::json& payment, const std::string& currency,
                            const WireFormat& format) {
  if (format.payment_currency != CurrencyFields::kCurrencyCode)
    payment["currency"] = currency;
  if (format.payment_currency != CurrencyFields::kCurrency)
    payment["currencyCode"] = currency;
}

}  // namespace linkpos::tools::wixsim
