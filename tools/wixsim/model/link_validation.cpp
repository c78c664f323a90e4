#include "tools/wixsim/model/link_validation.hpp"

#include <climits>

#include "tools/wixsim/model/currencies.hpp"
#include "tools/wixsim/model/decimal_field.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxQuantity = 100'000;

// Collects the broken rules of one request, so the client learns all of them at once.
class Violations {
 public:
  void add(std::string field, std::string description, std::string rule) {
    list_.push_back({std::move(field), std::move(description), std::move(rule)});
  }
  bool empty() const { return list_.empty(); }
  std::vector<FieldViolation> take() { return std::move(list_); }

 private:
  std::vector<FieldViolation> list_;
};

const json* member(const json& object, const char* name) {
  if (!object.is_object())
    return nullptr;
  const auto found = object.find(name);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

// Wix trims non-visible characters from the title.
std::string trimmed(const std::string& text) {
  const auto visible = [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7F; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && !visible(text[begin]))
    ++begin;
  while (end > begin && !visible(text[end - 1]))
    --end;
  return text.substr(begin, end - begin);
}

std::optional<std::string> required_string(const json& object, const char* name,
                                           const std::string& field, Violations& violations) {
  const json* value = member(object, name);
  if (value == nullptr) {
    violations.add(field, "is required", "REQUIRED_FIELD");
    return std::nullopt;
  }
  if (!value->is_string()) {
    violations.add(field, "must be a string", "FORMAT");
    return std::nullopt;
  }
  std::string text = trimmed(value->get<std::string>());
  if (text.empty()) {
    violations.add(field, "must not be empty", "REQUIRED_FIELD");
    return std::nullopt;
  }
  return text;
}

// proto3 JSON accepts integers as numbers or as strings of digits.
std::optional<std::int64_t> integer_value(const json& value) {
  if (value.is_number_integer())
    return value.get<std::int64_t>();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.empty() || text.size() > 18)
      return std::nullopt;
    std::int64_t number = 0;
    for (std::size_t i = text[0] == '-' ? 1 : 0; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9')
        return std::nullopt;
      number = number * 10 + (text[i] - '0');
    }
    if (text == "-")
      return std::nullopt;
    return text[0] == '-' ? -number : number;
  }
  return std::nullopt;
}

std::optional<DecimalAmount> read_price(const json& object, const char* name,
                                        const std::string& field, Violations& violations) {
  const json* value = member(object, name);
  if (value == nullptr) {
    violations.add(field, "is required", "REQUIRED_FIELD");
    return std::nullopt;
  }
  auto price = read_decimal_value(*value, field, {});
  if (auto* violation = std::get_if<FieldViolation>(&price)) {
    violations.add(std::move(violation->field), std::move(violation->description),
                   std::move(violation->violated_rule));
    return std::nullopt;
  }
  return std::get<DecimalAmount>(price);
}

std::optional<std::int64_t> read_quantity(const json& item, const std::string& field,
                                          Violations& violations) {
  const json* value = member(item, "quantity");
  if (value == nullptr)
    return 1;
  const auto quantity = integer_value(*value);
  if (!quantity) {
    violations.add(field, "must be an integer", "FORMAT");
  } else if (*quantity < 1) {
    violations.add(field, "must be at least 1", "MIN");
  } else if (*quantity > kMaxQuantity) {
    violations.add(field, "must be at most " + std::to_string(kMaxQuantity), "MAX");
  } else {
    return quantity;
  }
  return std::nullopt;
}

std::optional<CheckoutLine> read_custom_item(const json& item, const std::string& field,
                                             Violations& violations) {
  const json* custom = member(item, "customItem");
  if (custom == nullptr || !custom->is_object()) {
    violations.add(field + ".customItem", "is required for a CUSTOM line item", "REQUIRED_FIELD");
    return std::nullopt;
  }
  const auto name = required_string(*custom, "name", field + ".customItem.name", violations);
  const auto quantity = read_quantity(*custom, field + ".customItem.quantity", violations);
  const auto price = read_price(*custom, "price", field + ".customItem.price", violations);
  if (!name || !quantity || !price)
    return std::nullopt;
  return CheckoutLine{*name, *quantity, *price};
}

std::optional<CheckoutLine> read_catalog_item(const json& item, const std::string& field,
                                              Violations& violations) {
  const json* catalog = member(item, "catalogItem");
  if (catalog == nullptr || !catalog->is_object()) {
    violations.add(field + ".catalogItem", "is required for a CATALOG line item", "REQUIRED_FIELD");
    return std::nullopt;
  }
  const std::string reference_field = field + ".catalogItem.catalogReference";
  const json* reference = member(*catalog, "catalogReference");
  std::optional<std::string> item_id;
  if (reference == nullptr || !reference->is_object()) {
    violations.add(reference_field, "is required", "REQUIRED_FIELD");
  } else {
    item_id = required_string(*reference, "catalogItemId", reference_field + ".catalogItemId",
                              violations);
    required_string(*reference, "appId", reference_field + ".appId", violations);
  }
  const auto quantity = read_quantity(*catalog, field + ".catalogItem.quantity", violations);
  std::optional<DecimalAmount> price = kCatalogItemPrice;
  if (const json* overrides = member(*catalog, "catalogOverrideFields");
      overrides != nullptr && member(*overrides, "price") != nullptr) {
    price = read_price(*overrides, "price", field + ".catalogItem.catalogOverrideFields.price",
                       violations);
  }
  if (!item_id || !quantity || !price)
    return std::nullopt;
  return CheckoutLine{"Catalog item " + *item_id, *quantity, *price};
}

void read_line_items(const json& link, LinkTerms& terms, Violations& violations) {
  if (member(link, "ecomOrderPaymentLink") != nullptr) {
    violations.add("paymentLink.ecomOrderPaymentLink", "must not be set for type ECOM",
                   "ONE_OF_ALIGNMENT");
  }
  const json* ecom = member(link, "ecomPaymentLink");
  const json* items = ecom == nullptr ? nullptr : member(*ecom, "lineItems");
  const std::string items_field = "paymentLink.ecomPaymentLink.lineItems";
  if (items == nullptr || !items->is_array() || items->empty()) {
    violations.add(items_field, "at least one line item is required for type ECOM", "MIN_SIZE");
    return;
  }
  DecimalAmount total{0};
  bool complete = true;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    const std::string field = items_field + "[" + std::to_string(i) + "]";
    std::string type;
    if (const json* given = member(item, "type"); given != nullptr && given->is_string()) {
      type = given->get<std::string>();
    } else if (member(item, "catalogItem") != nullptr) {
      type = "CATALOG";
    } else {
      type = "CUSTOM";
    }
    std::optional<CheckoutLine> line;
    if (type == "CUSTOM") {
      line = read_custom_item(item, field, violations);
    } else if (type == "CATALOG") {
      line = read_catalog_item(item, field, violations);
    } else {
      violations.add(field + ".type", "must be CUSTOM or CATALOG", "INVALID_ENUM_VALUE");
    }
    if (!line) {
      complete = false;
      continue;
    }
    const auto cost = multiply(line->price, line->quantity);
    const auto sum = cost ? add(total, *cost) : std::nullopt;
    if (!sum) {
      violations.add(items_field, "the total must be at most 1000000000000000", "DECIMAL_LTE");
      return;
    }
    total = *sum;
    terms.lines.push_back(std::move(*line));
  }
  if (complete) {
    terms.total = total;
    terms.echoed["ecomPaymentLink"] = *ecom;
  }
}

void read_order(const json& link, LinkTerms& terms, Violations& violations) {
  if (member(link, "ecomPaymentLink") != nullptr) {
    violations.add("paymentLink.ecomPaymentLink", "must not be set for type ECOM_ORDER",
                   "ONE_OF_ALIGNMENT");
  }
  const std::string field = "paymentLink.ecomOrderPaymentLink";
  const json* order = member(link, "ecomOrderPaymentLink");
  if (order == nullptr || !order->is_object()) {
    violations.add(field, "is required for type ECOM_ORDER", "REQUIRED_FIELD");
    return;
  }
  const auto order_id = required_string(*order, "orderId", field + ".orderId", violations);
  const auto amount = read_price(*order, "amount", field + ".amount", violations);
  if (!order_id || !amount)
    return;
  terms.total = *amount;
  terms.lines.push_back({"Order " + *order_id, 1, *amount});
  terms.echoed["ecomOrderPaymentLink"] = *order;
}

}  // namespace

std::variant<LinkTerms, WixError> read_link_terms(const json& body,
                                                  const std::optional<std::string>& site_currency) {
  Violations violations;
  const json* link = member(body, "paymentLink");
  if (link == nullptr || !link->is_object()) {
    violations.add("paymentLink", "is required", "REQUIRED_FIELD");
    return validation_error(violations.take());
  }

  LinkTerms terms;
  if (auto title = required_string(*link, "title", "paymentLink.title", violations))
    terms.title = *title;

  const auto type = required_string(*link, "type", "paymentLink.type", violations);
  if (type && *type != "ECOM" && *type != "ECOM_ORDER") {
    violations.add("paymentLink.type", "must be ECOM or ECOM_ORDER", "INVALID_ENUM_VALUE");
  }

  if (auto currency = required_string(*link, "currency", "paymentLink.currency", violations)) {
    if (!is_known_currency(*currency)) {
      violations.add("paymentLink.currency", "must be an ISO 4217 currency code", "FORMAT");
    } else if (site_currency && *currency != *site_currency) {
      violations.add("paymentLink.currency",
                     "must be the site's payment currency, " + *site_currency, "OTHER");
    } else {
      terms.currency = *currency;
    }
  }

  if (const json* limit = member(*link, "paymentsLimit")) {
    const auto value = integer_value(*limit);
    if (!value) {
      violations.add("paymentLink.paymentsLimit", "must be an integer", "FORMAT");
    } else if (*value < 1) {
      violations.add("paymentLink.paymentsLimit", "must be at least 1", "MIN");
    } else if (*value > INT_MAX) {
      violations.add("paymentLink.paymentsLimit", "must be at most " + std::to_string(INT_MAX),
                     "MAX");
    } else {
      terms.payments_limit = static_cast<int>(*value);
    }
  }

  if (const json* expiration = member(*link, "expirationDate")) {
    const auto time =
        expiration->is_string() ? parse_rfc3339(expiration->get<std::string>()) : std::nullopt;
    if (time) {
      terms.expiration = time;
    } else {
      violations.add("paymentLink.expirationDate", "must be an RFC 3339 date-time", "FORMAT");
    }
  }

  if (const json* description = member(*link, "description");
      description && !description->is_string()) {
    violations.add("paymentLink.description", "must be a string", "FORMAT");
  }

  if (type == "ECOM") {
    terms.type = "ECOM";
    read_line_items(*link, terms, violations);
  } else if (type == "ECOM_ORDER") {
    terms.type = "ECOM_ORDER";
    read_order(*link, terms, violations);
  }

  if (!violations.empty())
    return validation_error(violations.take());

  if (terms.type == "ECOM_ORDER") {
    if (!terms.payments_limit)
      terms.payments_limit = 1;
    if (*terms.payments_limit != 1) {
      return application_error(
          400, "INVALID_PAYMENTS_LIMIT_FOR_ECOM_ORDER_PAYMENT_LINK",
          "a payment link for an order takes exactly one payment (paymentsLimit 1)");
    }
  }
  for (const char* name :
       {"description", "note", "displayData", "recipients", "source", "tags", "extendedFields"}) {
    if (const json* value = member(*link, name))
      terms.echoed[name] = *value;
  }
  return terms;
}

}  // namespace linkpos::tools::wixsim
