#include "tools/wixsim/checkout.hpp"

#include <variant>

#include <nlohmann/json.hpp>

#include "tools/wixsim/checkout_pages.hpp"
#include "tools/wixsim/responses.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

bool wants_json(const HttpRequest& request) {
  const auto content_type = request.header("content-type");
  const auto accept = request.header("accept");
  return content_type.find("application/json") != std::string_view::npos ||
         (accept.find("application/json") != std::string_view::npos &&
          accept.find("text/html") == std::string_view::npos);
}

std::optional<ContactDetails> contact_in(const json& body) {
  if (!body.is_object() || !body.contains("contactDetails") ||
      !body["contactDetails"].is_object()) {
    return std::nullopt;
  }
  const json& details = body["contactDetails"];
  const auto text = [&](const char* name, const char* fallback) {
    return details.contains(name) && details[name].is_string() ? details[name].get<std::string>()
                                                               : std::string(fallback);
  };
  return ContactDetails{text("firstName", "Test"), text("lastName", "Customer"),
                        text("email", "customer@example.com")};
}

}  // namespace

Checkout::Checkout(SiteState& site, Clock clock) : site_(site), clock_(std::move(clock)) {}

HttpResponse Checkout::show(const HttpRequest&, const RouteMatch& match) {
  const PaymentLink* link = site_.find_link(match.id);
  if (link == nullptr)
    return html_response(404, refused_page("No such payment link", "This link does not exist."));
  const auto now = clock_();
  return html_response(
      200, checkout_page(*link, status_at(*link, now), site_.takes_payment(*link, now)));
}

HttpResponse Checkout::pay(const HttpRequest& request, const RouteMatch& match) {
  const bool json_reply = wants_json(request);
  std::optional<ContactDetails> contact;
  if (json_reply && request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
      return error_response(
          application_error(400, "INVALID_ARGUMENT", "the request body is not valid JSON"));
    }
    contact = contact_in(body);
  }
  const auto outcome = site_.pay(match.id, clock_(), contact);
  if (const auto* error = std::get_if<WixError>(&outcome)) {
    if (json_reply)
      return error_response(*error);
    return html_response(error->http_status, refused_page("Not paid", error->description));
  }
  const auto& payment = std::get<LinkPayment>(outcome);
  if (json_reply)
    return json_response(200, {{"paymentLinkPayment", payment_json(payment)}});
  return html_response(200, paid_page(*site_.find_link(match.id), payment));
}

}  // namespace linkpos::tools::wixsim
