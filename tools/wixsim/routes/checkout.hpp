#pragma once

#include "tools/wixsim/model/clock.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"
#include "tools/wixsim/routes/router.hpp"

namespace linkpos::tools::wixsim {

// The customer's side, served where links.url.url points: GET /pay/<id> shows the checkout,
// POST /pay/<id>/pay completes it, paying what is due (the total less any discount) or the
// "amount" the form or JSON body gives (a Wix decimal above 0, else 400 naming the field). A
// browser gets HTML pages; a request with a JSON body (or that accepts only JSON) gets
// {"paymentLinkPayment": <the card's record, or the only one>, "paymentLinkPayments": [every
// record of the checkout]} or Wix's error body, and may name the customer in
// {"contactDetails": {"firstName", "lastName", "email"}}.
class Checkout {
 public:
  Checkout(SiteState& site, Clock clock);

  HttpResponse show(const HttpRequest& request, const RouteMatch& match);
  HttpResponse pay(const HttpRequest& request, const RouteMatch& match);

 private:
  SiteState& site_;
  Clock clock_;
};

}  // namespace linkpos::tools::wixsim
