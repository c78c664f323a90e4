#pragma once

#include <vector>

#include "tools/wixsim/faults/fault_control.hpp"
#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/router.hpp"
#include "tools/wixsim/routes/wix_api.hpp"

namespace linkpos::tools::wixsim {

// wixsim's whole routing table, in one place: the Payment Links API, Site Properties, the
// customer checkout and the state dump.
std::vector<Route> wixsim_routes(WixApi& api, Checkout& checkout);

// The fault control on /_wixsim/faults: read-faults (GET), add-faults (POST), clear-faults
// (DELETE).
std::vector<Route> fault_control_routes(FaultControl& control);

// The names fault rules may give: the table's routes except the harness's own (/_wixsim/…,
// which must stay reachable to clear faults), and the router's answers without a route
// (unauthenticated, forbidden, not-found).
std::vector<std::string> faultable_routes(const std::vector<Route>& routes);

}  // namespace linkpos::tools::wixsim
