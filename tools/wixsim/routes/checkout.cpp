#include "tools/wixsim/routes/checkout.hpp"

#include <variant>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/decimal_field.hpp"
#include "tools/wixsim/routes/checkout_pages.hpp"
#include "tools/wixsim/routes/form_body.hpp"
#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

// The amount a customer chooses must be a Wix decimal above 0 (README: "Endpoints").
constexpr DecimalRules kPaidAmount{.above_zero = true, .number_allowed = true};

bool wants_json(const HttpRequest& request) {
  const auto content_type = request.header("content-type");
  const auto accept = request.header("accept");
  return content_type.find("application/json") != std::string_view::npos ||
         (accept.find("application/json") != std::string_view::npos &&
          accept.find("text/html") == std::string_view::npos);
}

bool is_form(const HttpRequest& request) {
  return request.header("content-type").find("application/x-www-form-urlencoded") !=
         std::string_view::npos;
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

// Sets the input's amount from a read field, or gives the violation.
std::optional<FieldViolation> take_amount(std::variant<DecimalAmount, FieldViolation> read,
                                          CheckoutInput& input) {
  if (auto* violation = std::get_if<FieldViolation>(&read))
    return std::move(*violation);
  input.amount = std::get<DecimalAmount>(read);
  return std::nullopt;
}

// A checkout id no Initiate Payment gave: Wix's error body or a page, as the request wants.
HttpResponse unknown_checkout(const HttpRequest& request) {
  if (wants_json(request))
    return error_response(application_error(404, "CHECKOUT_NOT_FOUND", "no such checkout"));
  return html_response(404, refused_page("No such checkout", "This checkout does not exist."));
}

}  // namespace

Checkout::Checkout(SiteState& site, Clock clock) : site_(site), clock_(std::move(clock)) {}

HttpResponse Checkout::show(const HttpRequest&, const RouteMatch& match) {
  return show_link(match.id, "/pay/" + match.id + "/pay");
}

HttpResponse Checkout::pay(const HttpRequest& request, const RouteMatch& match) {
  return pay_link(request, match.id);
}

HttpResponse Checkout::show_initiated(const HttpRequest& request, const RouteMatch& match) {
  const InitiatedCheckout* started = site_.find_checkout(match.id);
  if (started == nullptr)
    return unknown_checkout(request);
  return show_link(started->link_id, "/checkout/" + match.id + "/pay");
}

HttpResponse Checkout::pay_initiated(const HttpRequest& request, const RouteMatch& match) {
  const InitiatedCheckout* started = site_.find_checkout(match.id);
  if (started == nullptr)
    return unknown_checkout(request);
  return pay_link(request, started->link_id);
}

HttpResponse Checkout::show_link(const std::string& link_id, const std::string& pay_path) {
  const PaymentLink* link = site_.find_link(link_id);
  if (link == nullptr)
    return html_response(404, refused_page("No such payment link", "This link does not exist."));
  const auto now = clock_();
  const auto& options = site_.options();
  const CheckoutOffer offer{site_.amount_due(*link), options.pricing.discount,
                            options.wire.amount_scale};
  return html_response(200, checkout_page(*link, status_at(*link, now),
                                          site_.takes_payment(*link, now), offer, pay_path));
}

HttpResponse Checkout::pay_link(const HttpRequest& request, const std::string& link_id) {
  const bool json_reply = wants_json(request);
  CheckoutInput input;
  std::optional<FieldViolation> bad_amount;
  if (is_form(request)) {
    if (const auto amount = form_field(request.body, "amount"))
      bad_amount = take_amount(read_decimal_text(*amount, "amount", kPaidAmount), input);
  } else if (json_reply && request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
      return error_response(
          application_error(400, "INVALID_ARGUMENT", "the request body is not valid JSON"));
    }
    input.contact = contact_in(body);
    if (body.is_object() && body.contains("amount") && !body["amount"].is_null())
      bad_amount = take_amount(read_decimal_value(body["amount"], "amount", kPaidAmount), input);
  }
  if (bad_amount) {
    if (json_reply)
      return error_response(validation_error({*bad_amount}));
    return html_response(400,
                         refused_page("Not paid", "The amount " + bad_amount->description + "."));
  }

  const auto outcome = site_.pay(link_id, clock_(), std::move(input));
  if (const auto* error = std::get_if<WixError>(&outcome)) {
    if (json_reply)
      return error_response(*error);
    return html_response(error->http_status, refused_page("Not paid", error->description));
  }
  const auto& checkout = std::get<CompletedCheckout>(outcome);
  const auto& wire = site_.options().wire;
  if (json_reply) {
    json records = json::array();
    for (const auto& payment : checkout.payments)
      records.push_back(payment_json(payment, wire));
    return json_response(200, {{"paymentLinkPayment", payment_json(checkout.main_payment(), wire)},
                               {"paymentLinkPayments", std::move(records)}});
  }
  return html_response(200, paid_page(*site_.find_link(link_id), checkout, wire.amount_scale));
}

}  // namespace linkpos::tools::wixsim
