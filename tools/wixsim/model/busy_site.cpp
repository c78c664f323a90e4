#include "tools/wixsim/model/busy_site.hpp"

#include <cstdio>

namespace linkpos::tools::wixsim {

LinkTerms other_terminal_terms(const LinkTerms& terms, int number) {
  LinkTerms other = terms;
  char title[32];
  std::snprintf(title, sizeof title, "Sale OTHER-%06d", number);
  other.title = title;
  return other;
}

}  // namespace linkpos::tools::wixsim
