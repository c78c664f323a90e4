#pragma once

#include "tools/wixsim/model/clock.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"
#include "tools/wixsim/routes/router.hpp"

namespace linkpos::tools::wixsim {

// The customer's side, served where links.url.url points: GET /pay/<id> shows the checkout,
// POST /pay/<id>/pay completes it; and where Initiate Payment's checkoutUrl (or orderUrl)
// points, GET /checkout/<checkout id> and POST /checkout/<checkout id>/pay, the same pages and
// answers for that checkout's link (an unknown checkout: 404). Paying completes a checkout,
// paying what is due (the total less any discount) or the "amount" the form or JSON body gives
// (a Wix decimal above 0, else 400 naming the field). A browser gets HTML pages; a request with
// a JSON body (or that accepts only JSON) gets {"paymentLinkPayment": <the card's record, or the
// only one>, "paymentLinkPayments": [every record of the checkout]} or Wix's error body, and may
// name the customer in {"contactDetails": {"firstName", "lastName", "email"}}.
class Checkout {
 public:
  Checkout(SiteState& site, Clock clock);

  HttpResponse show(const HttpRequest& request, const RouteMatch& match);
  HttpResponse pay(const HttpRequest& request, const RouteMatch& match);
  // The same, for a checkout Initiate Payment started (match.id: the checkout's id).
  HttpResponse show_initiated(const HttpRequest& request, const RouteMatch& match);
  HttpResponse pay_initiated(const HttpRequest& request, const RouteMatch& match);

 private:
  // The page of link `link_id`, whose form posts to `pay_path`.
  HttpResponse show_link(const std::string& link_id, const std::string& pay_path);
  // Pays link `link_id` from the request's form or JSON body.
  HttpResponse pay_link(const HttpRequest& request, const std::string& link_id);

  SiteState& site_;
  Clock clock_;
};

}  // namespace linkpos::tools::wixsim
