#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/wix_error.hpp"
#include "tools/wixsim/routes/http_exchange.hpp"

namespace linkpos::tools::wixsim {

HttpResponse json_response(int status, const nlohmann::json& body);
// The error's status with Wix's error body.
HttpResponse error_response(const WixError& error);
HttpResponse html_response(int status, std::string html);

}  // namespace linkpos::tools::wixsim
