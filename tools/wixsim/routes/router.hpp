#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tools/wixsim/routes/http_exchange.hpp"

namespace linkpos::tools::wixsim {

// The values a route pattern captured ("{id}").
struct RouteMatch {
  std::string id;
};

using RouteHandler = std::function<HttpResponse(const HttpRequest&, const RouteMatch&)>;

// One row of the routing table. `name` identifies the route in the log (and, later, to fault
// injection); `pattern` is a path whose segments are literal or "{id}".
struct Route {
  std::string name;
  std::string method;
  std::string pattern;
  RouteHandler handler;
};

// Who may call the API: the site's API key and site id.
struct Credentials {
  std::string api_key;
  std::string site_id;
};

// The names the router gives requests no route of the table answers.
inline constexpr const char* kUnauthenticatedRoute = "unauthenticated";
inline constexpr const char* kForbiddenRoute = "forbidden";
inline constexpr const char* kNotFoundRoute = "not-found";

// The answer to one request and the name of the route that gave it (kUnauthenticatedRoute,
// kForbiddenRoute or kNotFoundRoute when none did).
struct RoutedResponse {
  std::string route;
  HttpResponse response;
};

// A request matched to its route but not yet answered: the route runs, and its effect happens,
// only when respond() is called, so a server can decide first what to do with the request.
// respond() reads the request given to dispatch(), which must still be alive then.
struct RoutedRequest {
  std::string route;
  std::function<HttpResponse()> respond;
};

// Dispatches requests through an explicit routing table. Requests to the API (/payment-links/…,
// /receipts/…, /site-properties/…) must carry `Authorization: <api key>` (or `Bearer <api key>`)
// and `wix-site-id: <site id>`: 401 without the key, 403 without the site. A request no route takes
// is answered 404, both with Wix's error body.
class Router {
 public:
  Router(std::vector<Route> routes, Credentials credentials);

  // Routes and answers the request at once.
  RoutedResponse handle(const HttpRequest& request) const;
  // Routes the request; the answer (and the route's effect) waits for respond().
  RoutedRequest dispatch(const HttpRequest& request) const;

 private:
  std::vector<Route> routes_;
  Credentials credentials_;
};

}  // namespace linkpos::tools::wixsim
