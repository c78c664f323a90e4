#pragma once

#include "tools/wixsim/model/payment_link.hpp"

namespace linkpos::tools::wixsim {

// A busy site's other terminals (--busy-site): the terms of the link another terminal creates
// just after `terms`' link — same currency, line items and limits, so it looks alike to any
// filter on them, but its own title ("Sale OTHER-000042", from `number`), which no terminal's
// sale reference matches.
LinkTerms other_terminal_terms(const LinkTerms& terms, int number);

}  // namespace linkpos::tools::wixsim
