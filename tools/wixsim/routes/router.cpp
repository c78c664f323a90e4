#include "tools/wixsim/routes/router.hpp"

#include <cctype>
#include <optional>
#include <string_view>

#include "tools/wixsim/routes/responses.hpp"

namespace linkpos::tools::wixsim {
namespace {

bool is_api_path(std::string_view path) {
  return path.starts_with("/payment-links/") || path.starts_with("/receipts/") ||
         path.starts_with("/site-properties/");
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
      return false;
  }
  return true;
}

bool has_api_key(std::string_view authorization, const std::string& api_key) {
  // Wix takes the raw key; some clients send it as a bearer token, which works for them too.
  if (starts_with_ignoring_case(authorization, "bearer "))
    authorization.remove_prefix(7);
  return !api_key.empty() && authorization == api_key;
}

std::optional<RouteMatch> match(std::string_view pattern, std::string_view path) {
  RouteMatch captured;
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/')
      return std::nullopt;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const std::string_view pattern_segment = pattern.substr(0, pattern.find('/'));
    const std::string_view path_segment = path.substr(0, path.find('/'));
    if (pattern_segment == "{id}") {
      if (path_segment.empty())
        return std::nullopt;
      captured.id = std::string(path_segment);
    } else if (pattern_segment != path_segment) {
      return std::nullopt;
    }
    pattern.remove_prefix(pattern_segment.size());
    path.remove_prefix(path_segment.size());
  }
  return captured;
}

}  // namespace

Router::Router(std::vector<Route> routes, Credentials credentials)
    : routes_(std::move(routes)), credentials_(std::move(credentials)) {}

RoutedResponse Router::handle(const HttpRequest& request) const {
  RoutedRequest routed = dispatch(request);
  return {std::move(routed.route), routed.respond()};
}

RoutedRequest Router::dispatch(const HttpRequest& request) const {
  const auto answer = [](HttpResponse response) {
    return [response = std::move(response)] { return response; };
  };
  const std::string_view path = request.path();
  if (is_api_path(path)) {
    if (!has_api_key(request.header("authorization"), credentials_.api_key)) {
      return {
          kUnauthenticatedRoute,
          answer(error_response(application_error(
              401, "UNAUTHENTICATED", "a valid API key is required in the Authorization header")))};
    }
    if (request.header("wix-site-id") != credentials_.site_id) {
      return {
          kForbiddenRoute,
          answer(error_response(application_error(
              403, "PERMISSION_DENIED", "the API key has no access to the site in wix-site-id")))};
    }
  }
  for (const auto& route : routes_) {
    if (route.method != request.method)
      continue;
    if (auto captured = match(route.pattern, path)) {
      return {route.name, [&route, &request, captured = std::move(*captured)] {
                return route.handler(request, captured);
              }};
    }
  }
  return {kNotFoundRoute,
          answer(error_response(application_error(
              404, "NOT_FOUND", "no such endpoint: " + request.method + " " + std::string(path))))};
}

}  // namespace linkpos::tools::wixsim
