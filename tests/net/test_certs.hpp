#pragma once

#include <string>

namespace linkpos::net::testing {

// A file written by tools/testcerts at build time ("ca.crt", "localhost.key", ...).
inline std::string test_cert(const std::string& name) {
  return std::string(LINKPOS_TEST_CERTS_DIR) + "/" + name;
}

}  // namespace linkpos::net::testing
