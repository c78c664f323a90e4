#include "tools/wixsim/routes/routes.hpp"

#include <string_view>

namespace linkpos::tools::wixsim {
namespace {

// wixsim's own endpoints for tests live under this path; Wix has nothing there.
constexpr std::string_view kHarnessPrefix = "/_wixsim/";

template <class Handlers>
RouteHandler bind(Handlers& handlers,
                  HttpResponse (Handlers::*handler)(const HttpRequest&, const RouteMatch&)) {
  return [&handlers, handler](const HttpRequest& request, const RouteMatch& match) {
    return (handlers.*handler)(request, match);
  };
}

}  // namespace

std::vector<Route> wixsim_routes(WixApi& api, Checkout& checkout) {
  const std::string links = "/payment-links/v1/payment-links";
  const std::string payments = "/payment-links/v1/payment-link-payments";
  // Literal paths before patterns: ".../query" is not a link id.
  return {
      {"create-link", "POST", links, bind(api, &WixApi::create_link)},
      {"query-links", "POST", links + "/query", bind(api, &WixApi::query_links)},
      {"get-link", "GET", links + "/{id}", bind(api, &WixApi::get_link)},
      {"delete-link", "DELETE", links + "/{id}", bind(api, &WixApi::delete_link)},
      {"activate-link", "POST", links + "/{id}/activate", bind(api, &WixApi::activate_link)},
      {"deactivate-link", "POST", links + "/{id}/deactivate", bind(api, &WixApi::deactivate_link)},
      {"initiate-payment", "POST", links + "/{id}/initiate-payment",
       bind(api, &WixApi::initiate_payment)},
      {"query-payments", "POST", payments + "/query", bind(api, &WixApi::query_payments)},
      {"issue-receipt", "POST", payments + "/{id}/issue-receipt",
       bind(api, &WixApi::issue_receipt)},
      {"get-settings", "GET", "/payment-links/v1/payment-links-settings",
       bind(api, &WixApi::get_settings)},
      {"site-properties", "GET", "/site-properties/v4/properties",
       bind(api, &WixApi::site_properties)},
      {"checkout-page", "GET", "/pay/{id}", bind(checkout, &Checkout::show)},
      {"checkout-pay", "POST", "/pay/{id}/pay", bind(checkout, &Checkout::pay)},
      {"initiated-checkout-page", "GET", "/checkout/{id}",
       bind(checkout, &Checkout::show_initiated)},
      {"initiated-checkout-pay", "POST", "/checkout/{id}/pay",
       bind(checkout, &Checkout::pay_initiated)},
      {"state", "GET", std::string(kHarnessPrefix) + "state", bind(api, &WixApi::dump_state)},
      {"add-raw-payments", "POST", std::string(kHarnessPrefix) + "raw-payments",
       bind(api, &WixApi::add_raw_payments)},
  };
}

std::vector<Route> fault_control_routes(FaultControl& control) {
  const std::string faults = std::string(kHarnessPrefix) + "faults";
  return {
      {"read-faults", "GET", faults, bind(control, &FaultControl::read)},
      {"add-faults", "POST", faults, bind(control, &FaultControl::add)},
      {"clear-faults", "DELETE", faults, bind(control, &FaultControl::clear)},
  };
}

std::vector<std::string> faultable_routes(const std::vector<Route>& routes) {
  std::vector<std::string> names;
  for (const auto& route : routes) {
    if (!route.pattern.starts_with(kHarnessPrefix))
      names.push_back(route.name);
  }
  names.insert(names.end(), {kUnauthenticatedRoute, kForbiddenRoute, kNotFoundRoute});
  return names;
}

}  // namespace linkpos::tools::wixsim
