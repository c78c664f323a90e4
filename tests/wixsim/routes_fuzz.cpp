// libFuzzer target: arbitrary bytes through wixsim's routes — as raw bodies, and placed inside
// otherwise valid requests as a filter, a cursor, a field value or a fault rule — must never crash,
// hang or answer with anything but a JSON or HTML response.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tools/wixsim/faults/fault_control.hpp"
#include "tools/wixsim/faults/fault_flag.hpp"
#include "tools/wixsim/model/link_validation.hpp"
#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"

namespace {

using namespace linkpos::tools::wixsim;
using nlohmann::json;

json link_request(const std::string& field, const json& value) {
  json link = {{"title", "Fuzz"},
               {"type", "ECOM"},
               {"currency", "EUR"},
               {"paymentsLimit", 1},
               {"ecomPaymentLink",
                {{"lineItems",
                  {{{"type", "CUSTOM"}, {"customItem", {{"name", "A"}, {"price", "1.00"}}}}}}}}};
  if (field == "price") {
    link["ecomPaymentLink"]["lineItems"][0]["customItem"]["price"] = value;
  } else {
    link[field] = value;
  }
  return {{"paymentLink", link}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1)
    return 0;
  const std::uint8_t mode = data[0];
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);

  const TimePoint now{std::chrono::seconds(1'700'000'000)};
  GuidSource guids(1);
  // The high bit also turns on every variant of the checkout and the wire format.
  SiteOptions options;
  options.base_url = "http://localhost:1";
  if ((mode & 0x80) != 0) {
    options.ignore_payments_limit = true;
    options.wire.amount_scale = 0;
    options.wire.amount_form = AmountForm::kNumber;
    options.wire.payment_currency = CurrencyFields::kCurrency;
    options.pricing.discount = Percent{5'000};
    options.pricing.gift_card = Percent{50'000};
    options.properties.payment_currency = "EUR";
    options.other_terminals_links = 3;
  }
  SiteState site(options, guids);
  WixApi api(
      site, [now] { return now; }, nullptr);
  Checkout checkout(site, [now] { return now; });
  auto routes = wixsim_routes(api, checkout);
  FaultPlan faults(faultable_routes(routes));
  FaultControl fault_control(faults);
  for (auto& route : fault_control_routes(fault_control))
    routes.push_back(std::move(route));
  const Router router(std::move(routes), {"K", "S"});
  const std::string link_id =
      site.create_link(std::get<LinkTerms>(read_link_terms(link_request("title", "x"))), now).id;
  const std::string checkout_id =
      std::get<InitiatedCheckout>(site.initiate_payment(link_id, now)).id;
  const std::string payment_id =
      std::get<CompletedCheckout>(site.pay(link_id, now)).main_payment().id;

  HttpRequest request{"POST", "", {{"Authorization", "K"}, {"wix-site-id", "S"}}, rest};
  const std::string links = "/payment-links/v1/payment-links";
  switch (mode & 0x7F) {
    case 0:
      request.target = links;
      break;
    case 1:
      request.target = links + "/query";
      break;
    case 2:
      request.target = "/payment-links/v1/payment-link-payments/query";
      break;
    case 3:
      request.target = "/pay/" + link_id + "/pay";
      request.headers.emplace_back("Content-Type", "application/json");
      break;
    case 4:
      request.target = "/payment-links/v1/payment-link-payments/" + payment_id + "/issue-receipt";
      break;
    case 5:  // the bytes as a path
      request.method = "GET";
      request.target = rest;
      request.body.clear();
      break;
    case 6:  // the bytes as a filter
      request.target = links + "/query";
      request.body = json{{"query", {{"filter", json::parse(rest, nullptr, false)}}}}.dump();
      break;
    case 7:  // the bytes as a cursor
      request.target = "/payment-links/v1/payment-link-payments/query";
      request.body = json{{"query", {{"cursorPaging", {{"cursor", rest}}}}}}.dump(
          -1, ' ', false, json::error_handler_t::replace);
      break;
    case 8:  // the bytes as fault rules
      request.target = "/_wixsim/faults";
      break;
    case 10:  // the bytes as a form body paying the link
      request.target = "/pay/" + link_id + "/pay";
      request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
      break;
    case 11:  // the bytes as an Initiate Payment body
      request.target = links + "/" + link_id + "/initiate-payment";
      break;
    case 12:  // the bytes as a JSON body paying an initiated checkout
      request.target = "/checkout/" + checkout_id + "/pay";
      request.headers.emplace_back("Content-Type", "application/json");
      break;
    case 9: {  // the bytes as a --fault flag, then its rule at the endpoint
      request.target = "/_wixsim/faults";
      const auto rule = fault_flag_rule(rest);
      if (const auto* read = std::get_if<json>(&rule))
        request.body = read->dump(-1, ' ', false, json::error_handler_t::replace);
      break;
    }
    default: {  // the bytes as the value of one field of a create request
      static const char* const kFields[] = {"price",          "title",         "currency",
                                            "expirationDate", "paymentsLimit", "type"};
      const json value = json::parse(rest, nullptr, false);
      request.target = links;
      request.body = link_request(kFields[mode % 6], value.is_discarded() ? json(rest) : value)
                         .dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  const auto routed = router.handle(request);
  if (routed.response.status < 200 || routed.response.status > 599)
    __builtin_trap();
  if (routed.response.content_type.empty())
    __builtin_trap();
  return 0;
}
