#include "tools/wixsim/routes/wix_api.hpp"

#include <optional>
#include <variant>

#include "tools/wixsim/model/cursor_query.hpp"
#include "tools/wixsim/model/link_validation.hpp"
#include "tools/wixsim/model/site_properties.hpp"
#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

// The request's JSON body; an empty body reads as {}. nullopt when it is not JSON.
std::optional<json> json_body(const HttpRequest& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return json::object();
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded())
    return std::nullopt;
  return body;
}

HttpResponse not_json() {
  return error_response(
      application_error(400, "INVALID_ARGUMENT", "the request body is not valid JSON"));
}

HttpResponse link_response(const std::variant<PaymentLink, WixError>& outcome, TimePoint now,
                           const WireFormat& format) {
  if (const auto* error = std::get_if<WixError>(&outcome))
    return error_response(*error);
  return json_response(200,
                       {{"paymentLink", link_json(std::get<PaymentLink>(outcome), now, format)}});
}

}  // namespace

WixApi::WixApi(SiteState& site, Clock clock, std::function<void(const std::string&)> link_created)
    : site_(site), clock_(std::move(clock)), link_created_(std::move(link_created)) {}

HttpResponse WixApi::create_link(const HttpRequest& request, const RouteMatch&) {
  const auto body = json_body(request);
  if (!body)
    return not_json();
  auto terms = read_link_terms(*body, site_.options().properties.payment_currency);
  if (const auto* error = std::get_if<WixError>(&terms))
    return error_response(*error);
  const auto now = clock_();
  const PaymentLink& link = site_.create_link(std::get<LinkTerms>(std::move(terms)), now);
  auto response = json_response(200, {{"paymentLink", link_json(link, now, wire())}});
  if (link_created_)
    link_created_(link.id);
  return response;
}

HttpResponse WixApi::get_link(const HttpRequest&, const RouteMatch& match) {
  const PaymentLink* link = site_.find_link(match.id);
  if (link == nullptr)
    return error_response(link_not_found(match.id));
  return json_response(200, {{"paymentLink", link_json(*link, clock_(), wire())}});
}

HttpResponse WixApi::delete_link(const HttpRequest&, const RouteMatch& match) {
  if (auto error = site_.delete_link(match.id))
    return error_response(*error);
  return json_response(200, json::object());
}

HttpResponse WixApi::query_links(const HttpRequest& request, const RouteMatch&) {
  const auto body = json_body(request);
  if (!body)
    return not_json();
  const auto query = read_cursor_query(*body);
  if (const auto* error = std::get_if<WixError>(&query))
    return error_response(*error);
  const auto now = clock_();
  std::vector<json> links;
  for (const auto& link : site_.links())
    links.push_back(link_json(link, now, wire()));
  auto page = run_cursor_query(std::get<CursorQuery>(query), links);
  return json_response(200, {{"paymentLinks", std::move(page.items)},
                             {"pagingMetadata", std::move(page.paging_metadata)}});
}

HttpResponse WixApi::activate_link(const HttpRequest& request, const RouteMatch& match) {
  if (!json_body(request))
    return not_json();
  const auto now = clock_();
  return link_response(site_.activate_link(match.id, now), now, wire());
}

HttpResponse WixApi::deactivate_link(const HttpRequest& request, const RouteMatch& match) {
  if (!json_body(request))
    return not_json();
  const auto now = clock_();
  return link_response(site_.deactivate_link(match.id, now), now, wire());
}

HttpResponse WixApi::initiate_payment(const HttpRequest& request, const RouteMatch& match) {
  if (!json_body(request))
    return not_json();
  const auto started = site_.initiate_payment(match.id, clock_());
  if (const auto* error = std::get_if<WixError>(&started))
    return error_response(*error);
  const auto& checkout = std::get<InitiatedCheckout>(started);
  if (site_.find_link(checkout.link_id)->terms.type == "ECOM_ORDER")
    return json_response(200, {{"ecomOrder", {{"orderUrl", checkout.url}}}});
  return json_response(200, {{"ecomCheckout", {{"checkoutUrl", checkout.url}}}});
}

HttpResponse WixApi::query_payments(const HttpRequest& request, const RouteMatch&) {
  const auto body = json_body(request);
  if (!body)
    return not_json();
  const auto query = read_cursor_query(*body);
  if (const auto* error = std::get_if<WixError>(&query))
    return error_response(*error);
  std::vector<json> payments;
  for (const auto& payment : site_.payments())
    payments.push_back(payment_json(payment, wire()));
  payments.insert(payments.end(), site_.raw_payments().begin(), site_.raw_payments().end());
  auto page = run_cursor_query(std::get<CursorQuery>(query), payments);
  return json_response(200, {{"paymentLinkPayments", std::move(page.items)},
                             {"pagingMetadata", std::move(page.paging_metadata)}});
}

HttpResponse WixApi::issue_receipt(const HttpRequest& request, const RouteMatch& match) {
  if (!json_body(request))
    return not_json();
  const auto receipt = site_.issue_receipt(match.id, clock_());
  if (const auto* error = std::get_if<WixError>(&receipt))
    return error_response(*error);
  return json_response(200, {{"receiptId", std::get<std::string>(receipt)}});
}

HttpResponse WixApi::get_settings(const HttpRequest&, const RouteMatch&) {
  return json_response(200, {{"paymentLinksSettings",
                              {{"revision", "1"}, {"policyAgreementCheckboxDisabled", false}}}});
}

HttpResponse WixApi::site_properties(const HttpRequest&, const RouteMatch&) {
  return json_response(200, site_properties_json(site_.options().properties));
}

HttpResponse WixApi::dump_state(const HttpRequest&, const RouteMatch&) {
  const auto now = clock_();
  json links = json::array();
  for (const auto& link : site_.links())
    links.push_back(link_json(link, now, wire()));
  json payments = json::array();
  for (const auto& payment : site_.payments())
    payments.push_back(payment_json(payment, wire()));
  json checkouts = json::array();
  for (const auto& checkout : site_.checkouts()) {
    checkouts.push_back({{"id", checkout.id},
                         {"paymentLinkId", checkout.link_id},
                         {"checkoutUrl", checkout.url},
                         {"createdDate", format_rfc3339(checkout.created)}});
  }
  return json_response(200, {{"links", std::move(links)},
                             {"payments", std::move(payments)},
                             {"rawPayments", site_.raw_payments()},
                             {"checkouts", std::move(checkouts)}});
}

HttpResponse WixApi::add_raw_payments(const HttpRequest& request, const RouteMatch&) {
  const auto body = json_body(request);
  if (!body || !(body->is_object() || body->is_array()))
    return not_json();
  for (const auto& entry : body->is_array() ? *body : json::array({*body}))
    site_.add_raw_payment(entry);
  return json_response(200, {{"rawPayments", site_.raw_payments()}});
}

}  // namespace linkpos::tools::wixsim
