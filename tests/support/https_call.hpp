#pragma once

#include <string>

#include "net/http_client.hpp"

namespace linkpos::testing {

// One HTTP(S) request with the terminal's own client, run to its end on a private event loop:
// how tests act as a customer's phone or read wixsim's state.
net::HttpResult https_call(const std::string& base_url, const std::string& ca_file,
                           net::HttpMethod method, const std::string& target,
                           const std::string& body = "",
                           std::map<std::string, std::string> headers = {});

}  // namespace linkpos::testing
