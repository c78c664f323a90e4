#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace linkpos::testing {

// A Create Payment Link body as the terminal sends it: one custom line item.
inline nlohmann::json custom_link_request(const std::string& price = "12.50",
                                          int payments_limit = 1,
                                          const std::string& currency = "EUR") {
  return {{"paymentLink",
           {{"title", "Sale DEMO1-01J"},
            {"type", "ECOM"},
            {"currency", currency},
            {"paymentsLimit", payments_limit},
            {"ecomPaymentLink",
             {{"lineItems",
               {{{"type", "CUSTOM"},
                 {"customItem", {{"name", "Amount"}, {"quantity", 1}, {"price", price}}}}}}}}}}};
}

}  // namespace linkpos::testing
