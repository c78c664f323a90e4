#pragma once

#include <functional>
#include <string>

#include "tools/wixsim/model/clock.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"
#include "tools/wixsim/routes/router.hpp"

namespace linkpos::tools::wixsim {

// The Wix REST endpoints wixsim serves (Payment Links, CONTRACT.md §2–§4, and Site Properties):
// each reads its request, asks the site, and answers in Wix's JSON shapes, amounts and
// currencies written as the site's wire format says. Authentication is the router's job.
class WixApi {
 public:
  // `link_created` hears of every link made through the API (auto-pay listens).
  WixApi(SiteState& site, Clock clock,
         std::function<void(const std::string& link_id)> link_created);

  HttpResponse create_link(const HttpRequest& request, const RouteMatch& match);
  HttpResponse get_link(const HttpRequest& request, const RouteMatch& match);
  HttpResponse delete_link(const HttpRequest& request, const RouteMatch& match);
  HttpResponse query_links(const HttpRequest& request, const RouteMatch& match);
  HttpResponse activate_link(const HttpRequest& request, const RouteMatch& match);
  HttpResponse deactivate_link(const HttpRequest& request, const RouteMatch& match);
  // Starts a checkout of the link: {"ecomCheckout": {"checkoutUrl"}} for an ECOM link,
  // {"ecomOrder": {"orderUrl"}} for an ECOM_ORDER one, both <base URL>/checkout/<checkout id>.
  HttpResponse initiate_payment(const HttpRequest& request, const RouteMatch& match);
  HttpResponse query_payments(const HttpRequest& request, const RouteMatch& match);
  HttpResponse issue_receipt(const HttpRequest& request, const RouteMatch& match);
  HttpResponse get_settings(const HttpRequest& request, const RouteMatch& match);
  HttpResponse site_properties(const HttpRequest& request, const RouteMatch& match);

  // Not Wix: everything the site holds, {"links": [...], "payments": [...], "rawPayments":
  // [...], "checkouts": [{"id", "paymentLinkId", "checkoutUrl", "createdDate"}]}, for tests and
  // technicians.
  HttpResponse dump_state(const HttpRequest& request, const RouteMatch& match);
  // Not Wix: adds payment entries (an object or a list of them) that queries list as given,
  // {"rawPayments": [...]} back.
  HttpResponse add_raw_payments(const HttpRequest& request, const RouteMatch& match);

 private:
  const WireFormat& wire() const { return site_.options().wire; }

  SiteState& site_;
  Clock clock_;
  std::function<void(const std::string&)> link_created_;
};

}  // namespace linkpos::tools::wixsim
