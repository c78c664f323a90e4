#pragma once

#include <vector>

#include "tools/wixsim/checkout.hpp"
#include "tools/wixsim/router.hpp"
#include "tools/wixsim/wix_api.hpp"

namespace linkpos::tools::wixsim {

// wixsim's whole routing table, in one place: the Payment Links API, the customer checkout
// and the state dump.
std::vector<Route> wixsim_routes(WixApi& api, Checkout& checkout);

}  // namespace linkpos::tools::wixsim
