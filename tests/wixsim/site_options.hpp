#pragma once

#include <string>

#include "tools/wixsim/model/site_state.hpp"

namespace linkpos::testing {

// A site as wixsim starts without variant flags, serving links under `base_url`; tests change
// the fields they are about.
inline tools::wixsim::SiteOptions site_options(std::string base_url,
                                               bool ignore_payments_limit = false) {
  tools::wixsim::SiteOptions options;
  options.base_url = std::move(base_url);
  options.ignore_payments_limit = ignore_payments_limit;
  return options;
}

}  // namespace linkpos::testing
