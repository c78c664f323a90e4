#pragma once

#include <utility>

#include <functional>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>

#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/model/clock.hpp"
#include "tools/wixsim/routes/router.hpp"
#include "tools/wixsim/server/server_log.hpp"

namespace linkpos::tools::wixsim {

// Turns an accepted connection into a running HTTP session.
using SessionStarter = std::function<void(boost::asio::ip::tcp::socket)>;

// Plain HTTP sessions, answering through `router` with the faults of `faults`, dated by `clock`.
SessionStarter plain_sessions(const Router& router, FaultPlan& faults, ServerLog& log, Clock clock);

// HTTPS sessions presenting the certificate chain and key (PEM files); nullopt, with the reason
// logged, when the files are unusable or this build has no TLS.
std::optional<SessionStarter> tls_sessions(const std::string& cert_file,
                                           const std::string& key_file, const Router& router,
                                           FaultPlan& faults, ServerLog& log, Clock clock);

}  // namespace linkpos::tools::wixsim
